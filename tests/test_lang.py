from __future__ import annotations

import pytest

from bot.lang import conversation_language, detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Berapa tarif per jam untuk dukungan pelanggan outsourcing?", "id"),
        ("What is the hourly rate for outsourced customer support?", "en"),
        ("Berapa hourly rate untuk outsourced support?", "id"),
        ("mahal nggak sih outsourcing?", "id"),
        ("gimana cara jaga keamanan data kalo pake vendor?", "id"),
        ("apa itu SLA?", "id"),
        ("Is offshore support cheaper than domestic?", "en"),
        ("how do I measure ROI?", "en"),
        ("What are the hidden costs of a call center partner?", "en"),
        ("kalau di dalam negeri?", "id"),
        ("customer support outsourcing worth it gak?", "id"),
        ("Apa saja tantangan outsourcing?", "id"),
        ("benefits of outsourcing", "en"),
        ("keuntungan outsourcing ke luar negeri", "id"),
    ],
)
def test_detects_language_of_short_and_mixed_questions(text, lang):
    assert detect_language(text) == lang


def test_text_without_words_falls_back_to_default():
    assert detect_language("???", default="en") == "en"
    assert detect_language("123 456") == "id"


def test_a_huge_question_is_told_apart_on_its_first_characters_only(monkeypatch):
    """A 1 MB one-word question once held a core for minutes inside lingua, before the length
    check could refuse it (found by probing the running server)."""
    from bot import lang

    seen: list[int] = []
    real = lang.indonesian_share
    monkeypatch.setattr(lang, "indonesian_share", lambda text: seen.append(len(text)) or real(text))
    assert lang.detect_language("A" * 1_000_000) == "en"
    assert lang.detect_language("What does outsourcing cost? " + "x" * 500_000) == "en"
    assert seen and max(seen) <= lang.DETECT_CHARS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Which Indonesian city has the cheapest call centre agents? Jogja, Bandung, Surabaya?",
            "en",
        ),
        ("Is Jakarta cheaper than Manila for support?", "en"),
        ("Vendor Surabaya bagus", "id"),
    ],
)
def test_place_names_do_not_decide_the_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [  # a particle dropped into an English sentence; Indonesian grammar words still decide
        ("My CFO keeps asking sih: outsourcing saves money, but where do the savings come from?",
         "en"),
        ("outsourcing worth it sih for a startup with 5 agents?", "en"),
        ("Vendor BPO-nya reliable nggak sih?", "id"),
        ("Outsourcing CS worth it nggak sih buat startup?", "id"),
        ("cost outsourcing CS itu gede sih?", "id"),
    ],
)  # fmt: skip
def test_a_particle_alone_does_not_make_an_english_sentence_indonesian(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "earlier", "lang"),
    [
        # a reply in neither language takes the latest question's that has one
        ("24/7?", ["How much for 5 chat agents?"], "en"),
        ("offshore?", ["Berapa biaya 5 agen chat?"], "id"),
        ("chat + email", ["How much for 5 agents?", "12?"], "en"),
        # a reply that has its own language keeps it
        ("why?", ["Berapa biaya 5 agen chat?"], "en"),
        ("kenapa?", ["How much for 5 chat agents?"], "id"),
        # with nothing earlier, the reply is read alone
        ("24/7?", [], "id"),
    ],
)
def test_a_neutral_reply_is_answered_in_the_conversations_language(text, earlier, lang):
    assert conversation_language(text, earlier) == lang


@pytest.mark.parametrize(
    "text", ["Manila or Bangalore, then?", "Sum all that up for me in one line.", "Why cheaper?"]
)
def test_english_function_words_without_an_indonesian_one_are_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("is there any data on how much CSAT improves after outsourcing, atau nggak ada?", "en"),
        ("Should we keep the phone line in-house, or is that mahal?", "en"),
        ("oke, ubah jadi technical dan 24/7", "id"),
        ("worth it gak sih outsource CS buat tim kecil?", "id"),
    ],
)
def test_an_english_sentence_with_a_stray_indonesian_tag_is_english(text, lang):
    assert detect_language(text) == lang
