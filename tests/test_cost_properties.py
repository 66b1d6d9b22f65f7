"""Properties of the estimator and the parser, checked with hypothesis."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import REPO_ROOT
from bot.cost.estimate import CostRequest, CostValidationError, estimate
from bot.cost.model import CHANNELS, COVERAGES, EXPERTISE_LEVELS, LOCATIONS, SUPPORT_TYPES
from bot.cost.normalize import normalize
from bot.cost.render import render_issues
from bot.cost.service import CostService

# The estimator over the repository's own cost model and phrases.
COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGUAGE_CODES = ["ar", "de", "en", "es", "id", "ja", "ko", "ms", "th", "vi", "zh"]

requests = st.builds(
    CostRequest,
    agents=st.integers(1, 5000),
    channels=st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=4, unique=True).map(tuple),
    support_type=st.sampled_from(SUPPORT_TYPES),
    expertise=st.sampled_from(EXPERTISE_LEVELS),
    location=st.sampled_from(LOCATIONS),
    coverage=st.sampled_from(COVERAGES),
    languages=st.lists(st.sampled_from(LANGUAGE_CODES), min_size=1, max_size=5, unique=True).map(
        tuple
    ),
    months=st.integers(1, 120),
    inhouse_monthly_usd=st.none() | st.decimals(1, 10_000_000, places=2),
)
workloads = st.builds(
    CostRequest,
    contacts_per_month=st.integers(1, 300_000),
    avg_handle_minutes=st.none() | st.floats(0.5, 30),
    service_level_pct=st.none() | st.floats(50, 99),
    channels=st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=4, unique=True).map(tuple),
    coverage=st.sampled_from(COVERAGES),
    location=st.sampled_from(LOCATIONS),
)


def total(request: CostRequest, **changes: object) -> Decimal:
    return estimate(request.model_copy(update=changes), COST.model).monthly_total_usd


def one_time(request: CostRequest, **changes: object) -> Decimal:
    return estimate(request.model_copy(update=changes), COST.model).one_time_total_usd


def never_cheaper(request: CostRequest, field: str, options: tuple) -> None:
    """Each option further along never costs less, monthly or one time."""
    monthly = [total(request, **{field: option}) for option in options]
    setup = [one_time(request, **{field: option}) for option in options]
    assert monthly == sorted(monthly), (field, monthly)
    assert setup == sorted(setup), (field, setup)


@FAST
@given(requests, st.integers(1, 500))
def test_more_seats_never_cost_less(request: CostRequest, extra: int) -> None:
    assert total(request) <= total(request, agents=request.agents + extra)


@FAST
@given(requests)
def test_more_covered_hours_never_cost_less(request: CostRequest) -> None:
    never_cheaper(request, "coverage", COVERAGES)


@FAST
@given(requests)
def test_higher_expertise_and_technical_never_cost_less(request: CostRequest) -> None:
    never_cheaper(request, "expertise", EXPERTISE_LEVELS)
    never_cheaper(request, "support_type", SUPPORT_TYPES)


@FAST
@given(requests)
def test_offshore_nearshore_domestic_in_order(request: CostRequest) -> None:
    never_cheaper(request, "location", LOCATIONS)


@FAST
@given(requests, st.sampled_from(LANGUAGE_CODES))
def test_more_languages_never_cost_less(request: CostRequest, extra: str) -> None:
    more = tuple(sorted({*request.languages, extra}))
    assert total(request) <= total(request, languages=more)


@FAST
@given(requests, st.sampled_from(CHANNELS))
def test_more_channels_never_cost_less(request: CostRequest, extra: str) -> None:
    more = tuple(c for c in CHANNELS if c in {*request.channels, extra})
    assert total(request) <= total(request, channels=more)


@FAST
@given(requests | workloads)
def test_totals_are_sums_of_lines_and_nothing_is_negative(request: CostRequest) -> None:
    result = estimate(request, COST.model)
    monthly = [line.amount_usd for line in result.lines if line.kind == "monthly"]
    once = [line.amount_usd for line in result.lines if line.kind == "one_time"]
    assert result.monthly_total_usd == sum(monthly)
    assert result.one_time_total_usd == sum(once)
    assert result.total_usd == result.monthly_total_usd * result.months + result.one_time_total_usd
    assert all(
        amount >= 0 and amount == amount.quantize(Decimal("0.01")) for amount in monthly + once
    )
    assert result.seats >= 1 and result.fte > 0 and result.headcount >= result.fte
    low, high = result.article_band_usd
    assert low <= result.hourly_rate_usd <= high
    if result.comparison is not None:
        cmp = result.comparison
        assert cmp.monthly_savings_usd == cmp.inhouse_monthly_usd - result.monthly_total_usd
        assert (cmp.break_even_month is None) == (cmp.monthly_savings_usd <= 0)


@FAST
@given(workloads, st.integers(1, 100_000))
def test_more_contacts_never_cost_less(request: CostRequest, extra: int) -> None:
    before = estimate(request, COST.model)
    after = estimate(
        request.model_copy(update={"contacts_per_month": request.contacts_per_month + extra}),
        COST.model,
    )
    assert before.seats <= after.seats
    assert before.monthly_total_usd <= after.monthly_total_usd


@FAST
@given(workloads)
def test_same_request_same_bytes(request: CostRequest) -> None:
    assert (
        estimate(request, COST.model).to_json()
        == estimate(request.model_copy(), COST.model).to_json()
    )


# Independent spellers, to check the parser reads every number the way people write it.
ONES_EN = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: E501
TENS_EN = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ONES_ID = "nol satu dua tiga empat lima enam tujuh delapan sembilan".split()


def english(n: int) -> str:
    if n < 20:
        return ONES_EN[n]
    if n < 100:
        return TENS_EN[n // 10] + ("-" + ONES_EN[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{ONES_EN[n // 100]} hundred" + (f" and {english(rest)}" if rest else "")
    rest = n % 1000
    return f"{english(n // 1000)} thousand" + (f" {english(rest)}" if rest else "")


def indonesian(n: int) -> str:
    if n < 10:
        return ONES_ID[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return f"{ONES_ID[n - 10]} belas"
    if n < 100:
        return f"{ONES_ID[n // 10]} puluh" + (f" {indonesian(n % 10)}" if n % 10 else "")
    if n < 1000:
        head = "seratus" if n // 100 == 1 else f"{ONES_ID[n // 100]} ratus"
        return head + (f" {indonesian(n % 100)}" if n % 100 else "")
    head = "seribu" if n // 1000 == 1 else f"{indonesian(n // 1000)} ribu"
    return head + (f" {indonesian(n % 1000)}" if n % 1000 else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 999_999))
def test_number_words_in_both_languages(n: int) -> None:
    assert normalize(english(n)) == str(n)
    assert normalize(indonesian(n)) == str(n)
    assert normalize(f"{n:,}") == str(n)  # 12,345
    assert normalize(f"{n:,}".replace(",", ".")) == str(n)  # 12.345


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10_000), st.sampled_from(LOCATIONS), st.sampled_from(COVERAGES))
def test_spelled_and_digit_agents_give_the_same_request(
    n: int, location: str, coverage: str
) -> None:
    words = {"24x7": ("24/7", "24/7"), "extended": ("jam diperpanjang", "extended hours")}
    words["business_hours"] = ("jam kerja", "business hours")
    places = {"offshore": "luar negeri", "nearshore": "nearshore", "domestic": "dalam negeri"}
    id_cov, en_cov = words[coverage]
    expected = {"agents": n, "location": location, "coverage": coverage}
    assert COST.parse_fields(f"{indonesian(n)} agen {places[location]} {id_cov}") == expected
    assert COST.parse_fields(f"{english(n)} {location} agents, {en_cov}") == expected
    assert COST.parse_fields(f"{n} agen {places[location]} {id_cov}") == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parser_never_crashes(text: str) -> None:
    try:
        result = COST.parse_question(text)
    except CostValidationError as err:
        assert render_issues(err.issues, "id", COST.prompts_dir) and render_issues(
            err.issues, "en", COST.prompts_dir
        )
    else:
        assert result is None or isinstance(result, CostRequest)
