"""One way through the estimator for every caller: fields or text in -> validated request ->
result -> reply rendered in a language. The chain, the API, the UI, Slack and the CLI use it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.cost.choices import removed_values
from bot.cost.estimate import CostResult, compare, estimate
from bot.cost.model import CostModel, load_cost_model
from bot.cost.normalize import normalize
from bot.cost.parse import QUANTITY_FIELDS, daily_volume, parse_cost_fields, per_month
from bot.cost.render import render_comparison, render_cost_error, render_cost_parts, render_issues
from bot.cost.request import CostRequest, CostValidationError, validate_request
from bot.cost.revise import LIST_FIELDS, adds_to_lists, coverage_after, swapped_channels
from bot.cost.selfcorrect import as_languages, split_correction
from bot.cost.vocabulary import KEPT, ONLY


def json_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Request fields as JSON values (tool-call arguments): the request keeps money as Decimal
    and lists as tuples."""
    return {
        k: float(v) if isinstance(v, Decimal) else list(v) if isinstance(v, tuple) else v
        for k, v in fields.items()
    }


IN_HOUSE = ("inhouse_monthly_usd", "inhouse_monthly_idr")  # one of the two, never both


@dataclass(frozen=True)
class CostReply:
    """What one estimate gave: the result or the validation error, and the reply text."""

    result: CostResult | None
    error: CostValidationError | None
    text: str  # the whole reply: summary, then details
    summary: str = ""  # the headline, cost lines, rate and seats (about 15 lines)
    details: str = ""  # the assumptions and defaults, which chat folds away


