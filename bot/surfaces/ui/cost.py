"""The cost-estimator tab: a form with the estimator's fields, one estimate or a comparison of
options side by side, a chart, and errors shown beside the field that is wrong."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.cost.model import CHANNELS, COVERAGES, EXPERTISE_LEVELS, LOCATIONS, SUPPORT_TYPES
from bot.cost.render import fmt_number, load_phrases
from bot.cost.request import KNOWN_LANGUAGES, CostValidationError, Issue
from bot.cost.service import CostService
from bot.prompts import Prompts
from bot.surfaces.ui.cost_chart import chart_html

log = logging.getLogger("bot.surfaces.ui.app")

NUMBER_FIELDS = ("agents", "contacts_per_month", "months", "inhouse_monthly_usd")
TARGET_FIELDS = (
    "avg_handle_minutes",
    "service_level_pct",
    "answer_within_seconds",
    "email_response_hours",
)
CHOICE_FIELDS = {
    "location": LOCATIONS,
    "coverage": COVERAGES,
    "support_type": SUPPORT_TYPES,
    "expertise": EXPERTISE_LEVELS,
}
FIELDS = (*NUMBER_FIELDS, "channels", *CHOICE_FIELDS, "languages", *TARGET_FIELDS)
# What the tab compares: every option of a list, or the values typed for a number.
COMPARE_FIELDS = (*CHOICE_FIELDS, "channels", "agents", "contacts_per_month", "months")
COMPARE = "compare"  # the dropdown choosing the field
COMPARE_VALUES = "compare_values"  # the box with a number's values


@dataclass(frozen=True)
class CostForm:
    """What the tab's words and defaults come from: the tab's phrases and the estimator's own."""

    prompts: Prompts
    service: CostService

    def word(self, lang: str, key: str, **values: Any) -> str:
        return self.prompts.phrase(lang, f"ui_cost.{key}", **values)

    def words(self, lang: str) -> dict[str, Any]:
        return self.prompts.section(lang, "ui_cost")

    def phrases(self, lang: str) -> dict[str, Any]:
        """The estimator's field and value names (prompts/<lang>/cost.yaml)."""
        return load_phrases(lang, self.service.prompts_dir)

    def default(self, name: str) -> Any:
        model = self.service.model
        leaf = getattr(model.defaults, name, None) or getattr(model.staffing, name, None)
        return None if leaf is None else leaf.value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def field_label(name: str, lang: str, form: CostForm) -> str:
    return _capital(form.phrases(lang)["fields"][name])


def value_name(value: Any, lang: str, form: CostForm) -> str:
    """An option's or a number's name in `lang` ("offshore" -> "lepas pantai", 2.5 -> "2,5")."""
    p = form.phrases(lang)
    if isinstance(value, list | tuple):
        return ", ".join(value_name(v, lang, form) for v in value)
    text = str(value)
    if text in p["values"] or text in p["languages"]:
        return _capital(p["values"].get(text) or p["languages"][text])
    try:
        return fmt_number(Decimal(text), lang)
    except ArithmeticError:
        return text


def choices(name: str, lang: str, form: CostForm) -> list[tuple[str, str]]:
    """Option labels in `lang` for an enumerated field, its default first and named (values
    stay canonical; the default's is empty, so the result lists it among the defaults used)."""
    p = form.phrases(lang)
    if name == "channels":
        return [(p["values"][c], c) for c in CHANNELS]
    if name == "languages":
        return sorted(((p["languages"][c], c) for c in KNOWN_LANGUAGES), key=lambda x: x[0])
    default = form.default(name)
    named = form.word(lang, "default_named", value=value_name(default, lang, form))
    rest = [(value_name(v, lang, form), v) for v in CHOICE_FIELDS[name] if v != default]
    return [(named, ""), *rest]


def compare_choices(lang: str, form: CostForm) -> list[tuple[str, str]]:
    return [(form.word(lang, "no_compare"), "")] + [
        (field_label(name, lang, form), name) for name in COMPARE_FIELDS
    ]


def base_info(name: str, lang: str, form: CostForm) -> str | None:
    """The line under a field when nothing is wrong with it."""
    if name == "agents":
        return form.word(lang, "agents_info")
    if name in ("channels", "languages"):
        return form.word(lang, "empty_default", value=value_name(form.default(name), lang, form))
    if name == COMPARE_VALUES:
        return form.word(lang, "compare_values_info")
    return None


