"""Deterministic evaluation metrics (no LLM judge) and a small BM25 baseline over the corpus.

Every function here is pure: ranked ids, answer text, cited passages and estimator results in,
numbers out, so each can be tested on hand-made inputs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

MARKER = re.compile(r"\[(\d+)\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\[])")
WORD = re.compile(r"[a-z0-9$]+(?:[-/][a-z0-9]+)*", re.IGNORECASE)
NUMBER = re.compile(r"24\s*[/x]\s*7\b|\d+(?:[.,]\d+)*")
ENUMERATION = re.compile(r"^\s*\d+[.)]\s+")
STOPWORDS = frozenset(
    """
    the a an and or of to in on for with from by as at is are be been was were it its this that
    these those can may might will would should could not no do does did have has had than then
    such into about over also more most very each other their there they them we our you your i
    how what which who when where why if so but any some all per only just
    yang dan atau dari di ke pada untuk dengan dalam ini itu adalah akan dapat bisa tidak juga
    lebih oleh sebagai seperti serta para sering kali telah sudah antara bagi hal mereka kita kami
    anda saya apa bagaimana berapa apakah mana agar supaya karena jika kalau saat ketika yg utk
    """.split()
)
SUPPORT_OVERLAP = 0.5  # share of a sentence's content words that must occur in its passages


# -- retrieval ---------------------------------------------------------------------------------
def hit_at_1(ranked: Sequence[str], expected: Iterable[str]) -> float:
    """1.0 when the top-ranked id is one of the expected ids."""
    return float(bool(ranked) and ranked[0] in set(expected))


def recall_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Share of the expected ids found in the top k."""
    wanted = set(expected)
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def reciprocal_rank(ranked: Sequence[str], expected: Iterable[str]) -> float:
    """1/rank of the first expected id, 0 when none is ranked."""
    wanted = set(expected)
    return next((1.0 / r for r, i in enumerate(ranked, start=1) if i in wanted), 0.0)


