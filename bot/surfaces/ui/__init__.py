"""surfaces/ui"""
