"""The cost side of a conversation: the request a turn asks to estimate, and the request the
conversation carries so far."""

from __future__ import annotations

import re

from bot.answer.analysis import Ask, question_sentence
from bot.answer.corrections import INHOUSE, implied_fields
from bot.answer.costscale import relative, scaled
from bot.answer.figures_asked import COUNT_ASK, PERCENT_ASK
from bot.answer.recount import recounted
from bot.answer.revert import TO_START, earlier_request
from bot.answer.route import asks_article
from bot.cost.normalize import normalize
from bot.cost.request import CostValidationError
from bot.cost.revise import adds_to_lists
from bot.cost.service import CostService, json_fields
from bot.cost.vocabulary import BEAT_THAT, LANG_EN, LANG_ID
from bot.lang import is_neutral
from bot.types import Message

# "doubles to 2,000 a week", "naik jadi 600 per hari": the new value said after the change
TO_VALUE = re.compile(r"\b(?:to|jadi|menjadi|ke)\s+\d[\d.,]*\s*(?:rb|ribu|k)?\s+\w")
# Ask types whose question after a story of the team asks nothing of its price ("We're 20 on
# support. Can you give me the key points?"); a break-even's "how many months" is priced.
STORY_ONLY = frozenset("why how_to definition summary place".split())
PRICE_ASKED = re.compile(
    r"\b(?:berapa|brp|brapa|how much|costs?|price\w*|biaya\w*|harga\w*|quote)\b"
)
# Ask types that a field word ("offshore") does not turn into a cost follow-up.
NOT_COST = frozenset("why how_to definition summary decision duration place".split())
# Words of a follow-up that changes the estimate ("and offshore?", "pakai vendor lokal aja",
# "drop phone"); a longer question that names a field without one ("what are the risks of going
# offshore?") or asks yes/no ("emang 24/7 bikin lebih mahal?") is a knowledge question.
CHANGE_CUE = re.compile(
    # "Yang tadi itu kalau agennya bisa bahasa Inggris gimana?": a pointer back, then the cue
    r"^(?:(?:yang|yg) (?:tadi|td)(?: itu)?\s*,?\s*|(?:eh|oh|hmm+)\s*,?\s*)?"
    r"(and|what about|how about|then|so|ok|okay|oke|kalau|kalo|klo|dan|terus|trus|lalu|gimana kalau"
    r"|bagaimana kalau|if|jika|seandainya|misal\w*)\b|\b(instead|switch|ganti|pakai|pake|use|make"
    r" (?:it|them|those|the agents)|jadi|jadiin|aja|saja|wae|only|doang|tanpa|without|drop|scratch|add|tambah\w*|juga|too|also|balik|plus"
    r"|as well|coba|itung|hitung|calculate|pindah|move|quote|estimate|estimasi|assume|anggap\w*"
    r"|asumsi\w*|let's say)\b"
)
# A value put in place of another, or the estimate run again with it
RERUN = re.compile(
    r"\b(?:rather than|instead of|in place of|alih alih|redo|re ?run|run (?:it|that|this|the numbers)"
    r" again|recalculate|recompute|hitung ulang|itung ulang)\b"
)
# "bagaimana jika ...?", "what if ...?": a hypothetical that names a field changes the estimate,
# whatever ask type its first word suggests.
WHAT_IF = re.compile(
    r"^(?:(?:bagaimana|gimana|gmn|terus|trus|lalu) (?:jika|kalau|kalo|klo|bila|apabila|seandainya|misal\w*)"
    r"|what if|how about|what about|and if|suppose)\b"
)
# "go back to 5", "balik ke 12 ribu", "eh salah, tetap 2.400 deh", "keep it at 3000"
BACK_TO = r"go back to|back to|balik(?: lagi)? ke|kembali ke|tetap(?: di)?|tetep(?: di)?|keep it at|stay at"
# "go with 6 then", "jadi 8 aja", "make it 10 and add chat": a number after a choosing word,
# followed by nothing that names another field.
CUED_NUMBER = re.compile(
    r"\b(?:go with|going with|with|make it|jadi|jadiin|pakai|pake|dengan|turunin ke|naikin ke|ganti ke"
    # "what if we only need 7?", "kalau cuma butuh 4?": the team's size
    r"|need|needed|butuh|perlu|hire|use|have|had"
    # "what if we drop to 20?", "scale it down to 12", "turunin jadi 5"
    r"|(?:drop|dropping|go|going|scale|scaling|cut|cutting|bring|bringing|bump|bumping)(?: it| that)?"
    r"(?: down| up| back)? to|reduced? to|increased? to|turun(?:in|kan)? (?:jadi|ke)"
    rf"|{BACK_TO})\s+"
    r"(\d+)(?=\s*(?:$|[,.;!?]|(?:then|and|dan|aja|saja|dong|ya|instead|orang|people|seats?|kursi"
    r"|agen|agents?)\b))"
)
# Asking who offers something ("vendor yg sanggup 24 jam siapa aja?"), not where to price it
WHO = re.compile(r"\b(?:siapa|who|which|rekomendasi\w*|recommend\w*|nama\w*|names?)\b")
STATEMENT_WORDS = 8
# A need stated, not asked: "yang kami butuh dukungan teknis", "we'll need French too".
NEED_STATED = re.compile(
    r"\b(?:kami|kita|we|we'll|we'd|i|saya|sy|aku) (?:butuh|perlu|need|needs|require|want|mau|pengen"
    r"|ingin)\b|\b(?:harus|must|has to|have to|needs to|need to) (?:be|bisa|pakai|pake|level)\b"
)
LISTED = frozenset({*LANG_ID, *LANG_EN, "dan", "and", "serta", "sama", "bahasa"})
ASKS_SOMETHING = re.compile(
    r"^(?:what|why|how|which|when|where|who|tell|explain|describe|list|summari[sz]e|apa|kenapa|"
    r"mengapa|knp|bagaimana|gimana|gmn|kapan|mana|siapa|jelaskan|jelasin|ceritakan|sebutkan)\b"
)
OTHER_NUMBERS = frozenset({"avg_handle_minutes", "months"})
# "jadi lebih hemat nggak?", "how much would we save?": asks the saving, not whether to switch
SAVINGS_ASK = re.compile(r"\b(?:hemat|irit|lebih murah|cheaper|save|saving|savings)\b")
SIZING = frozenset({"agents", "contacts_per_month"})  # what a first estimate is sized by
SPEC_WORDS = 12  # a team described in so many words at most
FULL_SPEC = 4  # ... or in so many fields, however many words
# A question word anywhere: a description of a team that asks something is no bare spec.
QUESTION_WORD = re.compile(
    r"\b(?:what|why|how|which|when|where|who|should|worth|apa|kenapa|mengapa|knp|bagaimana"
    r"|gimana|gmn|kapan|mana|siapa|sebaiknya|mending|layak|perlu|risk|risiko|or|atau|vs)\b"
)
# "and with 8?", "kalau 10 aja?", "ok, 12 then": after an estimate sized by agents, a number
# alone is the new number of agents.
BARE_NUMBER = re.compile(
    r"^(?:(?:and|so|ok|okay|oke|then|what about|how about|with|for|dan|kalau|kalo|klo|gimana kalau"
    r"|actually|sebenarnya|sebenernya|sorry|maaf|oops|eh|typo|salah ketik|i meant|i mean|meant|maksud(?:nya|ku| saya)?|correction"
    rf"|koreksi|{BACK_TO}|(?:ga|gak|nggak|ngga|enggak) jadi|batal"
    r"|never ?mind|terus|trus|jadi|pakai|pake|dengan|coba|try|make it|instead)\W*)*(\d+)\W*"
    r"(?:(?:then|instead|aja|saja|dong|ya|deh|orang|people|seats?|kursi)\W*)*$"
)
# "bump it to 350 a day", "jadi 500 sehari": after an estimate sized by volume, a number per
# day, week or month is the new volume (the noun the parser needs is implied).
VOLUME_ONLY = re.compile(
    r"\b(\d+(?:\.\d+)?)(?=\s*(?:(?:a|per|/)\s*(?:day|week|month|hari|minggu|bulan)\b|se(?:hari|minggu|bulan)\b))"
)
# "balik ke 12 ribu deh": after an estimate sized by volume, a number gone back to is the volume.
BACK_TO_NUMBER = re.compile(
    rf"\b(?:{BACK_TO})\s+(\d+)\b(?!\s*(?:%|persen|menit|minutes?|mins?|detik|seconds?|secs?|jam|hours?"
    r"|bulan|months?|tahun|years?)\b)"
)
PER_HOUR = re.compile(r"\b(?:per hour|an hour|per jam|sejam)\b")
# "Bagaimana perbandingannya?", "how does it compare?": comparing what the question told
COMPARE_ASK = re.compile(
    r"\b(?:perbandingan\w*|bandingkan|dibandingkan|bandingin|dibandingin|compar\w*|come out (?:cheaper|ahead)"
    # "..., 4 org, 480 juta setahun. outsource 4 agen lebih irit ga?": which of the two costs less
    r"|lebih (?:hemat|irit|murah|mahal|ekonomis)|more economical|cheaper|less expensive"
    r"|break(?:s)?[- ]even|balik modal|impas|payback|pay (?:for )?itself"
    # "..., $20k a month for ten. Can outsourcing cut that?": what the sum they pay would become
    rf"|{BEAT_THAT}|(?:nekan|menekan|ngurangin) (?:biaya|itu))\b"
)
# "8 agents offshore, bilingual. What is the estimate?": the question asks the price of the team
# told before it (not "Does 24/7 push the bill up?", a yes or no about one factor)
ESTIMATE_ASK = re.compile(
    r"\b(?:estimate|estimasi\w*|quote|ballpark|price it|hitung\w*|what(?:'s| is| would be) the "
    r"(?:total|cost|price|damage)|how much (?:would|will|does|do) (?:it|that|this|they|we) (?:cost|run)"
    r"|(?:berapa|brp) (?:biaya|harga|ongkos|total)\w*|(?:biaya|harga|ongkos)\w* (?:berapa|brp))\b"
)
MONEY_BEFORE = re.compile(r"(?:\$|\b(?:rp|idr|usd|us\$|eur|sgd))\s*$")
# "15,000 chats a month, offshore. Is a $10k monthly cap enough?": whether a sum of money covers
# the team described before it asks for its price.
BUDGET_ASK = re.compile(
    r"(?:\$\s*\d|\b(?:rp|idr|usd)\s*\d|\b\d+\s*(?:k|jt|juta|ribu|miliar|billion)\b)"
    r".*\b(?:enough|cukup|within|afford|fits?|masuk)\b"
    r"|\b(?:enough|cukup|within|afford)\b.*(?:\$\s*\d|\b(?:rp|idr|usd)\s*\d)",
    re.IGNORECASE,
)
SHORT_CHECK = 4  # words: "Does it fit?", "Masuk gak?", "Enough?" check what the story told
SHORT_FOLLOW_UP = 5  # words: "24/7 aja", "and domestic?" need no cue
# What the article discusses and the estimator does not price: a yes/no about one of these ("does
# going offshore come with hidden costs we should budget for?") asks the article, not for a quote.
ARTICLE_SUBJECT = re.compile(
    r"\b(?:hidden|tersembunyi|risks?|risiko|challenges?|tantangan|benefits?|manfaat|security"
    r"|keamanan|roi|best practices?|praktik terbaik|untungnya|keuntungan\w*|kelebihan\w*"
    r"|advantages?|upsides?)\b"
)
# A figure the article would have to give, not the estimate ("tambahan biaya shift malam persisnya
# berapa persen menurut artikel?", "berapa gaji agen bilingual di Jakarta?").
FACT_FIGURE = re.compile(r"\b(?:gaji\w*|upah\w*|salar\w*|wages?|take home pay)\b")
# One of the article's lists asked by name ("untungnya apa aja selain murah?", "what are the
# risks of that?"): the article answers, not the estimate.
LISTED_ASK = re.compile(
    r"\b(?:untungnya|keuntungan\w*|kelebihan\w*|manfaat\w*|advantages?|benefits?|upsides?"
    r"|risiko\w*|risks?|tantangan\w*|challenges?|kekurangan\w*|downsides?)\b"
)
# Where the break-even is, asked after an estimate with an in-house cost ("so where's the
# break-even?", "titik impasnya di mana?"; not "how long until payback?", which the article
# leaves open)
WHERE_BREAK_EVEN = re.compile(
    r"^(?:\W*(?:so|and|ok|oke|terus|trus|jadi|lalu)\W+)?(?:where(?:'s| is)|what(?:'s| is)|and)? ?"
    r"(?:the )?(?:titik )?(?:break[- ]?even|impas)\w*(?: point)?(?: \(break[- ]?even\))?"
    r"(?: (?:di ?mana|dimana|berapa|brp|where|then|nya))*\W*$"
)
SHARE_ASK = re.compile(
    r"\b(?:berapa|brp) persen\b|\bpersentase\b|\bwhat (?:percentage|percent|share|proportion)\b"
    r"|\bhow many percent\b"
)
# Asking what the article says: "what does the article say is the risk of ...?"
ARTICLE_SAYS = re.compile(r"\b(?:article|artikel|artikelnya)\b")


