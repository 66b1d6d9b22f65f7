"""Detect whether a question is Indonesian ('id') or English ('en')."""

from __future__ import annotations

import re
from functools import lru_cache

# Indonesian function words and colloquial particles. A question that uses them is Indonesian
# even when its content words are English ("Berapa hourly rate untuk outsourced support?").
ID_MARKERS = frozenset(
    """
    apa apakah berapa bagaimana gimana gmn kenapa mengapa siapa kapan dimana mana
    yang dan atau untuk utk dengan dgn dari pada ke di dalam kalau kalo jika bila
    ini itu saja aja sih dong deh kah nggak gak ngga enggak tidak tak bukan belum sudah udah
    bisa dapat harus perlu mau ingin saya aku kami kita kamu anda bapak ibu
    adalah ada sama juga lebih kurang banyak sedikit tolong mohon jelaskan sebutkan
    biaya tarif harga murah mahal per bulan jam tahun orang agen pelanggan dukungan
    """.split()
)
# English words that are also Indonesian-looking tokens; they do not count as markers.
AMBIGUOUS = frozenset({"per", "dan", "ada", "bisa", "mana"})
WORD = re.compile(r"[a-zA-Z]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.INDONESIAN).build()


def indonesian_share(text: str) -> float:
    """Return lingua's confidence that the text is Indonesian (0..1)."""
    from lingua import Language

    return _detector().compute_language_confidence(text, Language.INDONESIAN)


def detect_language(text: str, default: str = "id") -> str:
    """Return 'id' or 'en'; code-mixed questions count as Indonesian."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return default
    markers = sum(1 for w in words if w in ID_MARKERS and w not in AMBIGUOUS)
    if markers >= 2 or (markers == 1 and len(words) <= 4):
        return "id"
    share = indonesian_share(text)
    if markers == 1:
        return "id" if share >= 0.2 else "en"
    return "id" if share >= 0.5 else "en"