def build_components(lang: str, form: CostForm) -> dict[str, Any]:
    """Create the form's inputs inside the current Gradio context, keyed by field name."""
    import gradio as gr

    made: dict[str, Any] = {}
    with gr.Row():
        for name in NUMBER_FIELDS:
            made[name] = _number_box(name, lang, form)
    with gr.Row():
        made["channels"] = gr.CheckboxGroup(
            choices("channels", lang, form),
            label=field_label("channels", lang, form),
            info=base_info("channels", lang, form),
            elem_id="cost-channels",
        )
        made["languages"] = gr.Dropdown(
            choices("languages", lang, form),
            multiselect=True,
            label=field_label("languages", lang, form),
            info=base_info("languages", lang, form),
            elem_id="cost-languages",
        )
    with gr.Row():
        for name in CHOICE_FIELDS:
            made[name] = gr.Dropdown(
                choices(name, lang, form),
                value="",
                label=field_label(name, lang, form),
                elem_id=f"cost-{name}",
                min_width=280,  # the default's name fits; a phone shows one a row
            )
    targets = form.word(lang, "targets")
    with gr.Accordion(targets, open=False) as made["_targets"], gr.Row():
        for name in TARGET_FIELDS:
            made[name] = _number_box(name, lang, form)
    with gr.Row(equal_height=True):
        made[COMPARE] = gr.Dropdown(
            compare_choices(lang, form),
            value="",
            label=form.word(lang, "compare"),
            elem_id="cost-compare",
        )
        made[COMPARE_VALUES] = gr.Textbox(
            label=form.word(lang, "compare_values"),
            placeholder=form.word(lang, "compare_values_hint"),
            info=base_info(COMPARE_VALUES, lang, form),
            elem_id="cost-compare_values",
            max_lines=1,
        )
    return made


def _placeholder(name: str, lang: str, form: CostForm) -> str:
    value = form.default(name)
    if value is None:
        return ""
    return form.word(lang, "default_named", value=value_name(value, lang, form))


def _number_box(name: str, lang: str, form: CostForm) -> Any:
    """A text box, not gr.Number: an empty field stays empty (the default applies), "2,5" is
    read as typed, and any typed value reaches the estimator's validation."""
    import gradio as gr

    return gr.Textbox(
        label=field_label(name, lang, form),
        placeholder=_placeholder(name, lang, form),
        info=base_info(name, lang, form),
        elem_id=f"cost-{name}",
        max_lines=1,
    )


INPUTS = (*FIELDS, COMPARE, COMPARE_VALUES)  # the values estimate_view takes, in this order


def relabel(lang: str, form: CostForm) -> list[Any]:
    """Updates for the form's inputs (INPUTS order, then the accordion) in `lang`."""
    import gradio as gr

    updates = []
    for name in FIELDS:
        label, info = field_label(name, lang, form), base_info(name, lang, form)
        if name in CHOICE_FIELDS or name in ("channels", "languages"):
            options = choices(name, lang, form)
            updates.append(gr.update(label=label, choices=options, info=info))
        else:
            hint = _placeholder(name, lang, form)
            updates.append(gr.update(label=label, placeholder=hint, info=info))
    updates.append(gr.update(label=form.word(lang, "compare"), choices=compare_choices(lang, form)))
    updates.append(
        gr.update(
            label=form.word(lang, "compare_values"),
            placeholder=form.word(lang, "compare_values_hint"),
            info=base_info(COMPARE_VALUES, lang, form),
        )
    )
    return [*updates, gr.update(label=form.word(lang, "targets"))]


def _number(value: str) -> str:
    """A number as typed, digit groupings read (10.000 / 10,000) and a decimal comma (2,5)."""
    from bot.cost.normalize import normalize

    return normalize(value).strip()


def request_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The fields the user filled in; empty ones are left to the estimator's defaults."""
    fields = {}
    for name, value in values.items():
        if name not in FIELDS:
            continue
        numeric = name in NUMBER_FIELDS or name in TARGET_FIELDS
        if numeric and isinstance(value, str):
            value = _number(value)
        if value is None or value == "" or value == []:
            continue
        fields[name] = value
    return fields


def compare_values(field: str, typed: str) -> list[Any] | None:
    """The values of a compared number as typed ("5; 10; 20"); None: every option of a list."""
    if field not in ("agents", "contacts_per_month", "months"):
        return None
    parts = [_number(p) for p in re.split(r"[;\n]+", typed or "")]
    return [p for p in parts if p] or None


def headcount_sentence(result: Any, lang: str, form: CostForm) -> str:
    """Why the seats asked for become more people on payroll."""
    assumptions = {key: value for key, value, _ in result.assumptions}
    return form.word(
        lang,
        "headcount",
        seats=result.seats,
        headcount=result.headcount,
        coverage=value_name(result.inputs["coverage"], lang, form).lower(),
        hours=fmt_number(result.covered_hours_per_month, lang),
        paid_hours=fmt_number(assumptions["staffing.paid_hours_per_fte_month"], lang),
        shrinkage=fmt_number(assumptions["staffing.shrinkage_pct"], lang),
    )


