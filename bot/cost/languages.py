"""The languages a cost question names: "bahasa Indonesia dan Inggris", "English and Japanese",
"bilingual", "dua bahasa", or ISO codes after a language word ("bahasa id & en", "languages id,
en and ja")."""

from __future__ import annotations

import re

from bot.cost.vocabulary import LANG_CODES, LANG_EN, LANG_ID, LIST_JOIN, NOT_LANGUAGE, TWO_LANGUAGES

# Indonesian names that are languages more than countries ("Inggris" is read as English here).
LANGUAGE_ONLY = frozenset({"inggris", "indo", "melayu", "mandarin", "jawa", "sunda", "tionghoa"})


def _alternatives(names) -> str:
    """Names as one alternation, longest first ("thailand" before "thai")."""
    return "|".join(sorted(names, key=len, reverse=True))


# Built once: every cost question's parse reads them (twice for the lists, see language_spans).
_IDS, _ENS, _CODES = _alternatives(LANG_ID), _alternatives(LANG_EN), _alternatives(LANG_CODES)
# "bahasa Indonesia, Inggris, dan Jepang": the Indonesian lists of language names
_LISTED = re.compile(
    # "bahasa Indonesia, Inggris, dan Jepang", "bilingual Indonesia-Inggris", "bahasa
    # Indonesia sama Inggris"
    # "Bahasa yang dibutuhkan Indonesia sama Inggris": a few words between
    rf"\b(?:(?:ber|multi|dwi)?bahasa(?:nya)?(?:\s+(?:yang|yg)\s+(?:dibutuhkan|diperlukan|dipakai|digunakan|kami"
    rf"\s+butuh|kita\s+butuh))?|bilingual|multilingual|bisa|fasih)\s*:?\s*\(?\s*((?:{_IDS})"
    rf"(?:(?:\s*(?:,|dan|&|serta|sama|atau|/|\+|-)\s*|\s+)+(?:bahasa\s+)?(?:{_IDS}))*)"
)


def language_spans(text: str) -> list[tuple[int, int]]:
    """Where the normalised `text` lists languages by name: "bahasa Inggris, Thailand, dan
    Vietnam" names languages there, no country a vendor sits in."""
    return [m.span(1) for m in _LISTED.finditer(text)]


def named_languages(text: str, dropped: set[str]) -> list[str]:
    """The ISO codes of the languages the normalised `text` names, less the `dropped` ones."""
    ids, ens, codes = _IDS, _ENS, _CODES
    found = set()
    for m in re.finditer(  # "bahasa id & en", "languages id, en and ja", "multilingual (en, ms)"
        rf"\b(?:bahasa(?:nya)?|languages?|multilingual|bilingual)\s*:?\s*\(?\s*((?:{codes})(?:\s*(?:,|and|dan|&|/|\+|-)\s*(?:{codes}))+)\b",
        text,
    ):
        found |= set(re.findall(rf"\b(?:{codes})\b", m.group(1)))
    # "need en + es": two codes joined by "+" or "&" are languages without a language word
    for m in re.finditer(rf"\b({codes})\s*[+&]\s*({codes})\b", text):
        found |= {m.group(1), m.group(2)}
    for m in _LISTED.finditer(text):
        found |= {LANG_ID[name] for name in re.findall(rf"\b(?:{ids})\b", m.group(1))}
    found |= {LANG_EN[m.group(1)] for m in re.finditer(rf"\b({ens})\b{NOT_LANGUAGE}", text)}
    # "satu bahasa aja deh, Inggris", "one language only: English"
    for m in re.finditer(
        rf"\b(?:satu|1|one) (?:bahasa|language)\b[^.?!\d]{{0,20}}?\b(?:bahasa\s+)?({ids}|{ens})\b",
        text,
    ):
        found.add(LANG_ID.get(m.group(1)) or LANG_EN[m.group(1)])
    # "Arabic and English customers": a list of several names is languages, whatever its noun
    for m in re.finditer(rf"\b(?:{ens})(?:\s*{LIST_JOIN}\s*(?:{ens})\b)+", text):
        found |= {LANG_EN[name] for name in re.findall(rf"\b(?:{ens})\b", m.group(0))}
    # "kalau cuma indo sama inggris aja?": a list of names without "bahasa" is languages when
    # one of them names no country a vendor sits in, and no place word comes before it
    for m in re.finditer(
        rf"(?<!\bdi )(?<!\bke )(?<!\bdari )\b((?:{ids})(?:\s*(?:,|dan|&|serta|sama|\+|/)\s*(?:{ids}))+)\b",
        text,
    ):
        names = re.findall(rf"\b(?:{ids})\b", m.group(1))
        if set(names) & LANGUAGE_ONLY:
            found |= {LANG_ID[name] for name in names}
    # "tambahin bahasa Inggris, selain Indonesia": the language kept is named too
    if found:
        found |= {
            LANG_ID[m.group(1)] for m in re.finditer(rf"\bselain\s+(?:bahasa\s+)?({ids})\b", text)
        }
    # "English and Bahasa": in a list of English names, a bare "Bahasa" is Bahasa Indonesia.
    bare = rf"bahasa\b(?!\s+(?:{ids}))"
    if re.search(rf"\b(?:{ens})\s*{LIST_JOIN}\s*{bare}|\b{bare}\s*{LIST_JOIN}\s*(?:{ens})\b", text):
        found.add("id")
    found -= dropped
    if not found and re.search(TWO_LANGUAGES, text):
        # "dua bahasa", "two languages", "bilingual" without naming them: the estimate needs only
        # how many there are; Indonesian and English are the two this market means
        found = {"id", "en"}
    return sorted(found)