def cost_request(
    cost: CostService,
    text: str,
    previous: dict | None,
    ask: Ask,
    history: list[Message] = (),
    parsed: dict | None = None,
) -> dict | None:
    """The request to estimate: the question's quantities when it asks for a price (or
    follows a cost turn, whose request is `previous`), else a follow-up's changes on it;
    "balik ke awal" goes back to an earlier estimate of the conversation (`history`)."""
    # Numbers alone are no price question ("we are 4 on support: worth outsourcing?").
    priced = previous is not None or (ask.price and ask.type != "decision")
    # parsed once (or by the caller): the request, the follow-up and the team a story tells
    fields = dict(cost.parse_fields(text) if parsed is None else parsed)
    # "1 agen sanggup pegang brp chat sekaligus?": a count of contacts asked, no price
    counting = previous is None and fields.keys() <= {"agents", "channels"}
    counting = counting and COUNT_ASK.search(text.lower()) is not None
    priced = priced and not counting
    # "setup fee biasanya berapa persen dari nilai kontrak?": a share asked, no price
    if previous is None and not SIZING & fields.keys() and SHARE_ASK.search(text.lower()):
        priced = False
    asked = question_sentence(text)  # the question after any story told before it
    backed = priced and previous is None and ask.background
    told_first = previous is None and asked != text and ("agents" in fields or backed)
    own = cost.parse_fields(asked) if told_first else fields  # ... and its own quantities
    if told_first and not SIZING & own.keys():
        # "CS kami 4 orang admin. ... tarif per jam agen CS biasanya brp?": a rate; "We're 20 on
        # support. ... Can you give me the key points?": a summary, not a price
        knowledge = ask.form in STORY_ONLY and not INHOUSE & fields.keys()
        knowledge = knowledge and not PRICE_ASKED.search(asked.lower())  # "..., brp sebulan?"
        if PER_HOUR.search(asked.lower()) or knowledge:
            return None
    if previous is None and "agents" in fields and asked != text:
        # "CS kami sekarang cuma 2 orang. Kalau pakai vendor untuk 6 agen, berapa?": the team
        # the question asks to price, not the one the story tells of
        fields["agents"] = own.get("agents", fields["agents"])
    if backed:
        # "We're 15 on support. Does 24/7 usually push the bill up?": a yes/no is priced only
        # when the question itself sizes the team ("can we get 5 agents for under $10k?")
        priced = bool(SIZING & own.keys()) or bool(BUDGET_ASK.search(asked))
        # "Max budget 1.2 billion a year for 15 agents. Does it fit?": the sized team checked
        short = len(asked.split()) <= SHORT_CHECK
        priced = priced or (short and bool(SIZING & fields.keys() and BUDGET_ASK.search(text)))
        priced = priced or (ask.type != "yes_no" and bool(ESTIMATE_ASK.search(asked.lower())))
    # "... 12 agen ... in-house kami $40.000 per bulan. Bagaimana perbandingannya?": the team
    # and its cost are told, the question asks to compare them
    # ("..., mau compare sama outsource nearshore 10 agen. gimana?": a bare "how?" after it)
    compares = COMPARE_ASK.search(asked.lower() if len(asked.split()) > 2 else text.lower())
    told = fields.keys() if ask.form != "decision" and compares else set()
    priced = priced or (bool(SIZING & told) and bool(INHOUSE & told))
    plain = normalize(text).strip() if previous else ""  # a follow-up's words, read once
    if previous:  # "oops, 8 minutes obviously", "eh maksudnya Rp 210 juta"
        fields = implied_fields(cost, plain, previous, fields)
    # "put AHT back to 7": the number is the handle time's, not a number of agents
    taken = {float(v) for k, v in fields.items() if k in OTHER_NUMBERS}
    # ... and after a cost turn no number sized ("0 agents?" refused, then "sorry, meant 6")
    unsized = previous is not None and not SIZING & previous.keys()
    if previous and ("agents" in previous or unsized) and not SIZING & fields.keys():
        if not fields and (bare := BARE_NUMBER.match(plain)):
            fields = {"agents": int(bare.group(1))}
        elif (cued := CUED_NUMBER.search(plain)) and float(cued.group(1)) not in taken:
            fields = {**fields, "agents": int(cued.group(1))}  # "go with 6 then and add chat"
    if previous and "contacts_per_month" in previous and not (SIZING | INHOUSE) & fields.keys():
        implied = _implied_volume(cost, plain)
        if not implied and "agents" not in previous:  # "actually make it 3000", "jadiin 3500"
            if bare := BARE_NUMBER.match(plain) or CUED_NUMBER.search(plain):
                implied = {"contacts_per_month": int(bare.group(1))}
        if not {float(v) for v in implied.values()} & taken:
            fields = {**fields, **implied}
    if previous:  # "volumenya dua kali lipat": the factor, not a volume of 2
        lowered = plain.lower()
        # ... unless it says the new value itself ("if volume doubles to 2,000 a week?")
        stated = dict(fields) if TO_VALUE.search(lowered) else {}
        fields = {**fields, **scaled(lowered, previous), **relative(lowered, previous), **stated}
        if (back := earlier_request(lowered, history, previous)) is not None:
            if not fields:  # "ga jadi", "balik ke awal aja": that estimate again
                return back
            if TO_START.search(lowered):  # "balik ke awal, tapi 24/7": on top of the first
                previous = back
    if not priced and not counting and ask.form != "decision" and _is_spec(text, fields):
        # "2 agen chat aja, jam kantor, vendor lokal": a team described, no more (whatever type
        # the model guesses for so few words, unless they say "worth it")
        priced = True
    lowered = text.lower().strip()
    if previous and ask.form in ("how_to", "why") and ASKS_SOMETHING.match(lowered):
        if not WHAT_IF.search(lowered):
            return None  # "How do I tell whether this is paying off after six months?"
    try:
        request = cost.request_from(fields)
    except CostValidationError:  # a stated quantity is invalid: estimate_cost says which
        return cost.follow_up(previous or {}, text, fields) if priced else None
    if previous is None and asks_article(text):
        return None  # "does the article quote a per-seat price for one agent?" asks the article
    if previous is None and ask.form in NOT_COST and not SIZING & fields.keys():
        return None  # "minimal berapa lama kontraknya? 1 tahun?" asks about contracts, not a price
    if previous is None and fields.keys() & INHOUSE and not SIZING & fields.keys():
        return None  # "tim kami Rp 200 juta sebulan, apa untungnya?": the team is not sized
    if previous and not fields and INHOUSE & previous.keys() and WHERE_BREAK_EVEN.search(lowered):
        return dict(previous)  # "titik impasnya di mana?": the estimate's comparison again
    # The rules' type, not the model's guess: "and with extended hours" is no duration ask.
    named = bool(fields) or bool(previous and cost.drops_values(text))  # "drop phone"
    # "biaya in-house kami 25 juta, jadinya lebih hemat?": the estimate compares with it
    stated_cost = bool(INHOUSE & fields.keys())
    if request is None and (
        previous is None or not named or not (stated_cost or _changes(text, ask, fields))
    ):
        return None  # "why is offshore cheaper?" after an estimate is a knowledge question
    if not priced:
        return None
    if previous and ask.background:
        if not cost.parse_fields(question_sentence(text)):
            return None  # "Pelanggan kami pakai bahasa Jawa. Bakal jadi masalah nggak?"
    if previous and ask.form in NOT_COST and _unchanged(fields, previous):
        return None  # "how long does a vendor need to ramp up 20 agents?" after 20 were priced
    if previous and ask.form == "yes_no" and _unchanged(fields, previous):
        # "is that also true offshore?" asks about the last answer, changes nothing; so does
        # "Does 24/7 actually help customers, or is it just extra cost?" after a 24/7 estimate
        return None
    # A follow-up changes only what it names, on top of everything said before.
    changed = cost.follow_up(previous or {}, text, fields)
    return json_fields(recounted(cost, history, previous or {}, changed))


