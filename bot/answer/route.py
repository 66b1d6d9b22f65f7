"""Decide what kind of question this is: greeting, injection attempt, in or out of topic."""

from __future__ import annotations

import re

from bot.answer.analysis import asked_sentences
from bot.answer.functions import FOREIGN_TERMS, OTHER_MATTERS, OVER_SUPPORT, WRITTEN_FOR_CUSTOMER

WORD = re.compile(r"[a-z0-9/$%]+")

GREETING_WORDS = frozenset(
    "halo hallo hai hi hello hey hei pagi siang sore malam selamat good morning afternoon evening "
    "thanks thank terima kasih makasih".split()
)
CAPABILITY = re.compile(
    r"\b(what can you do|what do you do|who are you|help me|how do you work|what can i ask|"
    r"(?:kamu|anda|kau|bot|km) bisa apa|(?<![a-z-] )bisa apa(?: aja| saja)?(?=\W*$)|kamu siapa|anda siapa|apa yang bisa (kamu|anda|saya)|bantuan|bisa bantu apa)\b"
)
INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|instructions|rules|prompt|"
    r"previous|above)\b|\b(abaikan|lupakan|acuhkan)\b.{0,40}\b(instruksi|perintah|aturan|sebelumnya)\b|"
    r"\bsystem prompt\b|\byou are now\b|\bfrom now on\b|\bpretend\b|\bjailbreak\b|"
    r"\bno rules\b|\b(kamu|anda) sekarang\b|\bsekarang (kamu|anda)\b|\bmulai sekarang\b|"
    r"\b(pura-pura|berpura-pura)\b.{0,30}\b(aturan|adalah|jadi|menjadi)\b|\banggap\b.{0,30}\baturan\b|"
    # "anggap kamu adalah ...", never "anggap volumenya naik jadi 12 ribu" (a what-if)
    r"\banggap(lah)? (kamu|anda|dirimu|dirinya|lu|lo|kau|bahwa (kamu|anda))\b|"
    r"\b(tidak ada|tanpa) aturan\b"
)
# Asking how to solve, avoid or handle something the previous answer raised.
REMEDY = re.compile(
    r"\b(atasi|mengatasi|mengatasinya|atasinya|ngatasi|ngatasin|solusi|solusinya|menghindari|"
    r"hindari|hindarin|ngehindar|ngindarin|mencegah|cegah|nyegah|nanganin|nyelesaiin|mitigasi|memitigasi|"
    r"cegah|menangani|tangani|menyelesaikan|overcome|deal with|handle|solve|fix|avoid|prevent|"
    r"mitigate|address|tackle|manage)\w*"
)
# Asking how much or how long the thing just discussed costs or takes ("how much does that
# typically run?", "biasanya besarnya berapa?"): a measure of the last answer's subject.
MEASURE_BACK = re.compile(
    r"\b(how (much|long|many|big|large)|berapa|brp|brapa|seberapa)\b.*\b(that|it|this|those|them|itu|ini"
    r"|tsb|tersebut|\w+nya)\b|\b(that|it|this|itu|ini|\w+nya)\b.*\b(how (much|long|big|large)|berapa"
    r"|brp|brapa|seberapa)\b"
    # a figure asked alone: "how much usually?", "berapa biasanya?"
    r"|^(?:and |so |but )?(?:how much|berapa|brp|brapa)(?: (?:usually|typically|roughly|biasanya|kira kira"
    r"|kira-kira|sih|ya))*\W*$"
)
# Terms of the assistant's subject, customer support and its outsourcing. "agen " is a whole word:
# "agency" in "an agency in India" names no support agent.
SUPPORT_TERMS = (
    "support", "dukungan", "pelanggan", "customer", "konsumen", "layanan", "service", "cs",
    "call center", "call centre", "callcenter", "contact center", "helpdesk", "help desk",
    "agen ", "agennya", "agent", "sla", "kpi", "tiket", "ticket", "keluhan", "complaint",
    # contact volumes: "a logistics company taking 1,200 calls a day" asks about its support
    "calls", "panggilan", "telepon per", "telepon masuk", "chat per", "chats per", "contacts per",
    "kontak per", "hotline",
)  # fmt: skip
# Support terms that name the subject on their own. The rest of SUPPORT_TERMS ("service",
# "customer", "pelanggan", "layanan") also serve other functions: beside another function's
# term ("layanan pajak", "iklan yang narik pelanggan baru") they do not make the question one
# about customer support ("support" does: "we do bookkeeping; how do we outsource support?").
WEAK_SUPPORT = frozenset({"dukungan", "pelanggan", "customer", "konsumen", "layanan", "service"})
SUPPORT_PHRASES = (  # the strong terms ("support", "cs") already name the rest
    "customer service", "customer care", "dukungan pelanggan", "layanan pelanggan",
    "pelayanan pelanggan", "layanan konsumen", "service desk",
)  # fmt: skip
STRONG_SUPPORT = tuple(t for t in SUPPORT_TERMS if t not in WEAK_SUPPORT)
# Terms about the source article itself (its summary, conclusion, FAQ).
ARTICLE_TERMS = (
    "artikel", "article", "tulisan", "faq", "tanya-jawab", "tanya jawab", "kesimpulan",
    "conclusion", "ringkasan", "summary", "tl;dr", "tldr", "intinya", "which section",
    "bagian mana", "section of the", "part of the article",
    # a summary asked for in its own words ("tolong rangkum poin2 pentingnya dong")
    "poin penting", "poin2 penting", "poin poin penting", "key takeaways",
)  # fmt: skip
# Support outsourcers by name (the article names none; a question about them is on topic).
OUTSOURCERS = (
    "teleperformance", "concentrix", "taskus", "alorica", "foundever", "majorel", "webhelp",
    "sutherland", "telus international", "infomedia", "mitracomm",
)  # fmt: skip
# Terms of outsourcing and cost in general: on topic unless another business function is named.
GENERAL_TERMS = (
    "outsourc", "alih daya", "alihdaya", "dialihdaya", "mengalihdaya", "vendor", "penyedia",
    "provider", "mitra", "partner", "pihak ketiga", "third party", "third-party", "biaya", "cost",
    "tarif", "rate", "harga", "price", "murah", "mahal", "cheap", "expensive", "roi", "offshore",
    "nearshore", "luar negeri", "dalam negeri", "domestic", "overseas", "abroad", "keamanan data",
    "data security", "privasi", "privacy", "24/7", "multibahasa", "multilingual", "tersembunyi",
    "hidden", "onboarding", "kontrak", "contract", "benefit", "manfaat", "challenge", "tantangan",
    "pros and cons", "kelebihan", "kekurangan", "untungnya", "keuntungan", "best practice", "praktik terbaik",
    "praktek terbaik", "enkripsi", "encryption", "bpo", "fee", "perusahaan luar", "perusahaan lain",
    "another company", "outside company", "external company", "outside firm",
    "invoice", "tagihan", "outside team", "external team", "tim luar", "tim eksternal",
    "hourly", "per jam", "perjam",
    "pihak luar", "in-house", "inhouse", "in house", "gdpr", "uu pdp", "pdp law",
    "data protection", "perlindungan data", "data bocor", "datanya bocor", "kebocoran data",
    "data breach", "data leak", "regulasi", "peraturan", "undang-undang", "uu ", "regulation",
    "kepatuhan", "compliance",
    # the article's own terms and the estimate's
    "sla", "kpi", "csat", "labour", "labor", "tenaga kerja", "shrinkage", "foreign team",
    "infrastructure", "infrastruktur", "software licen", "lisensi perangkat lunak", "surcharge",
    "overseas team", "offshore team", "tim asing", "nearshoring", "offshoring", "onshoring",
    # hours of cover, which the article prices ("why is round-the-clock worth paying for?")
    "round-the-clock", "round the clock", "24 jam", "24x7", "after-hours", "after hours",
    "shift malam", "night shift",
    # the challenges in other words ("what are the risks and how do we avoid them?")
    "risk", "risiko", "resiko", "downside", "drawback",
    # the performance reviews of the best practices ("review kinerjanya seberapa sering?")
    "review kinerja", "performance review", "kinerja vendor",
    # a channel the article names ("bisa handle sosmed juga?"), or one it does not ("bisa lewat
    # WhatsApp?", said it does not name it); channels asked ("channel-nya bisa apa aja?")
    "sosmed", "social media", "media sosial", "whatsapp", "channel", "saluran",
    # the benefits and challenges weighed, the quality they threaten ("pros cons, quick")
    "pros cons", "pro kontra", "pro dan kontra", "untung rugi", "plus minus", "quality control",
    "kontrol kualitas", "kendali mutu",
    # support outsourcers by name: "Teleperformance vs Concentrix?" asks about vendors
    *OUTSOURCERS, "ttec", "sitel", "transcom", "startek", "vads indonesia", "carsa",
)  # fmt: skip
# Refusal: a topic check, then a floor on the top retrieval score (e5 cosine) that depends on it.
# Calibrated on eval/dev/gold.jsonl, whose refusal cases are therefore no longer held out: in-scope top
# scores 0.80-0.93, out-of-scope 0.72-0.84, other business functions up to 0.87 (the topic check
# refuses those). The floors are e5 values; another embedder needs its own.
MIN_SCORE = {"support": 0.79, "general": 0.80, "none": 0.85, "outsourcing": 0.75}
# A question that names outsourcing itself (not another function: those are "foreign") is about
# this subject whatever else it asks: on dev, every such out-of-scope question was refused by
# its other-function term (best scores 0.82-0.91, above any floor), none by the floor, while
# in-scope ones about what the article never covers ("minimum seats") score from 0.77.
OUTSOURCING_TERMS = (
    "outsourc", "alih daya", "alihdaya", "dialihdaya", "mengalihdaya", "bpo", "outside team",
    "external team", "tim luar", "tim eksternal", "pihak luar", "perusahaan luar",
    "perusahaan lain", "another company", "outside company", "external company", "outside firm",
    # its other side: "how much would we save against an in-house team?" weighs outsourcing
    "in-house", "inhouse", "in house",
    # support outsourcers by name: "is teleperformance any good?"
    *OUTSOURCERS,
)  # fmt: skip
GREETING_MAX = 8  # words: a longer message about the subject is a question, whatever it opens with
# Dev's out-of-scope questions without topic words reach intent 0.78 at most; its in-scope
# ones that the model places surely, 0.96-0.99.
SURE_INTENT = 0.9
FUZZY_MIN_LENGTH = 6  # words this long may carry one typo and still match a term


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