def field_errors(
    err: CostValidationError, values: dict[str, Any], lang: str, form: CostForm
) -> dict[str, str]:
    """A message in user words per form input that is wrong (the compared values' box for the
    compared field), the value echoed as it was typed."""
    words = form.words(lang)["errors"]
    compared = values.get(COMPARE) or ""
    out: dict[str, str] = {}
    for issue in err.issues:
        name = issue.field
        if name == compared and compare_values(name, values.get(COMPARE_VALUES, "")) is not None:
            name = COMPARE_VALUES
        elif issue.code == "compare_needs_values":
            name = COMPARE_VALUES
        if name not in INPUTS:
            name = "agents" if issue.code == "too_many_seats" else ""
        out.setdefault(name, _issue_text(issue, values.get(name), words, lang))
    return out


def _issue_text(issue: Issue, typed: Any, words: dict[str, str], lang: str) -> str:
    limit = issue.ctx.get("limit", "")
    if isinstance(limit, int | float | Decimal) and not isinstance(limit, bool):
        limit = fmt_number(limit, lang)
    shown = typed if isinstance(typed, str) and typed.strip() else issue.ctx.get("value", "")
    template = words.get(issue.code, words["invalid"])
    return template.format(limit=limit, value=f"“{str(shown).strip()}”")


def estimate_view(form: CostForm, lang: str, values: dict[str, Any]) -> tuple:
    """Run the estimator on the form: (status, result Markdown, chart HTML, one update per
    input in INPUTS order marking the wrong ones)."""
    fields = request_fields(values)
    compared = values.get(COMPARE) or ""
    try:
        if compared:
            typed = compare_values(compared, values.get(COMPARE_VALUES, ""))
            fields.pop(compared, None)  # its values are the ones compared
            options, table = form.service.compare(fields, compared, typed, lang)
            options = [(value_name(label.split(","), lang, form), r) for label, r in options]
            text = table + "\n\n" + _headcounts(options, lang, form)
        else:
            result = form.service.estimate(fields)
            summary, details = _parts(result, lang, form)
            options = [(form.word(lang, "this_estimate"), result)]
            folded = f"<details><summary>{form.word(lang, 'details')}</summary>\n\n{details}\n\n</details>"
            text = f"{summary}\n\n{headcount_sentence(result, lang, form)}\n\n{folded}"
    except CostValidationError as err:
        wrong = field_errors(err, values, lang, form)
        return _error_view(wrong, lang, form)
    log.info("ui cost fields=%s compare=%s", sorted(fields), compared or "-")
    chart = chart_html(options, form.phrases(lang), form.words(lang), lang)
    return ("", text, chart, *_marks({}, lang, form))


def _parts(result: Any, lang: str, form: CostForm) -> tuple[str, str]:
    from bot.cost.render import render_cost_parts

    return render_cost_parts(result, lang, form.service.prompts_dir)


def _headcounts(options: list[tuple[str, Any]], lang: str, form: CostForm) -> str:
    """One headcount sentence per distinct staffing among the options compared."""
    seen: dict[tuple[int, int, str], str] = {}
    for name, result in options:
        key = (result.seats, result.headcount, result.inputs["coverage"])
        seen.setdefault(key, name)
    if len(seen) == 1:
        return headcount_sentence(options[0][1], lang, form)
    by_name = dict(options)
    return "\n".join(
        f"- {name}: {headcount_sentence(by_name[name], lang, form)}" for name in seen.values()
    )


def _marks(wrong: dict[str, str], lang: str, form: CostForm) -> list[Any]:
    import gradio as gr

    return [
        gr.update(info=wrong[name], elem_classes=["bot-invalid"])
        if name in wrong
        else gr.update(info=base_info(name, lang, form), elem_classes=[])
        for name in INPUTS
    ]


def _error_view(wrong: dict[str, str], lang: str, form: CostForm) -> tuple:
    named = [
        f"**{_input_label(name, lang, form)}**: {text}" if name else text
        for name, text in wrong.items()
    ]
    status = f"⚠️ {form.word(lang, 'check_fields')} " + " · ".join(named)
    return (status, "", "", *_marks(wrong, lang, form))


def _input_label(name: str, lang: str, form: CostForm) -> str:
    if name == COMPARE_VALUES:
        return form.word(lang, "compare_values")
    if name == COMPARE:
        return form.word(lang, "compare")
    return field_label(name, lang, form)
