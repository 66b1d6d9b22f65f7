"""Turn a cost question in Indonesian or English into a CostRequest.

The text is normalised first (number words and digit groupings become plain numbers, both
languages share one vocabulary), then each field is read by a pattern that consumes its span,
so "respons email dalam 24 jam" is never also read as 24/7 coverage. Asking the same thing in
either language gives the same fields.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.cost.choices import read_choices
from bot.cost.counts import PEOPLE, days_stated, plain_number, salary_people
from bot.cost.durations import read_aht, read_service
from bot.cost.inhouse import read_inhouse
from bot.cost.model import Calendar
from bot.cost.normalize import normalize
from bot.cost.numbers import mark_rupiah, spell_miliar
from bot.cost.request import CostRequest, validate_request
from bot.cost.vocabulary import (
    AGE_AFTER,
    AGE_BEFORE,
    AGENT,
    BARE_VOLUME,
    CHANGE_VERB,
    CHANGED_TO,
    COMPANY,
    CONTACT,
    CONTACT_NOUN,
    GAP,
    LEAD_PERIOD,
    NOT_AGE,
    NOT_MONEY,
    NUM,
    PERIOD,
    PERIOD_KIND,
    TIME_UNIT,
)

# Fields that make a question a calculation; without one of them it is a knowledge-base question.
QUANTITY_FIELDS = frozenset(
    "agents contacts_per_month avg_handle_minutes service_level_pct answer_within_seconds "
    "email_response_hours months inhouse_monthly_usd inhouse_monthly_idr".split()
)


class _Text:
    """The normalised question; take() reads a pattern once and blanks what it consumed."""

    def __init__(self, text: str, calendar: Calendar, inhouse: bool = False) -> None:
        # Rupiah amounts are marked before "juta" becomes digits (bot.cost.numbers.mark_rupiah).
        self.full = self.text = normalize(
            mark_rupiah(spell_miliar(unicodedata.normalize("NFKC", text)).lower())
        )
        self.inhouse = inhouse  # every amount of money is the in-house cost (a brief's text)
        self.calendar = calendar  # "per day" / "per week" become per month by its factors
        self.per_day: Decimal | None = None  # a daily volume: its days depend on the coverage

    def take(self, pattern: str, group: int = 0) -> re.Match[str] | None:
        match = re.search(pattern, self.text)
        if match:
            start, end = match.span(group)
            self.text = f"{self.text[:start]} | {self.text[end:]}"
        return match

    def first(self, options: dict[str, str], outside: list[tuple[int, int]] = ()) -> str | None:
        """Return the option named earliest in the whole question, none `outside` the spans."""
        found = [
            (m.start(), key)
            for key, pattern in options.items()
            for m in re.finditer(rf"\b(?:{pattern})\b", self.full)
            if not any(s <= m.start() < e for s, e in outside)
        ]
        return min(found)[1] if found else None


def _monthly(amount: Decimal, period: str | None, calendar: Calendar) -> int:
    factor = {
        "day": calendar.days_per_month.value,
        "week": calendar.weeks_per_month.value,
        "year": Decimal(1) / 12,
    }.get(PERIOD_KIND.get(period or "", "month"), Decimal(1))
    return int((amount * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# A company's size is no number of agents: "a 30-person SaaS startup", "perusahaan 50 orang".
_COMPANY_SIZE = (
    # ... never "5 orang dari perusahaan luar negeri", people hired from a vendor
    rf"{NUM}\s*(?:person|people|orang|employees?|karyawan|pegawai)\s+(?:(?!dari\b|from\b)[a-z]+\s+){{0,2}}?"
    rf"{COMPANY}\b"
    rf"|\b{COMPANY},?\s+(?:[a-z]+\s+){{0,2}}?"
    rf"{NUM}\s*(?:orang|karyawan|pegawai|employees|people)\b"
    rf"|\b(?:karyawan|pegawai|employees|staff)(?:nya)?\s+(?:[a-z]+\s+){{0,2}}?{NUM}\s*orang\b"
)


_INHOUSE_TEAM = (
    rf"(?<![$\d.])(?:{NUM}\s+inhouse\s+{GAP}{{0,2}}?{AGENT}\b"
    rf"|{NUM}\s+{GAP}{{0,2}}?{AGENT}\s+inhouse\b"
    # "kami punya 4 orang CS, mau outsource 10 agen", "we have 3 reps; price 6 agents"
    rf"|\b(?:(?:kami|kita|saya)\s+(?:punya|memiliki|sekarang\s+punya)|(?:we|i)\s+(?:have|employ|have got|ve got))"
    rf"\s+{NUM}\s+{GAP}{{0,2}}?{AGENT}\b)"
)


# A count of people with no support role named ("admin kami 4 orang", "25 orang tim", "150
# staff"), beside one that names it ("10 agen", "5 orang cs", "3 support staff").
_HEADS = rf"(?<![$\d.])(?<!usd )(?<!rp ){NUM}\s+(?P<gap>{GAP}{{0,5}}?){AGENT}\b(?P<after>(?:\s+[a-z]+){{0,2}})"
_ROLE = re.compile(
    r"\b(?:agen|agents?|seats?|kursi|cs|operators?|reps?|representatives?|specialists?|spesialis"
    r"|support|dukungan|layanan|customer|pelanggan|helpdesk|call|contact)\b"
)
# ... and company staff beside a volume: "9,000 contacts a month ... 200 staff across 5 branches"
_STAFF = re.compile(r"\b(?:staf|staff|karyawan|pegawai|employees?)\b")
_VOLUME = rf"{NUM}\s+{GAP}{{0,2}}?{CONTACT_NOUN}\b|\bvolume"


def _take_company_staff(t: _Text) -> None:
    heads = [(m, bool(_ROLE.search(m.group(0)))) for m in re.finditer(_HEADS, t.text)]
    volume = re.search(_VOLUME, t.text)
    for m, role in heads:
        if not role and (any(r for _, r in heads) or (volume and _STAFF.search(m.group(0)))):
            t.take(re.escape(m.group(0)))


def _read_agents(t: _Text, fields: dict[str, Any]) -> None:
    t.take(_COMPANY_SIZE)
    # "satu supervisor pegang berapa agen?": a supervisor is no agent to count
    while t.take(rf"{NUM}\s+(?:supervisors?|spv|team ?leads?|team ?leaders?|managers?|manajer)\b"):
        pass
    _take_company_staff(t)
    # "kami gaji 4 orang CS masing-masing Rp 6 juta. Kalau outsource 2 agen?": the people paid
    # now are no team asked for, when another count follows
    if (paid := salary_people(t.full)) and PEOPLE.search(t.full[paid.end() :]):
        t.take(re.escape(paid.group(0)))
    # "Kami keluar 45 juta buat 4 CS in-house. Mau nambah jadi 10 agen": the team there is now,
    # when a count follows it, is no team asked for
    if (own := re.search(_INHOUSE_TEAM, t.text)) and PEOPLE.search(t.text[own.end() :]):
        t.take(re.escape(own.group(0)))
    # A sum of money is no count: "$3000 sebulan buat CS" (the lookbehind keeps "$" out).
    # "12.000 email dan agen butuh 3 menit": the agents after "dan" are another noun phrase
    m = t.take(
        rf"(?<![$\d.])(?<!usd )(?<!rp ){NUM}\s+{GAP}{{0,5}}?(?<!\bdan )(?<!\band )(?<!& ){AGENT}\b",
        group=1,
    ) or t.take(
        r"(?:jumlah agen|number of agents|team of|crew of|staff of|agents?|agen|seats?|kursi)(?:nya)?\s*(?:(?::|=|sebanyak"
        r"|berjumlah|sejumlah|of|is|adalah|jadi|menjadi|to|cuma|hanya|only|just)\s*"
        # "jumlah agennya dikurangi menjadi 8", "the number of agents is reduced to 8"
        rf"|{CHANGED_TO})?"
        rf"{NUM}(?!\s*(?:/|x\s*\d|%|{TIME_UNIT}|bulan|months?|tahun|years?))",
        group=1,
    )
    # "only 5 need to be on shift at the same time", "5 orang standby sekaligus"
    m = m or t.take(
        rf"(?<![$\d.]){NUM}(?!\s*(?:%|{TIME_UNIT}|bulan|months?|tahun|years?))\s+(?:[a-z]+\s+){{0,3}}?"
        r"(?:on shift|on duty|at the same time|at a time|at once|sekaligus|bersamaan)\b",
        group=1,
    )
    # "there are 10 of them", "seven on the team": the team told after its pay
    # ("there are 2,500 of them every day" counts contacts)
    m = m or t.take(
        rf"\b(?:there are|there're|ada)\s+{NUM}\s+(?:of them|orang)\b(?!\s+{PERIOD})", group=1
    )
    m = m or t.take(rf"(?<![$\d.]){NUM}\s+(?:on|in) (?:the|our) team\b", group=1)
    if m:
        fields["agents"] = plain_number(Decimal(m.group(1)))


def _read_contacts(t: _Text, fields: dict[str, Any]) -> None:
    # "500 panggilan telepon per hari", "12.000 email masuk": a second contact word or an
    # "incoming" may stand between the volume's noun and its period.
    # ... or a second channel joined by a sign ("2.000 email + chat per minggu")
    inbound = rf"(?:\s*[+/&]?\s*{CONTACT}\b)?(?:\s+(?:masuk|incoming|inbound|baru|new))?\s*"
    # "800 chat seminggu, jadi total 1.800 tiket seminggu": the total said is the volume
    total = t.take(
        rf"\b(?:total(?:nya)?|in total|altogether|semuanya|seluruhnya)\s+(?:(?:jadi|ada|of|is|sekitar"
        rf"|about|around)\s+)?{NUM}\s+{GAP}{{0,2}}?{CONTACT}\b{inbound}{PERIOD}"
    )
    m = (
        total
        or t.take(rf"{NOT_MONEY}{NUM}\s+{GAP}{{0,4}}?{CONTACT}\b{inbound}{PERIOD}")
        # "our 10,000 monthly contacts": the period as an adjective before the noun
        or t.take(rf"{NOT_MONEY}{NUM}\s+{PERIOD}\s+{GAP}{{0,2}}?{CONTACT_NOUN}\b")
        or t.take(
            rf"{NOT_MONEY}{NUM}\s+{GAP}{{0,2}}?{CONTACT_NOUN}\b{inbound}(?:(?:[a-z]+\s+){{0,5}}?{PERIOD})?"
        )
        or t.take(
            rf"\bvolume\w*(?:\s+[a-z]+){{0,4}}?\s*(?:of|sebesar|sekitar|about|around|:)?\s*[~±]?{NUM}"
            rf"(?:[^\d|]{{0,20}}?{PERIOD})?"
        )
        or t.take(  # the noun first: "kontaknya 35000 sebulan", "tickets at 4000 a month",
            # "Facebook comments, 80 a day"
            rf"\b{CONTACT_NOUN}[,:]?\s+(?:[a-z]+\s+){{0,2}}?(?:{CHANGE_VERB}\s+)?"
            rf"(?:(?:sebanyak|sekitar|kira kira|kurang lebih|jadi|menjadi|of|at|about|around|roughly"
            rf"|approximately|to)\s+)?{NUM}\s*{PERIOD}"
        )
        or t.take(  # "kalau per bulannya jadi 4.800?": the period, then the new volume
            rf"(?:^|\b(?:kalau|kalo|if|and|dan)\s+){PERIOD}(?:nya)?\s+(?:jadi|menjadi|becomes?|goes to|naik"
            rf"\s+jadi|turun\s+jadi|ada)\s+{NUM}(?!\s*(?:%|[a-z]))"
        )
        or t.take(  # "Kontak per bulan ada 30.000": the period between the noun and the number
            rf"\b{CONTACT}(?:\s+(?:masuk|incoming|inbound))?\s+{PERIOD}\s*[:=]?\s*"
            rf"(?:(?:ada|sebanyak|sekitar|kira kira|kurang lebih|rata rata|about|around|roughly)\s+)?{NUM}"
        )
        # "there are 2,500 of them every day", "tiap minggu masuk 5000": the contacts named before
        or (
            re.search(rf"\b{CONTACT}\b", t.full)
            and (
                t.take(rf"{NOT_MONEY}{NUM}\s+of them\s+{PERIOD}")
                # "1,000 come in every day", "400 land on us daily", "5,000 hit the inbox weekly"
                or t.take(
                    rf"{NOT_MONEY}{NUM}\s+(?:come in|comes in|arrive|land|hit|masuk)\b"
                    rf"(?:\s+[a-z]+){{0,2}}?\s+{PERIOD}"
                )
                or t.take(
                    r"(?:(?:setiap|tiap|every|each|per)\s+(?P<per>hari|minggu|bulan|day|week|month)"
                    r"|(?P<adv>sehari|seminggu|sebulan|daily|weekly|monthly))\s+(?:(?:kami|kita|we)\s+)?"
                    r"(?:masuk|ada|dapat|dapet|terima|menerima|nerima|get|see|receive)\s+"
                    rf"(?:(?:sekitar|kira kira|about|around|roughly)\s+)?{NUM}(?!\s*(?:%|menit|minutes?))"
                )
            )
        )
        # "Our calls take 4 minutes and we get 9,000 a month": a number a period, no money, in a
        # question whose contacts are named elsewhere
        or (re.search(rf"\b{CONTACT_NOUN}\b", t.full) and t.take(BARE_VOLUME))
    )
    if m:
        # "Setiap tahun kami menerima 180000 chat": the period may come before the number.
        period = m.group("per") or m.group("adv")
        if period is None and (leads := re.findall(LEAD_PERIOD, t.text[: m.start()])):
            period = "".join(leads[-1])  # the nearest one: (word, "") or ("", adverb)
        amount = Decimal(next(g for g in m.groups() if g and g[-1].isdigit()))  # the NUM
        # "15000 chat dan 2000 email per bulan": every volume named, in the same period.
        while not total and (
            more := t.take(rf"{NUM}\s+{GAP}{{0,2}}?{CONTACT_NOUN}\b{inbound}{PERIOD}?")
        ):
            amount += Decimal(more.group(1))
        fields["contacts_per_month"] = _monthly(amount, period, t.calendar)
        if PERIOD_KIND.get(period or "") == "day":
            t.per_day = amount
    read_inhouse(t, fields)


# A message that asks only the year's total of the estimate before it.
YEAR_TOTAL = (
    r"^\W*(?:(?:and|so|ok|okay|oke|then|terus|trus|jadi|lalu|kalau|kalo|klo)\W+)*"
    r"(?:(?:what|how much)(?:'s| is| does| would| will)? (?:that|it|this|the total)(?: (?:come|comes|add"
    r" up|adds up|run|be|cost))?(?: to)?\s+|(?:total(?:nya)?|biaya(?:nya)?|semua(?:nya)?|jadinya)\s+)?"
    r"(?:(?:per|a|each|setiap|tiap|in a)\s*(?:tahun|year)(?:nya)?|annual(?:ly)?|yearly|pertahun|per annum)"
    r"(?:\s+(?:jadinya|totalnya|jadi|total|then))?(?:\s+(?:berapa|brp|how much))?\W*$"
)


def _read_months(t: _Text, fields: dict[str, Any]) -> None:
    period = rf"{NOT_AGE}{NUM}\s*(bulan|months?|tahun|years?)\b(?!\s+in(?=\s*(?:[,.;]|with|and|$)))"
    for age in [m for m in re.finditer(period, t.text) if _is_age(t.text, m)]:
        t.take(re.escape(age.group(0)))  # the company's story, not its contract
    if m := t.take(period):
        years = m.group(2).startswith(("tahun", "year"))
        fields["months"] = plain_number(Decimal(m.group(1)) * (12 if years else 1))
    elif m := t.take(
        rf"(?<!per )(?<!/)\b(?:months?|bulan(?:nya)?)\s*(?:to|=|:|jadi|menjadi|ke)\s*{NUM}"
    ):
        fields["months"] = plain_number(Decimal(m.group(1)))  # "set months to 0"
    elif t.take(
        r"\b(?:selama|for|over|kontrak(?:nya)?|contract|to|jadi|jadiin|menjadi|untuk|buat|utk)\s+(?:(?:a|one|satu)\s+)?"
        r"(?:(?:full|whole)\s+)?(?:setahun|year|tahun)(?:\s+penuh)?\b"
    ):
        fields["months"] = 12  # "for a year", "stretch it to a full year", "jadi setahun penuh"
    elif t.take(
        r"^\W*(?:(?:a|one|satu)\s+)?(?:(?:full|whole)\s+)?(?:setahun|year)(?:\s+penuh)?\W*$"
        r"|(?:^|[,;:]\s*)setahun(?:\s+penuh)?\s*(?=[,.;!?]|$)"
    ):
        # a follow-up of the period alone ("setahun?", "a full year?"), or one item of a list
        # ("4 agen spesialis, chat doang, 24/7, setahun.")
        fields["months"] = 12
    elif t.take(YEAR_TOTAL):
        fields["months"] = 12  # "and what does that come to per year?", "per tahun jadinya brp?"


def _is_age(text: str, m: re.Match[str]) -> bool:
    return bool(AGE_BEFORE.search(text[: m.start()]) or AGE_AFTER.search(text[m.end() :]))


def _read(text: str, calendar: Calendar, inhouse: bool = False) -> tuple[_Text, dict[str, Any]]:
    t = _Text(text, calendar, inhouse)
    fields: dict[str, Any] = {}
    for read in (
        read_service,
        read_aht,
        _read_agents,
        _read_contacts,
        _read_months,
        read_choices,
    ):
        read(t, fields)
    return t, fields


def daily_volume(text: str, calendar: Calendar) -> Decimal | None:
    """The contacts a text states per day, their days left to the coverage ("500 chat per
    hari"); None for a volume per week or month, or one whose days the text says itself."""
    t, _ = _read(text, calendar)
    if t.per_day is None or days_stated(t.full, calendar) is not None:
        return None
    return t.per_day


def per_month(
    daily: Decimal, coverage: str | None, calendar: Calendar, days: Decimal | None = None
) -> int:
    """A daily volume counted over the `days` a month the user says, else over the days of
    `coverage`: weekdays for business hours (the default), every day for longer coverage."""
    if days is None:
        weekdays = coverage in (None, "business_hours")
        days = (calendar.working_days_per_month if weekdays else calendar.days_per_month).value
    return int((daily * days).quantize(Decimal(1), ROUND_HALF_UP))


def parse_cost_fields(
    text: str, calendar: Calendar, inhouse: bool = False, coverage: str | None = None
) -> dict[str, Any]:
    """Return only the request fields the text states ('what about domestic?' -> location);
    `inhouse`: read any amount of money as the in-house monthly cost, cue or not; `coverage`:
    the coverage a daily volume is counted over when the text names none (a follow-up's)."""
    t, fields = _read(text, calendar, inhouse)
    if t.per_day is not None:  # "400 chat per hari, buka 30 hari sebulan": the days the user says
        days, said = days_stated(t.full, calendar), fields.get("coverage", coverage)
        fields["contacts_per_month"] = per_month(t.per_day, said, calendar, days)
    return fields


def parse_cost_question(text: str, calendar: Calendar) -> CostRequest | None:
    """Return the request a cost question asks for, or None when it states no quantity.

    Raises CostValidationError when a stated quantity is invalid (e.g. "0 agen").
    """
    fields = parse_cost_fields(text, calendar)
    if not QUANTITY_FIELDS & fields.keys():
        return None
    return validate_request(fields)