# Runs of anything but letters and digits: a filler of dots, dashes or emoji between "ignore"
# and "instructions" must not stretch the gap past the pattern's reach.
FILLER = re.compile(r"[^\w]+|_+")


def is_injection(text: str) -> bool:
    """True for attempts to override the assistant's instructions (read on the normalised
    question, and again with punctuation fillers squeezed to one space)."""
    lowered = text.lower()
    squeezed = " ".join(FILLER.sub(" ", lowered).split())
    return bool(INJECTION.search(lowered) or INJECTION.search(squeezed))


def asks_for_remedy(text: str) -> bool:
    """True when the question asks how to solve or avoid something."""
    return bool(REMEDY.search(text.lower()))


def measures_back(text: str) -> bool:
    """True when the question asks a figure or a duration of something it only points back to."""
    return bool(MEASURE_BACK.search(text.lower()))


def is_greeting(text: str) -> bool:
    """True for greetings, thanks and 'what can you do?' questions."""
    lowered = text.lower()
    if CAPABILITY.search(lowered):
        # "can you help me write a cover letter for a CS job?" asks for something else; "help
        # me decide: we're a 5-person startup ... should we outsource?" asks the subject
        level = topic_level(text)
        return level != "foreign" and (level == "none" or len(words(lowered)) <= GREETING_MAX)
    tokens = words(lowered)
    return bool(tokens) and len(tokens) <= 4 and all(t in GREETING_WORDS for t in tokens)


