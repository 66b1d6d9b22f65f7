"""Erlang C staffing: seats needed to answer a share of contacts within a target time.

Written here rather than taken from pyworkforce because pyworkforce's search starts at
round(traffic + 1), which can skip the smallest valid seat count (e.g. 2.6 Erlangs starts at 4
seats although 3 may meet the target), and its import pulls in ortools and pandas. The tests
cross-check every probability against pyworkforce and textbook values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


class TooManySeats(ValueError):
    """The workload needs more seats than the model allows."""


@dataclass(frozen=True)
class SeatPlan:
    """Seats for one channel and how well they meet the target."""

    traffic_erlangs: float
    seats: int
    service_level: float
    occupancy: float


def erlang_b(traffic: float, seats: int) -> float:
    """Return the Erlang B blocking probability (stable recursion, no factorials)."""
    blocking = 1.0
    for n in range(1, seats + 1):
        blocking = traffic * blocking / (n + traffic * blocking)
    return blocking


def _erlang_c_from_b(traffic: float, seats: int, blocking: float) -> float:
    if seats <= traffic:
        return 1.0
    return seats * blocking / (seats - traffic * (1.0 - blocking))


def erlang_c(traffic: float, seats: int) -> float:
    """Return the probability that a contact has to wait (1.0 when seats <= traffic)."""
    return _erlang_c_from_b(traffic, seats, erlang_b(traffic, seats))


def _service_level(traffic: float, seats: int, wait_prob: float, target_over_aht: float) -> float:
    if seats <= traffic:
        return 0.0
    return 1.0 - wait_prob * math.exp(-(seats - traffic) * target_over_aht)


def service_level(traffic: float, seats: int, aht_seconds: float, target_seconds: float) -> float:
    """Return the share of contacts answered within target_seconds."""
    return _service_level(traffic, seats, erlang_c(traffic, seats), target_seconds / aht_seconds)


def required_seats(
    traffic: float,
    aht_seconds: float,
    target_seconds: float,
    target_level: float,
    max_occupancy: float = 1.0,
    max_seats: int = 10_000,
) -> SeatPlan:
    """Return the fewest seats meeting the service level and the occupancy cap."""
    if traffic <= 0 or aht_seconds <= 0 or target_seconds <= 0:
        raise ValueError("traffic, aht_seconds and target_seconds must be > 0")
    if not 0 < target_level < 1 or not 0 < max_occupancy <= 1:
        raise ValueError("target_level must be in (0, 1) and max_occupancy in (0, 1]")
    floor_seats = max(math.ceil(traffic / max_occupancy), math.floor(traffic) + 1)
    if floor_seats > max_seats:
        raise TooManySeats(f"{floor_seats} seats needed, more than {max_seats}")
    seats = math.floor(traffic) + 1
    blocking = erlang_b(traffic, seats)
    ratio = target_seconds / aht_seconds
    while True:
        wait_prob = _erlang_c_from_b(traffic, seats, blocking)
        level = _service_level(traffic, seats, wait_prob, ratio)
        if level >= target_level and seats >= floor_seats:
            return SeatPlan(traffic, seats, level, traffic / seats)
        if seats >= max_seats:
            raise TooManySeats(f"more than {max_seats} seats needed")
        seats += 1
        blocking = traffic * blocking / (seats + traffic * blocking)


@dataclass(frozen=True)
class QueueSpec:
    """One channel's queue: real-time (answer within seconds) or deferred (respond within hours)."""

    channel: str
    realtime: bool
    aht_minutes: float
    concurrency: float


@dataclass(frozen=True)
class ChannelSeats:
    """Seats one channel needs for its share of the monthly volume."""

    channel: str
    contacts_per_month: Decimal
    aht_minutes: float
    traffic_erlangs: float
    seats: int
    service_level: float
    occupancy: float


def staff_workload(
    contacts_per_month: int,
    queues: Sequence[QueueSpec],
    covered_hours: Decimal,
    service_level_pct: float,
    answer_within_seconds: float,
    email_response_hours: float,
    max_occupancy_pct: float,
    max_seats: int,
) -> tuple[ChannelSeats, ...]:
    """Split the volume evenly over the channels, arriving evenly over the covered hours."""
    share = Decimal(contacts_per_month) / len(queues)
    per_hour = float(share / covered_hours)
    plans = []
    for queue in queues:
        aht_seconds = queue.aht_minutes * 60 / queue.concurrency
        target = answer_within_seconds if queue.realtime else email_response_hours * 3600
        plan = required_seats(
            per_hour * aht_seconds / 3600,
            aht_seconds,
            target,
            service_level_pct / 100,
            max_occupancy_pct / 100,
            max_seats,
        )
        plans.append(
            ChannelSeats(
                queue.channel,
                share.quantize(Decimal("0.01")),
                queue.aht_minutes,
                round(plan.traffic_erlangs, 4),
                plan.seats,
                round(plan.service_level, 4),
                round(plan.occupancy, 4),
            )
        )
    if sum(p.seats for p in plans) > max_seats:
        raise TooManySeats(f"more than {max_seats} seats needed")
    return tuple(plans)
