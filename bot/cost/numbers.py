"""Number words and scaled numbers in both languages ('lima', 'twenty-five', '10k', '1.5 juta')
become digits, so the cost parser reads one vocabulary."""

from __future__ import annotations

import re
from decimal import Decimal

_ID_UNITS = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
_EN_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {"nol": 0, "zero": 0} | {w: i for i, w in enumerate(_ID_UNITS, 1)}
_SMALL |= {w: i for i, w in enumerate(_EN_UNITS, 1)} | {
    w: 10 * i for i, w in enumerate(_EN_TENS, 2)
}
_HUNDRED = {"ratus", "seratus", "hundred"}
_SCALES = {
    **dict.fromkeys(("ribu", "seribu", "rb", "k", "thousand"), 1000),
    **dict.fromkeys(("juta", "sejuta", "jt", "million"), 1_000_000),
    **dict.fromkeys(("miliar", "milyar", "billion"), 1_000_000_000),
}
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


def _number_run(words: list[str]) -> Decimal:
    total = group = unit = Decimal(0)
    for word in words:
        if word in _SMALL:
            unit += _SMALL[word]
        elif word[0].isdigit():
            unit += Decimal(word)
        elif word == "a":
            unit += 1
        elif word == "setengah":
            unit += Decimal("0.5")
        elif word == "belas":
            unit += 10
        elif word == "puluh":
            unit *= 10
        elif word in _HUNDRED:
            group += (unit or 1) * 100
            unit = Decimal(0)
        elif word in _SCALES:
            total += ((group + unit) or 1) * _SCALES[word]
            group = unit = Decimal(0)
    return total + group + unit


def _continues(prev: str, word: str, nxt: str | None) -> bool:
    """Whether word extends the number run ending in prev."""
    if word in _SCALES or word in _HUNDRED:
        return True
    if prev[0].isdigit():
        return False
    if word in ("belas", "puluh", "setengah"):
        return prev in _SMALL
    if word == "and":
        return prev in _HUNDRED and nxt in _SMALL
    return word in _SMALL and not (prev in _SMALL and _SMALL[prev] < 20)


def _starts(word: str, nxt: str | None) -> bool:
    if word in _SMALL or word[0].isdigit() or word in ("seratus", "seribu", "sejuta"):
        return True
    return word == "a" and (nxt in _HUNDRED or nxt in _SCALES)


def words_to_numbers(text: str) -> str:
    """Replace number words and scaled numbers ('lima', 'twenty-five', '10k', '1.5 juta') by digits."""
    tokens = list(_TOKEN.finditer(text))
    out, last, i = [], 0, 0
    while i < len(tokens):
        word = tokens[i].group()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else None
        if not _starts(word, nxt):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()].strip() == "":
            after = tokens[j + 1].group() if j + 1 < len(tokens) else None
            if not _continues(tokens[j - 1].group(), tokens[j].group(), after):
                break
            j += 1
        value = _number_run([t.group() for t in tokens[i:j]])
        out += [text[last : tokens[i].start()], _plain(value)]
        last, i = tokens[j - 1].end(), j
    return "".join(out) + text[last:]


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


# Counted things a "juta" may scale instead of money ("2 juta chat", "1,5 juta pelanggan").
_COUNTED = (
    r"chats?|tiket\w*|tickets?|kontak\w*|contacts?|panggilan|calls?|pesan|messages?|e ?mails?"
    r"|orang|people|pelanggan|customers?|pengguna|users?|transaksi|transactions?|interaksi"
    r"|pertanyaan|percakapan|menit|minutes?|detik|seconds?|jam|hours?|kunjungan|visits?"
)
_RP_SIGN = re.compile(r"\b(?:rp\.?|idr)\s*(?=\d)")
_RP_SCALE = re.compile(
    rf"(?<![\d.,])(?<!rp )(\d+(?:[.,]\d+)?)\s*(jt|juta|miliar|milyar)\b(?!\s*(?:{_COUNTED})\b)"
)


def mark_rupiah(text: str) -> str:
    """Mark Rupiah amounts 'rp <number>' ('Rp180.000.000', 'IDR 5 juta', '180jt', '1,2 miliar'):
    a bare juta or miliar that scales no counted thing is money."""
    return _RP_SCALE.sub(r"rp \1 \2", _RP_SIGN.sub("rp ", text))


# "1,2 M setahun", "Rp 2,4 M", "Rp 3 M per tahun": a capital M after a decimal comma or before an
# Indonesian period is miliar (Indonesian usage); "$4M", "IDR 45M monthly", "Rp 30m" stay millions.
_MILIAR = re.compile(
    r"(?<![\w$.,])((?:rp|idr)\.?\s*)?(\d+(?:[.,]\d+)?)\s*M(?![A-Za-z])"
    r"(?=(\s*(?:setahun|per ?tahun|tahunan|sebulan|per ?bulan|bulanan|/\s*(?:tahun|thn|bulan|bln)\b))?)",
    re.I,
)


def _miliar(m: re.Match[str]) -> str:
    """'Rp 2,4 M' -> 'Rp 2,4 miliar', else as written."""
    capital = m.group(0).rstrip()[-1] == "M"
    if capital and ("," in m.group(2) or m.group(3)):
        return f"{m.group(1) or ''}{m.group(2)} miliar"
    return m.group(0)


def spell_miliar(text: str) -> str:
    """Spell out an Indonesian 'M' (miliar) before the text is lower-cased."""
    return _MILIAR.sub(_miliar, text)