SENTENCE_END = re.compile(r"[.?!;]+(?:\s+|$)")


def _mentions(text: str, terms: tuple[str, ...], typos: bool = True) -> bool:
    """Whether the text uses one of the terms; with `typos`, also one typo away from a long one
    (never for the terms that refuse: "hiding" is no "hiring", "slipping" no "shipping")."""
    tokens = words(text)
    # no term across two sentences ("... salah catat pesanan. Saya mau ..." is no "pesanan saya")
    padded = f" {' # '.join(' '.join(words(s)) for s in SENTENCE_END.split(text))} "
    for term in terms:
        # Short terms match at a word start ("cost" in "costs"), longer ones anywhere.
        if (f" {term}" if len(term) <= 4 else term) in padded:
            return True
    if not typos:
        return False
    long_terms = [t for t in terms if len(t) >= FUZZY_MIN_LENGTH and " " not in t]
    return any(
        len(token) >= FUZZY_MIN_LENGTH and _near(token, term)
        for token in tokens
        for term in long_terms
    )


def _near(word: str, term: str) -> bool:
    """True when `word` starts with `term` or differs from it by one edit (a typo)."""
    if word.startswith(term):
        return True
    if abs(len(word) - len(term)) > 1:
        return False
    return _edit_distance_at_most_one(word, term)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


