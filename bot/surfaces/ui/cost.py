"""The cost-estimator tab: a form with the estimator's fields, result, chart and assumptions."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.cost.model import CHANNELS, COVERAGES, EXPERTISE_LEVELS, LOCATIONS, SUPPORT_TYPES
from bot.cost.render import load_phrases
from bot.cost.request import KNOWN_LANGUAGES
from bot.cost.service import CostService
from bot.prompts import Prompts

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


@dataclass(frozen=True)
class CostForm:
    """What the tab's words and defaults come from: the tab's phrases and the estimator's own."""

    prompts: Prompts
    service: CostService

    def word(self, lang: str, key: str) -> str:
        return self.prompts.phrase(lang, f"ui_cost.{key}")

    def phrases(self, lang: str) -> dict[str, Any]:
        """The estimator's field and value names (prompts/<lang>/cost.yaml)."""
        return load_phrases(lang, self.service.prompts_dir)

    def default(self, name: str) -> Any:
        leaf = getattr(self.service.model.defaults, name, None)
        return None if leaf is None else leaf.value


def field_label(name: str, lang: str, form: CostForm) -> str:
    label = form.phrases(lang)["fields"][name]
    return label[:1].upper() + label[1:]


def choices(name: str, lang: str, form: CostForm) -> list[tuple[str, str]]:
    """Option labels in `lang` for an enumerated field (values stay canonical)."""
    p = form.phrases(lang)
    if name == "channels":
        return [(p["values"][c], c) for c in CHANNELS]
    if name == "languages":
        return sorted(((p["languages"][c], c) for c in KNOWN_LANGUAGES), key=lambda x: x[0])
    default = form.word(lang, "default")
    return [(default, "")] + [(p["values"][v], v) for v in CHOICE_FIELDS[name]]


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
            elem_id="cost-channels",
        )
        made["languages"] = gr.Dropdown(
            choices("languages", lang, form),
            multiselect=True,
            label=field_label("languages", lang, form),
            elem_id="cost-languages",
        )
    with gr.Row():
        for name in CHOICE_FIELDS:
            made[name] = gr.Dropdown(
                choices(name, lang, form),
                value="",
                label=field_label(name, lang, form),
                elem_id=f"cost-{name}",
            )
    targets = form.word(lang, "targets")
    with gr.Accordion(targets, open=False) as made["_targets"], gr.Row():
        for name in TARGET_FIELDS:
            made[name] = _number_box(name, lang, form)
    return made


def _placeholder(name: str, lang: str, form: CostForm) -> str:
    value = form.default(name)
    return f"{form.word(lang, 'default')} {value}" if value is not None else ""


def _number_box(name: str, lang: str, form: CostForm) -> Any:
    """A text box, not gr.Number: an empty field stays empty (the default applies) and any
    typed value reaches the estimator's validation, which names the field in the reader's language."""
    import gradio as gr

    return gr.Textbox(
        label=field_label(name, lang, form),
        placeholder=_placeholder(name, lang, form),
        elem_id=f"cost-{name}",
        max_lines=1,
    )


def relabel(lang: str, form: CostForm) -> list[Any]:
    """Updates for the form's inputs (in FIELDS order, then the accordion) in `lang`."""
    import gradio as gr

    updates = []
    for name in FIELDS:
        if name in CHOICE_FIELDS or name in ("channels", "languages"):
            label, options = field_label(name, lang, form), choices(name, lang, form)
            updates.append(gr.update(label=label, choices=options))
        else:
            label, hint = field_label(name, lang, form), _placeholder(name, lang, form)
            updates.append(gr.update(label=label, placeholder=hint))
    return [*updates, gr.update(label=form.word(lang, "targets"))]


def request_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The fields the user filled in; empty ones are left to the estimator's defaults."""
    from bot.cost.parse import normalize

    fields = {}
    for name, value in values.items():
        numeric = name in NUMBER_FIELDS or name in TARGET_FIELDS
        if numeric and isinstance(value, str):  # digit groupings as typed: 10.000 / 10,000
            value = normalize(value).strip()
        if value is None or value == "" or value == []:
            continue
        fields[name] = value
    return fields


def chart_frame(result: Any, lang: str, form: CostForm) -> Any:
    """One bar per cost line with its amount (USD), in the order the estimator gives them."""
    import pandas as pd

    p = form.phrases(lang)
    rows = [
        {
            "item": p["lines"][line.key],
            "usd": float(line.amount_usd),
            "kind": form.word(lang, "monthly" if line.kind == "monthly" else "one_time"),
        }
        for line in result.lines
    ]
    return pd.DataFrame(rows, columns=["item", "usd", "kind"])


def estimate_view(form: CostForm, lang: str, values: dict[str, Any]) -> tuple[str, str, Any]:
    """Run the estimator on the form; return (error, result Markdown, chart update)."""
    import gradio as gr

    fields = request_fields(values)
    reply = form.service.reply(fields, lang)
    if reply.result is None:
        return f"⚠️ {reply.text}", "", gr.update(visible=False)
    log.info("ui cost fields=%s monthly=%s", sorted(fields), reply.result.monthly_total_usd)
    chart = gr.update(value=chart_frame(reply.result, lang, form), visible=True)
    return "", reply.text, chart