def _implied_volume(cost: CostService, plain: str) -> dict:
    """ "bump it to 350 a day": the volume a number per day, week or month gives, unless it is a
    sum of money ("Rp 85 juta sebulan", "$60,000 a month")."""
    lowered = plain.lower()
    matches = [m for m in (BACK_TO_NUMBER.search(lowered),) if m]  # "balik ke 12 ribu"
    for match in [*matches, *VOLUME_ONLY.finditer(lowered)]:
        if MONEY_BEFORE.search(lowered[: match.start(1)]):
            continue
        implied = f"{lowered[: match.end()]} contacts{lowered[match.end() :]}"
        return {k: v for k, v in cost.parse_fields(implied).items() if k in SIZING}
    return {}


def asks_figure(lowered: str) -> bool:
    """Whether a (lower-cased) question asks a percentage or a rate per hour."""
    return bool(PERCENT_ASK.search(lowered) or PER_HOUR.search(lowered))


def _unchanged(fields: dict, previous: dict) -> bool:
    """Every field the follow-up names already has that value in the estimate."""
    return bool(fields) and all(previous.get(k) == v for k, v in json_fields(fields).items())


def _changes(text: str, ask: Ask, fields: dict) -> bool:
    """Whether a follow-up without a quantity asks to change the estimate."""
    if len(fields) >= 2 and _states_details(text, SPEC_WORDS):
        return True  # "they'd need to be skilled agents doing technical support": two values
    # ... or names a value and nothing else: "setahun?", "offshore?"
    if WHAT_IF.search(text.lower().strip()) or _states_details(text) or is_neutral(text):
        return True
    if "?" not in text and adds_to_lists(text):
        return True  # "we open in Malaysia, so English on top of Indonesian": a value added
    if "?" not in text and fields and NEED_STATED.search(text.lower()):
        return True  # "tapi yang kami butuh dukungan teknis, bukan yang dasar"
    lowered = text.lower()
    if ARTICLE_SAYS.search(lowered) and (ARTICLE_SUBJECT.search(lowered) or asks_figure(lowered)):
        return False  # "and what does the article say is the risk of going offshore?"
    if fields and RERUN.search(lowered):
        return True  # "run it again with skilled agents rather than standard": a value replaced
    if "?" in text and (FACT_FIGURE.search(lowered) or LISTED_ASK.search(lowered)):
        return False  # "berapa gaji agen bilingual?", "yang offshore itu untungnya apa aja?"
    if ask.form in NOT_COST or (ask.type == "place" and WHO.search(text.lower())):
        # "why is offshore cheaper?" after an estimate is a knowledge question; so is "vendor
        # yg sanggup 24 jam siapa aja?" (who offers it, not what it costs)
        return False
    if ask.type == "yes_no":  # "emang 24/7 bikin lebih mahal?" needs a cue, not just brevity
        cue = bool(CHANGE_CUE.search(text.lower()))
        return cue or (ask.price and not ARTICLE_SUBJECT.search(text.lower()))
    return ask.price or reads_as_change(text)  # "how much with offshore?"