ARTICLE_NAMES = (
    "artikel", "article", "tulisan", "the piece", "this piece", "the whole thing",
    # its key points, asked of nothing else ("tolong rangkum poin2 pentingnya dong")
    "poin penting", "poin2 penting", "poin poin penting", "key points", "main points",
)  # fmt: skip
# Asking what the article itself says or states: "does the article quote a per-seat price?",
# "menurut artikel, ...?", "artikelnya bahas gak ...?"
ASKS_ARTICLE = re.compile(
    r"\b(?:does|do|did) (?:the |this )?(?:article|piece) (?:quote|give|mention|list|state|name"
    r"|include|say|cover|talk|discuss|recommend|suggest)\b|\b(?:according to|per|in) (?:the|this) article\b"
    # "what does it say about ISO 27001?", "what selection criteria does it suggest?"
    r"|\b(?:what|which|how) (?:[\w-]+ ){0,3}?(?:does|do|did) (?:the |this )?(?:article|piece|author|it)"
    r" (?:say|mention|suggest|recommend|advise|state|write)\b"
    r"|\bmenurut artikel\b|\b(?:di|dalam) artikel\b|\bartikel(?:nya| ini)? (?:bahas|membahas"
    r"|menyebut\w*|nyebut\w*|kasih|memberi\w*|mencantumkan|ngomongin|bilang|ngomong)\b"
)


def asks_article(text: str) -> bool:
    return bool(ASKS_ARTICLE.search(" ".join(text.lower().split())))


FAQ_NAMES = ("faq", "tanya-jawab", "tanya jawab", "q&a", "q & a")


def summary_scope(text: str) -> str | None:
    """'faq' or 'section' when a summary request names the FAQ or the article; None when it
    asks to summarise a topic (that is a knowledge question)."""
    if _mentions(text, FAQ_NAMES):
        return "faq"
    return "section" if _mentions(text, ARTICLE_NAMES) else None


# The asker's own company, named by its trade ("for our logistics company", "perusahaan logistik
# kami"): its trade is no other function to outsource.
OWN_COMPANY = re.compile(
    r"\b(?:our|my)\s+(?:[\w-]+\s+){1,2}?(?:company|business|firm|startup|brand)\b"
    r"|\b(?:perusahaan|bisnis|usaha|startup)\s+(?:[\w-]+\s+){1,2}?(?:kami|kita|saya)\b"
    # "Kami perusahaan ekspedisi di Surabaya", "we're a logistics company"
    r"|\b(?:kami|kita|saya)\s+(?:adalah\s+)?(?:sebuah\s+)?(?:perusahaan|bisnis|usaha|startup)\s+[\w-]+\b"
    r"|\bwe(?:'re| are)\s+an?\s+(?:[\w-]+\s+){1,2}?(?:company|business|firm|startup|brand)\b"
    # "Saya punya usaha katering korporat", "I run a corporate catering business"
    r"|\b(?:kami|kita|saya)\s+(?:punya|memiliki|menjalankan|mengelola)\s+(?:sebuah\s+)?(?:perusahaan"
    r"|bisnis|usaha|startup|toko)\s+[\w-]+(?:\s+[\w-]+)?\b"
    r"|\b(?:i|we)\s+(?:run|own|operate|have)\s+an?\s+(?:[\w-]+\s+){1,2}?(?:company|business|firm|startup"
    r"|brand|shop|store)\b"
    # "toko online dengan 2 gudang", "three warehouses across Java": the asker's own premises
    r"|\b\d+\s+(?:gudang|warehouses?|cabang|branches|outlets?)\b"
)


