"""Erlang C: textbook values, a factorial reference formula and pyworkforce as cross-checks."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cost.erlang import (
    QueueSpec,
    TooManySeats,
    erlang_c,
    required_seats,
    service_level,
    staff_workload,
)


def reference_erlang_c(traffic: float, seats: int) -> float:
    """Textbook closed form with factorials (fine for small seat counts)."""
    top = traffic**seats / math.factorial(seats) * seats / (seats - traffic)
    bottom = sum(traffic**k / math.factorial(k) for k in range(seats)) + top
    return top / bottom


# The classic worked example: 200 calls an hour at 180 s AHT (10 Erlangs), 80% within 20 s;
# the same figures appear in pyworkforce's own test suite.
@pytest.mark.parametrize(
    ("seats", "wait", "level"),
    [(11, 0.6821, 0.3896), (12, 0.4494, 0.6402), (13, 0.2853, 0.7956), (14, 0.1741, 0.8884)],
)
def test_textbook_values(seats: int, wait: float, level: float) -> None:
    assert erlang_c(10, seats) == pytest.approx(wait, abs=5e-5)
    assert service_level(10, seats, 180, 20) == pytest.approx(level, abs=5e-5)


def test_textbook_requirement() -> None:
    plan = required_seats(10, 180, 20, 0.8)
    assert (plan.seats, round(plan.service_level, 3), round(plan.occupancy, 3)) == (
        14,
        0.888,
        0.714,
    )


@given(st.floats(0.05, 30), st.integers(1, 60))
def test_matches_factorial_formula(traffic: float, seats: int) -> None:
    expected = 1.0 if seats <= traffic else reference_erlang_c(traffic, seats)
    assert erlang_c(traffic, seats) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.floats(0.2, 80), st.sampled_from([3.0, 6.0, 10.0]), st.sampled_from([10, 20, 60]))
def test_matches_pyworkforce(traffic: float, aht_minutes: float, target_s: int) -> None:
    from pyworkforce.queuing import ErlangC

    ref = ErlangC(
        transactions=traffic * 60 / aht_minutes, aht=aht_minutes, asa=target_s / 60, interval=60
    )
    for seats in range(math.floor(traffic) + 1, math.floor(traffic) + 8):
        assert erlang_c(traffic, seats) == pytest.approx(ref.waiting_probability(seats), rel=1e-9)
        mine = service_level(traffic, seats, aht_minutes * 60, target_s)
        assert mine == pytest.approx(ref.service_level(seats), rel=1e-9, abs=1e-12)
    ours = required_seats(traffic, aht_minutes * 60, target_s, 0.8, 0.85).seats
    theirs = ref.required_positions(service_level=0.8, max_occupancy=0.85)["raw_positions"]
    # pyworkforce starts its search at round(traffic + 1), one above floor(traffic) + 1 when the
    # fraction is >= .5, so it can only ever need the same number of seats or one more.
    assert theirs in (ours, ours + 1)
    if round(traffic + 1) == math.floor(traffic) + 1:
        assert theirs == ours


def test_pyworkforce_overstaffs_where_we_do_not() -> None:
    # 0.55 Erlangs of email answered within a day: one seat is enough (55% occupancy).
    from pyworkforce.queuing import ErlangC

    ref = ErlangC(transactions=5.5, aht=6, asa=24 * 60, interval=60)
    assert ref.required_positions(0.8, 0.85)["raw_positions"] == 2
    assert required_seats(0.55, 360, 24 * 3600, 0.8, 0.85).seats == 1


def test_occupancy_cap_gives_workload_over_occupancy() -> None:
    plan = required_seats(25.6, 480, 24 * 3600, 0.8, 0.85)
    assert plan.seats == math.ceil(25.6 / 0.85) == 31


def test_too_many_seats() -> None:
    with pytest.raises(TooManySeats):
        required_seats(20_000, 360, 20, 0.8, 0.85, max_seats=10_000)


def test_staff_workload_splits_evenly_and_uses_concurrency() -> None:
    queues = [QueueSpec("phone", True, 6, 1), QueueSpec("chat", True, 10, 2)]
    plans = staff_workload(10_000, queues, Decimal("173.6"), 80, 20, 24, 85, 10_000)
    assert [p.contacts_per_month for p in plans] == [Decimal("5000.00"), Decimal("5000.00")]
    # phone: 5000/173.6 per hour x 6 min = 2.8802 E; chat: 5000/173.6 x 10/2 min = 2.4002 E
    assert [p.traffic_erlangs for p in plans] == [2.8802, 2.4002]
    assert [p.seats for p in plans] == [5, 5]


@pytest.mark.parametrize(
    "args",
    [(0, 180, 20, 0.8), (10, 0, 20, 0.8), (10, 180, 0, 0.8), (10, 180, 20, 1.0), (10, 180, 20, 0)],
)
def test_bad_arguments(args: tuple[float, float, float, float]) -> None:
    with pytest.raises(ValueError):
        required_seats(*args)