def context_precision(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Rank-weighted precision of the top k (RAGAS style): mean precision@i at each relevant i."""
    wanted, found, total = set(expected), 0, 0.0
    for rank, item in enumerate(ranked[:k], start=1):
        if item in wanted:
            found += 1
            total += found / rank
    return total / found if found else 0.0


# -- answer text -------------------------------------------------------------------------------
def plain(text: str) -> str:
    """Drop citation markers and Markdown emphasis, keep the words."""
    text = MARKER.sub("", text)
    return re.sub(r"[*_`#>|]+", " ", text)


def contains_fact(text: str, fact: str) -> bool:
    """Case-insensitive match of a fact string, whitespace-normalised; American and British
    spellings match ("specialized" is the corpus's "specialised")."""
    norm = _british(" ".join(plain(text).lower().split()))
    return _british(" ".join(fact.lower().split())) in norm


def _british(text: str) -> str:
    text = re.sub(r"\blabor(?!u)", "labour", text)
    return re.sub(r"\b(\w{3,})iz(e|ed|es|ing|ation)\b", r"\1is\2", text)


def fact_coverage(body: str, facts: Sequence[str]) -> float:
    """Share of the required facts the answer body states."""
    return sum(contains_fact(body, f) for f in facts) / len(facts) if facts else 1.0


def citation_validity(body: str, n_sources: int) -> float:
    """1.0 when the body cites at least once and every [n] points to an existing source."""
    markers = [int(m) for m in MARKER.findall(body)]
    return float(bool(markers) and all(1 <= m <= n_sources for m in markers))


def content_words(text: str) -> list[str]:
    return [
        w
        for w in (t.lower() for t in WORD.findall(plain(text)))
        if len(w) >= 3 and w not in STOPWORDS and not w[0].isdigit() and not w.startswith("$")
    ]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


def number_values(token: str) -> set[Decimal]:
    """Readings of a number token under English (1,234.5) and Indonesian (1.234,5) separators."""
    readings = {token.replace(",", ""), token.replace(".", "").replace(",", ".")}
    if token.count(".") == 1 and "," not in token:
        readings.add(token)
    return {v for v in (_decimal(r) for r in readings) if v is not None}


def numbers_in(text: str) -> list[str]:
    """Number tokens of a text; '24/7' (also '24x7') names a coverage, not a figure, and is skipped."""
    text = ENUMERATION.sub("", plain(text))
    return [t for t in NUMBER.findall(text) if not re.fullmatch(r"24\s*[/x]\s*7", t)]


def allowed_numbers(texts: Iterable[str], results: Iterable[Any] = ()) -> set[Decimal]:
    """Every number stated in the passages or present anywhere in the estimator results."""
    allowed: set[Decimal] = set()
    for text in texts:
        for token in numbers_in(text):
            allowed |= number_values(token)

    def walk(node: Any) -> None:
        if isinstance(node, bool):
            return
        if isinstance(node, int | float | Decimal):
            value = _decimal(str(node))
            if value is not None:
                allowed.add(value)
        elif isinstance(node, str):
            allowed.update(allowed_numbers([node]))
        elif isinstance(node, Mapping):
            for key, child in node.items():
                walk(key)
                walk(child)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    for result in results:
        walk(result)
    return allowed


def _number_ok(token: str, allowed: set[Decimal]) -> bool:
    """A shown number is supported when it equals an allowed value at the precision shown
    (11.52 for 11.5207), or a share shown as a percentage (87.8 for 0.8777)."""
    values = number_values(token)
    if values & allowed:
        return True
    for shown in values:
        quantum = Decimal(1).scaleb(min(0, shown.as_tuple().exponent))
        for value in allowed:
            scaled = (value, value * 100) if abs(value) <= 1 else (value,)
            if any(v.quantize(quantum, rounding=ROUND_HALF_UP) == shown for v in scaled):
                return True
    return False


def sentences(body: str) -> list[tuple[str, list[int]]]:
    """Sentences of the body with the markers that cite them (a line's markers as fallback)."""
    out = []
    for line in body.splitlines():
        if not line.strip() or set(line.strip()) <= set("|-: "):
            continue
        line_markers = [int(m) for m in MARKER.findall(line)]
        for sentence in SENTENCE_END.split(line.strip()):
            own = [int(m) for m in MARKER.findall(sentence)]
            out.append((sentence, own or line_markers))
    return out


def sentence_support(
    sentence: str,
    markers: Sequence[int],
    passages: Sequence[str],
    tool_results: Sequence[Any] = (),
    extra_numbers: Iterable[str] = (),
) -> bool | None:
    """Whether a sentence is supported: its words by the cited passages (all passages when it
    cites none), its numbers by those passages or the estimator result. None: nothing to check."""
    cited = [passages[m - 1] for m in markers if 1 <= m <= len(passages)]
    if markers and len(cited) != len(markers):
        return False
    pool = cited or list(passages)
    tokens = numbers_in(sentence)
    words = content_words(sentence)
    if not tokens and len(words) < 3:
        return None  # headings, labels and table headers carry no claim
    allowed = allowed_numbers([*pool, *extra_numbers], tool_results)
    if not all(_number_ok(t, allowed) for t in tokens):
        return False
    if tool_results and not markers:
        return True  # an estimator line: its numbers are the claim
    if not words:
        return True
    vocabulary = set(content_words(" ".join(pool)))
    return sum(w in vocabulary for w in words) / len(words) >= SUPPORT_OVERLAP


def faithfulness(
    body: str,
    passages: Sequence[str],
    tool_results: Sequence[Any] = (),
    question: str = "",
    fixed: Sequence[str] = (),
) -> tuple[float, list[str]]:
    """Share of checkable sentences supported by their sources, and the unsupported ones.
    Sentences that start with a `fixed` phrase (the product's own framing, e.g. "The article
    does not say ...") are about the article as a whole, not a passage: they are not checked."""
    checked, bad = 0, []
    for sentence, markers in sentences(body):
        if fixed and plain(sentence).strip().startswith(tuple(fixed)):
            continue
        ok = sentence_support(sentence, markers, passages, tool_results, [question])
        if ok is None:
            continue
        checked += 1
        if not ok:
            bad.append(sentence)
    return (1.0 - len(bad) / checked if checked else 1.0), bad


def language_matches(body: str, expected: str, detect: Any) -> bool:
    """Whether the answer body (without markers or Markdown) is in the expected language."""
    return detect(plain(body)) == expected


# -- refusals, cost, consistency, latency ---------------------------------------------------------
def refusal_scores(pairs: Iterable[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    """Precision and recall of refusing, from (expected, actual) pairs; None when undefined."""
    counts = Counter(pairs)
    tp, fp, fn = counts[(True, True)], counts[(False, True)], counts[(True, False)]
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else None)
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def _canon(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return sorted(_canon(v) for v in value)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return _decimal(str(value))


# Money the gold rounds to whole units ("$6,500 a week" is $28,167 a month; the estimator keeps
# the cents, $28,166.67): equal within one unit
ROUNDED_MONEY = ("inhouse_monthly_usd", "inhouse_monthly_idr")


def request_matches(actual: Mapping[str, Any] | None, expected: Mapping[str, Any]) -> bool:
    """Whether every expected field equals the actual request's (extra fields are ignored)."""
    if actual is None:
        return False
    return all(_same_field(k, actual.get(k), v) for k, v in expected.items())


def _same_field(key: str, actual: Any, expected: Any) -> bool:
    if (
        key in ROUNDED_MONEY
        and isinstance(actual, int | float)
        and isinstance(expected, int | float)
    ):
        return abs(_decimal(str(actual)) - _decimal(str(expected))) < 1
    return _canon(actual) == _canon(expected)


def same_figures(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    """Whether two estimator results give the same monthly and contract totals."""
    keys = ("monthly_total_usd", "one_time_total_usd", "total_usd")
    if not a or not b or "monthly_total_usd" not in a:
        return False
    return all(_canon(a.get(k)) == _canon(b.get(k)) for k in keys)


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None