# The tax treatment of what outsourcing costs ("bisa dapet potongan pajak kalau pakai outsourcing?",
# "is the vendor fee tax-deductible?"): a question about the cost, which the article does not
# cover (said so), not another function to outsource. Tax work itself stays another matter.
TAX_ON_COST = re.compile(
    r"\b(?:potongan pajak|pengurang(?:an)? pajak|tax[- ]deduct\w*|deductible|tax write[- ]?offs?"
    r"|write (?:it|them|that) off)\b"
    # "itu udah termasuk pajak belum?", "is that before tax?": the tax on the price quoted
    r"|\b(?:termasuk|include[sd]?|including|excluding|before|after|plus|belum termasuk)\s+"
    r"(?:the\s+)?(?:pajak|tax(?:es)?|ppn|vat)\b"
    # VAT on the vendor's invoice ("tarif Pajak Pertambahan Nilai atas jasa alih daya")
    r"|\b(?:pajak pertambahan nilai|ppn|vat)\b(?=[^?]{0,40}\b(?:jasa|layanan|alih ?daya|outsourc\w*"
    r"|vendor|invoice|tagihan|services?)\b)"
    # "our payroll is 5 reps at $3,800/month each": what the team costs, no payroll function
    r"|\b(?:our|my|the team's|team|tim)\s+payroll\b(?=\s+(?:is|was|runs|comes|of|for|=)\b)"
)


# Read before anything names the subject: the other matters, another function's terms that hold
# a support word ("agen HR", "tiket kereta"), and the everyday matters beside a support word.
WRITING = re.compile(WRITTEN_FOR_CUSTOMER)
READ_FIRST = (
    *OTHER_MATTERS,
    *(t for t in FOREIGN_TERMS if _mentions(t, STRONG_SUPPORT, typos=False)),
    *OVER_SUPPORT,
)


def topic_level(text: str) -> str:
    """'support' (names customer support or the article), 'general' (outsourcing or cost only),
    'foreign' (another business function or subject) or 'none'."""
    own_trade_out = TAX_ON_COST.sub(" ", OWN_COMPANY.sub(" ", text.lower()))
    # "agen HR" is no support agent, "tiket kereta" no support ticket; the asker's own trade
    # ("perusahaan jasa kebersihan kami") is no other matter
    if _mentions(own_trade_out, READ_FIRST, typos=False) or WRITING.search(own_trade_out):
        return "foreign"
    if _mentions(text, ARTICLE_TERMS) or _mentions(text, SUPPORT_PHRASES):
        return "support"
    if _asks_other_function(text):
        return "foreign"
    if _mentions(text, STRONG_SUPPORT):
        return "support"
    foreign = _mentions(own_trade_out, FOREIGN_TERMS, typos=False)
    if _mentions(text, tuple(WEAK_SUPPORT)) and not foreign:
        return "support"
    if foreign:
        return "foreign"
    return "general" if _mentions(text, GENERAL_TERMS) else "none"


def _asks_other_function(text: str) -> bool:
    """ "Selain CS, kami juga mau outsource gudang. Biaya outsourcing gudang berapa?": after a
    story that names support, the question itself asks about another function only."""
    questions = asked_sentences(text)
    asked = questions[-1] if questions else text  # question_sentence, split once
    if asked == text or _mentions(" ".join(questions), SUPPORT_TERMS):
        return False  # "... kena PPN gak? harus bayar pajak?": support asked about first
    own = TAX_ON_COST.sub(" ", OWN_COMPANY.sub(" ", asked.lower()))
    return _mentions(own, FOREIGN_TERMS, typos=False) and not _mentions(asked, SUPPORT_TERMS)


def names_subject(text: str) -> bool:
    """Whether the text names a subject of its own (outsourcing, costs, agents, another function):
    "ringkas dong" names none, "summarise the hidden costs" does."""
    return topic_level(text) == "foreign" or _mentions(text, (*GENERAL_TERMS, *SUPPORT_TERMS))


def names_outsourcing(text: str) -> bool:
    return _mentions(text, OUTSOURCING_TERMS)


def reaches_floor(best: float, confidence: float, level: str, lowest: bool = True) -> bool:
    """True when the best passage scores at least the refusal floor of this topic level; a
    question the intent model places surely is held to the lowest floor, an outsourcing
    question's ("how do we keep quality consistent across channels?", "which is pricier:
    skilled agents or general ones?"): on dev no out-of-scope question outside another
    function's terms reached 0.9 (0.86 at most). Without `lowest` (is a follow-up's own
    wording enough to leave the conversation's topic?) a sure question without topic words is
    held to the floor of a general one."""
    sure = level != "foreign" and confidence >= SURE_INTENT
    if sure and lowest:
        return best >= min(MIN_SCORE[level], MIN_SCORE["outsourcing"])
    if sure and level == "none":
        level = "general"
    return best >= MIN_SCORE[level]
