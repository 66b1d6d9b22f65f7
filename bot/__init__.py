"""Bilingual (Indonesian / English) assistant on the cost of outsourcing customer support."""

__version__ = "0.1.0"
