"""A quoted hourly rate is placed in the article's $10-$50 band."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.answer.quote import quote_sentence, quoted_rate
from bot.config import REPO_ROOT
from bot.prompts import load_prompts

PROMPTS = load_prompts(REPO_ROOT / "prompts")
BAND = (Decimal(10), Decimal(50))


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Kita dapet penawaran vendor $45/jam, kemahalan?", Decimal(45)),
        ("A vendor quoted us $18 per hour for chat", Decimal(18)),
        ("USD 12,5 an hour for offshore agents?", Decimal("12.5")),
        ("$30 sejam untuk agen lokal wajar?", Decimal(30)),
        ("We spend $18,000 a month in-house", None),  # a monthly amount is no hourly quote
        ("5 agents 24/7, how much?", None),
    ],
)
def test_a_quoted_hourly_rate_is_read(text, rate):
    assert quoted_rate(text) == rate


@pytest.mark.parametrize(
    ("text", "lang", "position"),
    [
        ("$8/hour?", "en", "quote_below"),
        ("$12/hour?", "en", "quote_lower"),
        ("$30/hour?", "en", "quote_middle"),
        ("$45/jam?", "id", "quote_upper"),
        ("$60/jam?", "id", "quote_above"),
    ],
)
def test_the_quote_is_placed_in_the_band_in_the_question_language(text, lang, position):
    sentence = quote_sentence(text, lang, BAND, PROMPTS)
    assert sentence is not None and PROMPTS.text(lang, position) in sentence
    assert quote_sentence("no figure here", lang, BAND, PROMPTS) is None
