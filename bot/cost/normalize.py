"""A cost question's text made readable by the field patterns of bot/cost/parse.py: lower case,
one digit grouping, number words as digits, chat shorthand spelled out, and a value a question
replaces ("swap domestic for offshore") taken out."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.cost.clock import clock_ranges
from bot.cost.numbers import spell_miliar, words_to_numbers


# One answer normalises the same question several times (its request, a follow-up's words, the
# values it drops, a correction it makes): the text is read once.
@lru_cache(maxsize=1024)
def normalize(text: str) -> str:
    """Lowercase, unify digit groupings (10.000 / 10,000 -> 10000; 1,5 -> 1.5) and number words."""
    text = spell_miliar(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"\b([a-z]{2,})2\b", r"\1 \1", text)  # "kira2", "rata2": a doubled word
    # "10 menitan", "5 jaman": Indonesian '-an' after a unit means "about" that many
    text = re.sub(r"(\d\s*)(menit|detik|jam)an\b", r"\1\2", text)
    # "sekitar 10an agen", "20an agen": a count with '-an' is about that many
    text = re.sub(r"\b(\d{1,5})an\b", r"\1", text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(0)], text)
    text = re.sub(r"\bin[- ]house\b", "inhouse", text)  # "4 in-house agents": no "in" gap
    # "7 skilled (not specialist) agents": an aside in brackets is read as words in between
    text = re.sub(r"\(([a-z][a-z ]{0,30})\)", r" \1 ", text)
    text = re.sub(r"\s*[~≈±]\s*(?=\d)", " ", text)  # "~9rb tiket", "±25 menit": about so many
    text = re.sub(r"\s*[–—]\s*(?=\d)", "-", text)  # "jam 10 pagi–8 malam": a range, as "-"
    text = re.sub(r"\b12\s*(midnight|noon)\b", r"\1", text)  # "6am to 12 midnight"
    text = clock_ranges(text)  # "buka tiap hari 07.00-22.00": extended hours
    # "Mandarin- and English-speaking agents": the first hyphen waits for the second word
    text = re.sub(r"(?<=[a-z])-\s+(?=(?:and|or|dan|atau)\b)", " ", text)
    # "gaji @Rp 5jt": each
    text = re.sub(r"@\s*(?=(?:rp|\$|usd|idr|us\$)?\s*\d)", " masing masing ", text)
    # "250 tickets per working day": per day, counted on working days
    text = re.sub(r"\b(per|a|an|each|every)\s+(?:working|business|work)\s*day\b", r"\1 day", text)
    # "seven agents on at any one time": seats at the same time, no count of one
    text = re.sub(r"\bat any one time\b|\bat any given time\b", "at the same time", text)
    # "swap domestic for offshore", "ganti dalam negeri jadi offshore", "offshore instead of
    # domestic": the value replaced is no value of the request ("ganti jadi dukungan teknis
    # dengan agen spesialis" names no value replaced)
    text = re.sub(
        r"\b(swap|switch|change|replace|ganti|ubah|tukar)\s+"
        r"(?!(?:for|to|with|into|jadi|ke|dengan|sama)\b)(?:[a-z]+\s+){1,3}?"
        r"(for|to|with|into|jadi|ke|dengan|sama)\s+(?=[a-z])",  # not "change the agents to 0"
        r"\1 \2 ",
        text,
    )
    text = re.sub(r"\b(?:instead of|rather than)\s+(?:[a-z]+\s+){0,2}?[a-z]+\b", "", text)
    # "ISO 27001", "SOC 2", "PCI DSS 4.0", "UU 27/2022": the number names a standard or a law,
    # no sum, count or hour
    text = re.sub(
        r"\b(iso(?:/iec)?|soc|pci(?: dss)?|nist|uu|pojk)\s?-?\d[\d./:-]*(?: type (?:ii?|[12])\b)?",
        r"\1",
        text,
    )
    # "a tier-3 agent" is one agent of the third tier, no three agents
    text = re.sub(r"\btier[- ]?([1-3])\b", lambda m: f"tier {'i' * int(m.group(1))}", text)
    text = re.sub(r"(?<=[a-z\d])-(?=[a-z])|(?<=[a-z])-(?=\d)", " ", text)
    text = re.sub(
        r"(?<![\d.,])\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?![\d]|[.,]\d)",
        lambda m: m.group(0).replace(m.group(1), ""),
        text,
    )
    text = re.sub(r"(\d),(\d)", r"\1.\2", text)
    # "IDR 45M", "Rp 45 mio": millions after a currency (without one, "45m" is minutes)
    text = re.sub(r"\b(idr|rp)\s*(\d+(?:\.\d+)?)\s*(?:m|mn|mio)\b", r"\1 \2 million", text)
    text = re.sub(
        r"(\$|\busd\s*)(\d+(?:\.\d+)?)\s*(?:m|mn|mm|mio)\b", r"\1\2 million", text
    )  # "$4M ARR"
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s*grand\b", r"$\1k", text)  # "480 grand": dollars
    text = re.sub(r"(\d)(k|rb|jt|ribu|juta|thousand|million)\b", r"\1 \2", text)
    text = re.sub(r"\s*\b(?:persen|percent|per cent)\b", "%", text)
    # "setengah jam", "half an hour", "a dozen agents", "selusin agen": the units as digits
    text = re.sub(r"\b(?:setengah jam|half an hour|half hour|1/2 (?:jam|hour))\b", "30 menit", text)
    text = re.sub(
        r"\b(?:(?:a|one) quarter of an hour|quarter hour|seperempat jam)\b", "15 menit", text
    )
    # "a single agent", "just one seat", "seorang agen": one
    text = re.sub(
        r"\b(?:a single|one single|seorang)(?= (?:[a-z-]+ ){0,3}(?:agen|agents?|seats?|kursi|orang|rep|reps|person|specialists?|spesialis)\b)",
        "1",
        text,
    )
    text = re.sub(r"\bhalf a dozen\b|\bsetengah lusin\b", "6", text)
    # "a couple of agents", "a couple of domestic agents": two
    text = re.sub(
        r"\ba couple(?: of)?(?= (?:[a-z-]+ ){0,3}(?:agents?|seats?|reps?|people|persons?|staff)\b)",
        "2",
        text,
    )
    # "a year and a half", "satu setengah tahun", "half a year", "setengah tahun": in months
    text = re.sub(
        r"\b(?:(?:a|one) year and a half|(?:satu|1) setengah tahun|(?:setahun|(?:satu|1) tahun) setengah)\b",
        "18 months",
        text,
    )
    text = re.sub(r"\b(?:half a year|half-year|half year|setengah tahun)\b", "6 months", text)
    # "salah satu alasan", "one of the reasons": one of several, no count
    text = re.sub(r"\bsalah satu(nya)?\b", "salahsatu", text)
    text = words_to_numbers(text)
    # "two dozen agents", "dua lusin agen": so many twelves; "a dozen", "selusin": twelve
    text = re.sub(r"\b(\d+) (?:dozen|lusin)\b", lambda m: str(int(m.group(1)) * 12), text)
    text = re.sub(r"\b(?:(?:a|one|satu) )?dozen\b|\bselusin\b", "12", text)
    text = _MINUTES_AND_SECONDS.sub(_in_minutes, text)  # "3 menit 30 detik": 3.5 menit
    text = _TIME_RANGE.sub(_middle, text)  # "4-6 minutes", "2 sampai 4 menit": 5, 3
    text = _HOURS_EACH.sub(lambda m: f"{_number(float(m.group(1)) * 60)} menit ", text)
    text = _TERMS.sub(lambda m: f"{int(m.group(1)) * _TERM_MONTHS[m.group(2)[:3]]} bulan", text)
    # "two email-only agents", "2 skilled email-only agents": agents, not two emails
    text = re.sub(
        r"\b(\d+)\s+((?:[a-z]+\s+){0,2}?)((?:e ?mail|chat|phone|voice|call|whatsapp|wa|sosmed)\s+only)"
        r"\s+(agents?|agen|seats?|reps?|people|orang)\b",
        r"\1 \2\4 \3",
        text,
    )
    # "a minute and a half", "3 and a half minutes": the half as a decimal
    text = re.sub(r"\b(?:an?|one|1) (minute|hour|second)s? and a half\b", r"1.5 \1s", text)
    text = re.sub(r"\b(\d+) and a half\b", r"\1.5", text)
    text = re.sub(r"\b(?:minus|negatif|negative)\s+(?=\d)", "-", text)
    return re.sub(r"-\s*(\$|usd\s*|us\$)\s*(?=\d)", r"\1-", text)  # -$5000 -> $-5000


_MINUTE = r"(menit|minutes?|mins?|min)"
_MINUTES_AND_SECONDS = re.compile(
    rf"\b(\d+)\s*{_MINUTE}\s*(?:(?:dan|and|,)\s*)?(\d+)\s*(?:detik|dtk|seconds?|secs?|s)\b"
)
# A length given as a range: "4-6 min", "2 to 4 minutes", "4 sampai 6 menit", "3 atau 4 menit"
_TIME_RANGE = re.compile(
    r"(?<![\d.-])(\d+(?:\.\d+)?)\s*(?:-|–|to|sampai|hingga|s/d|atau|or)\s*(\d+(?:\.\d+)?)\s*"
    r"(menit|minutes?|mins?|min|detik|dtk|seconds?|secs?)\b"
)


# A handle time in hours: "1.5 jam per kasus", "0.25 jam/tiket", "2 hours each": in minutes
_HOURS_EACH = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:jam|hours?|hrs?)\s*(?=(?:(?:per|setiap|tiap|untuk)\s+|/\s*)"
    r"(?:kasus|cases?|tiket|tickets?|calls?|panggilan|chats?|e ?mails?|contacts?|kontak|pesan"
    r"|messages?|interactions?|interaksi|percakapan|conversations?)\b"
    r"|(?:each|apiece|masing masing)\b(?!\s+(?:day|week|month|night|shift|hari|minggu|bulan|malam)))"
)
# A contract in terms: "2 semester", "3 quarters", "2 kuartal" (not "3 quarters of our customers")
_TERMS = re.compile(
    r"(?<![\d.])(\d+)\s*(semesters?|quarters?|kuartal|triwulan|caturwulan)\b(?!\s+(?:of|dari)\b)"
)
_TERM_MONTHS = {"sem": 6, "qua": 3, "kua": 3, "tri": 3, "cat": 4}


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _in_minutes(m: re.Match[str]) -> str:
    return f"{_number(int(m.group(1)) + int(m.group(3)) / 60)} {m.group(2)}"


def _middle(m: re.Match[str]) -> str:
    low, high = float(m.group(1)), float(m.group(2))
    return m.group(0) if high <= low else f"{_number((low + high) / 2)} {m.group(3)}"


# Chat shorthand for the words the patterns read ("3 thn", "dlm negri", "6 bln", "2 yrs").

_ABBREVIATIONS = {
    "thn": "tahun", "taun": "tahun", "setaun": "setahun", "th": "tahun", "bln": "bulan", "yrs": "years", "yr": "year", "mos": "months",
    "dlm": "dalam", "negri": "negeri", "sj": "saja", "aja": "saja", "tlp": "telepon",
    "bhs": "bahasa", "mo": "month", "mnt": "menit", "mins": "minutes", "telp": "telepon",
    "tlpn": "telepon", "telfon": "telepon", "ppl": "people", "sm": "sama", "kurleb": "kurang lebih",
    # Malaysian Malay: "20 ejen, sokongan teknikal, berapa kos sebulan?"
    "ejen": "agen", "kos": "biaya", "sokongan": "dukungan", "teknikal": "teknis", "sahaja": "saja",
    "syarikat": "perusahaan", "khidmat": "layanan", "jd": "jadi",
    # Javanese: "3 agen sing iso boso Jowo, piro?"
    "boso": "bahasa", "jowo": "jawa", "karo": "dan", "wong": "orang",
    "wae": "saja", "njero": "dalam", "biayane": "biayanya",
    # Sundanese: "telepon jeung email", "upami kontrakna 24 bulan"
    "jeung": "dan", "upami": "kalau", "sabaraha": "berapa",
}  # fmt: skip
_ABBREVIATION = re.compile(rf"\b(?:{'|'.join(_ABBREVIATIONS)})\b")
