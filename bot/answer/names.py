"""Names and subjects in a question that the article never uses ("Teleperformance", "GDPR",
"vendor di filipina", a trial period): an answer about them says first that the article does not
name them."""

from __future__ import annotations

import re

from bot.answer.terms import Terms

SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
SHOUTED = 0.7
STEM = 6  # letters a word shares with one of the article's to count as the article's
OBJECT_WORDS = 2  # a mention's object of more words is read by its names only  # share of capital letters of a question written in capitals
NAMED = re.compile(r"\b(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]?|[A-Z][a-z]{2,})\b")
# Whether the article names a vendor or a country ("does it mention any specific vendors?",
# "artikelnya nyebut nama vendor tertentu?"): it names none.
NAMES_ASKED = re.compile(
    r"\b(?:mention|name|list|recommend|cite)s?\b[^?]*\b(?:specific|particular|any|actual|named)\b"
    r"[^?]*\b(?:vendors?|providers?|compan(?:y|ies)|bpos?|countr(?:y|ies)|firms?|brands?)\b"
    r"|\bnama (?:vendor|penyedia|perusahaan|negara|bpo|software|tools?|aplikasi|platform|crm)\w*\b"
    # "vendor yg direkomendasiin", "the recommended providers"
    r"|\b(?:vendor|penyedia|perusahaan|bpo)\w*\b[^?]{0,30}\b(?:yang|yg) (?:di)?rekomendasi\w*"
    r"|\brecommended (?:vendors?|providers?|bpos?|compan(?:y|ies)|outsourcers?)\b"
    r"|\b(?:vendor|penyedia|perusahaan|negara|bpo)\w* (?:tertentu|spesifik)\b"
    # "vendor yg direkomendasiin ada nama2nya?", "ada contoh vendornya?", "examples of vendors?"
    r"|\b(?:vendor|penyedia|perusahaan|bpo)\w*\b[^?]{0,40}\bnama(?:2|-nama)?(?:nya)?\b"
    r"|\bcontoh (?:vendor|penyedia|perusahaan|bpo)\w*\b"
    r"|\b(?:sebut\w*|kasih tau|kasih|kasi) nama(?:2|-nama)?(?:nya)?\b"
    r"|\b(?:vendor|penyedia|bpo)\w*\s+(?:\w+\s+)?siapa\b|\bsiapa (?:aja |saja )?(?:vendor|penyedia|bpo)\w*\b"
    r"|\bexamples? of (?:(?:good|actual|real|specific) )?(?:vendors?|providers?|compan(?:y|ies)|bpos?|outsourcers?)\b"
    r"|\b(?:vendor|provider|company|bpo|outsourcer) examples?\b"
)


def unknown_names(question: str, known: set[str], terms: Terms) -> list[str]:
    """Names and abbreviations in the question that are not among `known` (the article's own
    words and the abbreviations readers use); none in a question written in capitals
    ("APAKAH OUTSOURCING BISA ...?" names nothing), none given only as an example."""
    letters = [c for c in question if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= SHOUTED * len(letters):
        return []
    found: list[str] = []
    for match in NAMED.finditer(question):
        name = match.group(0)
        plain_capital = name[:1].isupper() and name[1:].islower()
        before = question[: match.start()]
        if plain_capital and SENTENCE_START.search(before):
            continue  # a capital that only starts a sentence
        if any_match(terms.example_cues, before.lower()):
            continue  # "overseas, say to the Philippines": an example, not the subject
        if name.lower() not in known and name not in found:
            found.append(name)
    lowered = question.lower()
    for place in terms.places:  # a place typed in small letters ("vendor di filipina")
        match = place.search(lowered)
        if match is None or match.group(0) in known:
            continue
        name = question[match.start() : match.end()]
        example = any_match(terms.example_cues, lowered[: match.start()])
        if name.islower() and name.title() not in found and not example:
            found.append(name.title())
    return found


def never_named(question: str, unknown: list[str], vocabulary: set[str], terms: Terms) -> list[str]:
    """What a question asks the article to mention that it never does: the `unknown` names, and
    channels, tools or standards readers know well (WhatsApp, chatbots, ISO 27001) that are not
    in the article's `vocabulary`; each once ("SOC" inside "SOC 2"), in the question's order."""
    lowered = question.lower()
    spans = [(lowered.find(n.lower()), n) for n in unknown]
    for pattern in terms.mention_names:
        for match in pattern.finditer(lowered):
            if not all(w in vocabulary for w in match.group(0).replace("-", " ").split()):
                spans.append((match.start(), question[match.start() : match.end()]))
    spans += _unknown_object(question, vocabulary, terms)
    names = {n.lower() for _, n in spans}
    inside = lambda n: any(n.lower() in m and n.lower() != m for m in names)  # noqa: E731
    kept = {n.lower(): (at, n) for at, n in spans if not inside(n)}
    return [n for _, n in sorted(kept.values())]


def _unknown_object(question: str, vocabulary: set[str], terms: Terms) -> list[tuple[int, str]]:
    """The thing a mention ask names, when it is a word or two the article never uses ("does
    the article mention bitcoin?"); a longer object ("training the vendor's agents on our data
    privacy policies") is read by its names only."""
    lowered = question.lower()
    for pattern in terms.mention_object:
        if (match := pattern.search(lowered)) is None:
            continue
        start = match.start("obj")
        words = [w for w in re.finditer(r"[a-z][\w-]*", match.group("obj"))]
        content = [w for w in words if w.group(0) not in terms.mention_fillers]
        if len(content) > OBJECT_WORDS:
            return []
        stems = {w[:STEM] for w in vocabulary if len(w) >= STEM}  # "offshoring" ~ offshore
        return [
            (start + w.start(), question[start + w.start() : start + w.end()])
            for w in content
            if len(w.group(0)) > 2
            and w.group(0) not in vocabulary
            and w.group(0)[:STEM] not in stems
        ]
    return []


def absent_subjects(question: str, cited: str, terms: Terms) -> list[str]:
    """Subjects of the question the article never discusses (a trial period, nearshore), as
    the question words them; none the `cited` text discusses."""
    if not terms.any_absent(question.lower()):
        return []  # one search instead of one per subject, for most questions
    spans: list[tuple[int, int]] = []
    for pattern in terms.absent:
        match = pattern.search(question.lower())
        if match is None or pattern.search(cited):
            continue
        start, end = match.span()
        if any(s <= start and end <= e for s, e in spans):
            continue  # inside a subject already found ("minimum contract" in "... length")
        spans = [(s, e) for s, e in spans if not (start <= s and e <= end)] + [(start, end)]
    return [_mid_sentence(question[s:e], s) for s, e in sorted(spans)]


# "which tool", "is there a law": the question's own asking words, no subject to quote
ASKING_LEAD = re.compile(
    r"^(?:(?:which|what)\s+(?=\w)|(?:is|are) there\s+(?=(?:a|an|any)\b))", re.I
)


def _mid_sentence(words: str, start: int) -> str:
    """Words quoted from the question's start, as they read mid-sentence ("Target" -> "target";
    "SLA" stays); "which tool" reads "which tool to use", "is there a law" "a law"."""
    if lead := ASKING_LEAD.match(words):
        rest = words[lead.end() :]
        return f"which {rest} to use" if lead[0][0].lower() == "w" else rest
    if start == 0 and words[:1].isupper() and not words[1:2].isupper():
        return words[:1].lower() + words[1:]
    return words


def any_match(patterns: list[re.Pattern[str]], text: str) -> bool:
    """Whether any of the patterns matches the text."""
    return any(p.search(text) for p in patterns)