class CostService:
    """The estimator over one cost model and one phrase folder, both given, never guessed."""

    def __init__(self, model: CostModel, prompts_dir: Path) -> None:
        self.model = model
        self.prompts_dir = prompts_dir

    @classmethod
    def from_dirs(cls, corpus_dir: Path, prompts_dir: Path) -> CostService:
        """Read corpus_dir/cost_model.yaml; phrases come from prompts_dir/{id,en}/cost.yaml."""
        return cls(load_cost_model(corpus_dir / "cost_model.yaml"), prompts_dir)

    def estimate(self, fields: Mapping[str, Any]) -> CostResult:
        """Validate and estimate; raise CostValidationError naming the field."""
        return estimate(validate_request(fields), self.model)

    def reply(self, fields: Mapping[str, Any], lang: str) -> CostReply:
        """Estimate and render in `lang`; a validation error becomes the reply's text."""
        try:
            result = self.estimate(fields)
        except CostValidationError as err:
            text = self.error_text(err, lang)
            return CostReply(None, err, text, text)
        summary, details = render_cost_parts(result, lang, self.prompts_dir)
        return CostReply(result, None, f"{summary}\n\n{details}", summary, details)

    def parse_fields(self, text: str, inhouse: bool = False) -> dict[str, Any]:
        """The request fields a text states, per-day and per-week volumes made monthly;
        `inhouse`: any amount of money is the in-house monthly cost (a brief's situation)."""
        fields = parse_cost_fields(text, self.model.calendar, inhouse)
        split = split_correction(normalize(text))  # "agennya bukan 20, maksud kami 14"
        if split is None:
            return fields
        said = parse_cost_fields(split[0], self.model.calendar, inhouse)
        if not said:  # "eh maksudnya Rp 210 juta": nothing said before the correction
            return fields
        # "5 agen, eh bukan, 7 agen deh": the correction changes what was said before it
        after = as_languages(split[1]) if "languages" in said else split[1]
        return self.follow_up(said, after, parse_cost_fields(after, self.model.calendar, inhouse))

    def follow_up(
        self, previous: Mapping[str, Any], text: str, fields: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """The previous request with what a follow-up names changed (lists extended when it
        says "add" / "juga"); `fields` are the text's own, when already parsed."""
        fields = dict(self.parse_fields(text) if fields is None else fields)
        carried = previous.get("coverage")
        if "contacts_per_month" in fields and "coverage" not in fields and carried:
            # "maksudnya 400 tiket per hari" after a 24/7 estimate: the days of that coverage,
            # when the volume is the text's own daily one (not a correction's)
            if self.recounted(text, None) == fields["contacts_per_month"]:
                fields["contacts_per_month"] = self.recounted(text, carried)
        said = previous.get("channels") or []
        if "contacts_per_month" in fields and set(fields.get("channels") or [None]) <= set(said):
            # "kalau 3000 chat?": the contacts' noun names a channel the estimate has; only a
            # word like "only" makes it the one channel left
            if not re.search(ONLY, text.lower()):
                fields["channels"] = list(said)
        if adds_to_lists(text):
            for name in LIST_FIELDS:
                if name in fields and previous.get(name):
                    old = list(previous[name])
                    fields[name] = old + [v for v in fields[name] if v not in old]
        removed = removed_values(text)
        for name, dropped in removed.items():
            # "drop phone" alone: the values said before, less the dropped ones.
            kept = [v for v in fields.get(name) or previous.get(name) or [] if v not in dropped]
            if kept:
                fields[name] = kept
        if (
            said
            and set(fields.get("channels") or [None]) <= set(said)
            and KEPT.search(text.lower())
            and "channels" not in removed  # "drop phone and keep email only": email alone
        ):
            fields["channels"] = list(said)  # "8 agen aja tapi chat tetep ada": chat kept, no other
        if (swapped := swapped_channels(text, previous)) is not None:
            fields["channels"] = swapped  # "email ganti chat aja"
        if "coverage" in fields:  # "drop the weekend part" of 24/7
            fields["coverage"] = coverage_after(text, previous, fields["coverage"])
        merged = {**previous, **fields}
        # "eh maksudnya Rp 200 juta" after "$12,000": the in-house cost in its new currency
        for said, other in (IN_HOUSE, IN_HOUSE[::-1]):
            if said in fields and other not in fields:
                merged.pop(other, None)
        return merged

    def recounted(self, text: str, coverage: str | None) -> int | None:
        """The monthly contacts of the daily volume a text states, counted over the days of
        `coverage` (weekdays for business hours); None when it states no daily volume."""
        daily = daily_volume(text, self.model.calendar)
        return None if daily is None else per_month(daily, coverage, self.model.calendar)

    @staticmethod
    def drops_values(text: str) -> bool:
        """Whether a follow-up takes a channel or language away ("drop phone", "tanpa telepon")."""
        return bool(removed_values(text))

    def parse_question(self, text: str) -> CostRequest | None:
        """The request a question asks for; None without a quantity; raise CostValidationError."""
        fields = self.parse_fields(text)
        return validate_request(fields) if QUANTITY_FIELDS & fields.keys() else None

    @staticmethod
    def request_from(fields: Mapping[str, Any]) -> CostRequest | None:
        """The validated request of parsed fields; None without a quantity (as parse_question)."""
        return validate_request(fields) if QUANTITY_FIELDS & fields.keys() else None

    def reply_to_text(self, text: str, lang: str) -> CostReply | None:
        """Read the fields from a question's words; None when it states none."""
        fields = self.parse_fields(text) if text.strip() else {}
        return self.reply(fields, lang) if fields else None

    def compare(
        self, fields: Mapping[str, Any], field: str, values: Sequence[Any] | None, lang: str
    ) -> tuple[tuple[tuple[str, CostResult], ...], str]:
        """Estimate once per value of one field; return the results and their table."""
        results = compare(validate_request(fields), field, values, self.model)
        return results, render_comparison(field, results, lang, self.prompts_dir)

    def error_text(self, err: CostValidationError, lang: str) -> str:
        """A validation error for the user: a title line and one line per field."""
        return render_cost_error(err, lang, self.prompts_dir)

    def issue_lines(self, err: CostValidationError, lang: str) -> str:
        """One line per invalid field, without the title."""
        return render_issues(err.issues, lang, self.prompts_dir)