def _is_spec(text: str, fields: dict) -> bool:
    """A team described and nothing asked ("just 2 local chat agents, office hours", "ok so 4
    chat agents offshore?"): a size and another field, no question word, a few words."""
    lowered = text.lower().strip()
    asked = set(QUESTION_WORD.findall(lowered))
    if "?" not in lowered:
        asked -= {"or", "atau"}  # "three or four agents, let's say four, ..." asks no choice
    if ASKS_SOMETHING.search(lowered) or asked:
        return False
    few = len(re.findall(r"[a-z0-9]+", lowered)) <= SPEC_WORDS
    full = len(fields) >= FULL_SPEC  # "lima belas agen buat sosmed dan chat, vendor lokal, 24 jam"
    return (few or full) and bool(SIZING & fields.keys()) and len(fields) >= 2


def _states_details(text: str, most: int = STATEMENT_WORDS) -> bool:
    """ "Salurannya telepon, email, sama medsos ya.": a short statement (no question, no request
    to explain) that names fields gives the estimate's details."""
    lowered = text.lower().strip()
    # a list of languages counts as one word: "bahasa Indonesia, Inggris, dan Mandarin ya"
    words = [w for w in re.findall(r"[a-z]+", lowered) if w not in LISTED]
    short = len(words) <= most
    return short and "?" not in lowered and not ASKS_SOMETHING.search(lowered)


def reads_as_change(text: str) -> bool:
    """A follow-up that changes the estimate by its words alone (no ask type known here)."""
    return bool(CHANGE_CUE.search(text.lower())) or len(text.split()) <= SHORT_FOLLOW_UP
