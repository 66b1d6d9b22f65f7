"""The two languages ('id', 'en') and how to tell which one a question is in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

# Indonesian function words, particles and topic words that are not English words. A question
# that uses one is Indonesian even when its content words are English ("Berapa hourly rate untuk outsourced support?").
ID_MARKERS = frozenset(
    """
    apa apakah berapa bagaimana gimana gmn kenapa mengapa siapa kapan dimana mana
    yang dan atau untuk utk dengan dgn dari pada ke di dalam kalau kalo jika bila
    ini itu saja aja sih dong deh kah nggak gak ngga enggak tidak tak bukan belum sudah udah
    bisa dapat harus perlu mau ingin saya aku kami kita kamu anda bapak ibu
    adalah ada sama juga lebih kurang banyak sedikit tolong mohon jelaskan sebutkan
    biaya tarif harga murah mahal per bulan jam tahun orang agen pelanggan dukungan
    halo hai makasih terima kasih selamat pagi siang oke jadi ganti ubah tambah pakai pake
    brp knp lbh gk yg dlm tdk krn blm sdh lama
    """.split()
)
# English words that are also Indonesian-looking tokens; they do not count as markers.
AMBIGUOUS = frozenset({"per", "dan", "ada", "bisa", "mana", "jam"})
# Particles an Indonesian speaker drops into an English sentence ("My CFO keeps asking sih:
# where do the savings come from?"): alone, they do not make it Indonesian.
PARTICLES = frozenset({"sih", "dong", "deh", "kah"})
PARTICLE_SENTENCE_WORDS = 6  # an English sentence this long, besides its particles
# English function words: a message that uses one is written in English, however short ("why?").
EN_MARKERS = frozenset(
    """
    what why how which when where who whom whose is are was were be can could do does did
    should would will shall may might must the a an and or but with without for of to in on at
    by from if then than more less only just also make it its that this these those about
    please explain tell me my us our we you your i there any much many have has after before
    """.split()
)
MIXED_MIN_ENGLISH = 3  # English function words a code-mixed sentence needs to be read as English
NEUTRAL_WORDS = 3  # a reply this short without a marker of either language ("offshore?", "24/7?")
WORD = re.compile(r"[a-zA-Z]+")
NAMES = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b")
# Characters read to tell the language: a question is at most a few thousand, and lingua's time
# grows faster than the text (a 1 MB word took minutes of CPU before any length check ran).
DETECT_CHARS = 1000


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.INDONESIAN).build()


def indonesian_share(text: str) -> float:
    """Return lingua's confidence that the text is Indonesian (0..1)."""
    from lingua import Language

    return _detector().compute_language_confidence(text, Language.INDONESIAN)


def detect_language(text: str, default: Lang = "id") -> Lang:
    """Return 'id' or 'en'; code-mixed questions count as Indonesian (read on the first
    DETECT_CHARS characters)."""
    text = text[:DETECT_CHARS]
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return default
    markers = {w for w in words if w in ID_MARKERS and w not in AMBIGUOUS}
    if markers and not (markers <= PARTICLES and _english_sentence(words)):
        if not _mostly_english(words):
            return "id"
        return "en"
    if not markers and EN_MARKERS.intersection(words):
        return "en"  # "Manila or Bangalore, then?": English function words and no Indonesian one
    # Names tell nothing of the language the question is asked in ("Which Indonesian city ...?
    # Jogja, Bandung, Surabaya?" is English): lingua reads the text without capitalised words
    # that do not open a sentence, when any other word is left.
    plain = NAMES.sub(" ", text)
    return "id" if indonesian_share(plain if WORD.search(plain) else text) >= 0.5 else "en"


def is_neutral(text: str) -> bool:
    """A short reply with no word that only one of the languages uses ("offshore?", "24/7?",
    "chat + email"): it says nothing of the language the conversation is held in."""
    words = {w.lower() for w in WORD.findall(text[:DETECT_CHARS])}
    return len(words) <= NEUTRAL_WORDS and not words & (ID_MARKERS | EN_MARKERS)


def conversation_language(text: str, earlier: Sequence[str], default: Lang = "id") -> Lang:
    """The language to answer `text` in: its own, unless it is neutral; then that of the
    latest earlier question that is not (`earlier` in order, oldest first)."""
    if is_neutral(text):
        for question in reversed(earlier):
            if not is_neutral(question):
                return detect_language(question, default)
    return detect_language(text, default)


def _mostly_english(words: list[str]) -> bool:
    """An English sentence with a stray Indonesian word or tag ("is there any number on how much
    churn drops, atau nggak ada?"): English function words outnumber the Indonesian markers
    more than twice, and the rest reads as English."""
    indonesian = [w for w in words if w in ID_MARKERS and w not in AMBIGUOUS]
    english = [w for w in words if w in EN_MARKERS]
    if len(english) < MIXED_MIN_ENGLISH or len(english) <= 2 * len(indonesian):
        return False
    return _english_sentence([w for w in words if w not in ID_MARKERS])


def _english_sentence(words: list[str]) -> bool:
    """The words besides the particles are a sentence lingua reads as English."""
    rest = [w for w in words if w not in PARTICLES]
    if len(rest) < PARTICLE_SENTENCE_WORDS:
        return False
    return indonesian_share(" ".join(rest)) < 0.2
