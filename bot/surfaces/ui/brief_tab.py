"""The web UI's "Decision brief" tab (a thin adapter over bot.answer.briefing): a situation in
words, the fields it understood as an editable form, the brief with its two charts, and the
brief as Markdown and PDF to download. Errors come in the brief's language, naming the field."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import weakref
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.answer.brief_input import SENSITIVITIES
from bot.cost.model import CHANNELS, COVERAGES, EXPERTISE_LEVELS, SUPPORT_TYPES
from bot.cost.render import fmt_number, load_phrases
from bot.cost.request import KNOWN_LANGUAGES
from bot.lang import LANGS

log = logging.getLogger("bot.surfaces.ui.brief")
FOLDER_PREFIX = "bot-brief-"  # then the server's process id: bot-brief-4242-k3j2x

TEXT_FIELDS = ("agents", "contacts_per_month", "months", "inhouse_people", "inhouse_monthly")
CHOICE_FIELDS = {
    "coverage": COVERAGES,
    "support_type": SUPPORT_TYPES,
    "expertise": EXPERTISE_LEVELS,
    "sensitivity": SENSITIVITIES,
}
FIELDS = (*TEXT_FIELDS, "growth_pct", "channels", "languages", *CHOICE_FIELDS)
KEEP_FILES = 64  # briefs whose Markdown and PDF stay downloadable, all visitors together
OWN = ("inhouse_people", "inhouse_monthly", "sensitivity", "growth_pct")  # labels in brief.yaml
CSS = """
.brief-doc .table{overflow-x:auto;max-width:100%}
.brief-doc table{border-collapse:collapse;font-size:.85rem}
.brief-doc th,.brief-doc td{border:1px solid var(--border-color-primary);padding:.25rem .45rem;
text-align:right;white-space:nowrap}
.brief-doc th:first-child,.brief-doc td:first-child{text-align:left;white-space:normal;min-width:7rem}
.brief-doc img{max-width:100%;height:auto;display:block;margin:.6rem 0}
.brief-doc{overflow-wrap:anywhere}
.brief-doc .chart{overflow-x:auto}.brief-doc .chart img{min-width:34rem}
.brief-doc h1{font-size:1.45rem;line-height:1.25}.brief-doc h2{font-size:1.15rem}
.brief-doc th,.brief-doc td{overflow-wrap:normal}
@media (max-width:40rem){.brief-doc th,.brief-doc td{white-space:normal;min-width:7.5rem}}
"""


def sweep_orphans(temp: Path) -> list[Path]:
    """Remove the downloads' folders whose server process is gone (killed by a signal, so its
    exit hook never ran); the folders removed."""
    removed = []
    for folder in temp.glob(f"{FOLDER_PREFIX}*-*"):
        pid = folder.name[len(FOLDER_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


class BriefTab:
    """The tab's handlers over one BriefService, built on the first brief."""

    def __init__(self, settings: Any, prompts_dir: Path | None = None) -> None:
        self.settings = settings  # its corpus_dir and prompts_dir, read on the first brief
        self.prompts_dir = prompts_dir or settings.prompts_dir

    @functools.cached_property
    def files(self) -> Path:
        """The downloads' folder, made on the first brief and removed with the tab (at exit);
        the folders of servers that were killed before they could remove theirs go first."""
        sweep_orphans(Path(tempfile.gettempdir()))
        folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
        weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        return folder

    @functools.cached_property
    def service(self) -> Any:
        from bot.answer.briefing import BriefService

        return BriefService.from_settings(self.settings)

    def phrases(self, lang: str) -> dict[str, Any]:
        from bot.answer.brief_render import brief_phrases

        return brief_phrases(lang, self.prompts_dir)

    def label(self, name: str, lang: str) -> str:
        if name in OWN:
            return self.phrases(lang)["ui"][name]
        text = load_phrases(lang, self.prompts_dir)["fields"][name]
        return text[:1].upper() + text[1:]

    def choices(self, name: str, lang: str) -> list[tuple[str, str]]:
        c = load_phrases(lang, self.prompts_dir)
        if name == "channels":
            return [(c["values"][v], v) for v in CHANNELS]
        if name == "languages":
            return sorted(((c["languages"][v], v) for v in KNOWN_LANGUAGES), key=lambda x: x[0])
        if name == "sensitivity":
            levels = self.phrases(lang)["sensitivity_levels"]
            options = [(levels[v], v) for v in SENSITIVITIES]
        else:
            options = [(c["values"][v], v) for v in CHOICE_FIELDS[name]]
        return [(self.phrases(lang)["ui"]["default"], ""), *options]

    # -- handlers -----------------------------------------------------------------------------
    def write(self, text: str, selected: str, current: str) -> tuple:
        """From the situation's words: the understood fields, the brief, its files."""
        lang = self.service.language(text or "", selected if selected in LANGS else None)
        return self._run(text or "", None, lang)

    def rewrite(self, text: str, selected: str, current: str, *values: Any) -> tuple:
        """From the form (the words only tell the language): the brief and its files."""
        lang = self.service.language(text or "", selected if selected in LANGS else None)
        from bot.cost.normalize import normalize

        fields = {}
        for name, value in zip(FIELDS, values, strict=True):
            if isinstance(value, str):  # digit groupings as typed: 10.000 / 10,000
                value = value.strip() if name == "inhouse_monthly" else normalize(value).strip()
            if value not in (None, "", []):
                fields[name] = value
        return self._run("", fields, lang)

    def _run(self, text: str, fields: dict[str, Any] | None, lang: str) -> tuple:
        import gradio as gr

        from bot.cost.request import CostValidationError
        from bot.surfaces.brief_doc import brief_html, document

        keep = [gr.skip()] * len(FIELDS)
        hidden = gr.update(visible=False)
        try:
            brief = self.service.build(text, fields)
        except CostValidationError as err:
            message = self.service.error_text(err, lang)
            return (f"⚠️ {message}", gr.skip(), *keep, "", hidden, hidden)
        charts = self.service.charts(brief, lang)
        page = brief_html(self.service, brief, lang, charts, page=False)
        folder = Path(tempfile.mkdtemp(dir=self.files))
        self._prune()
        paths = []
        for kind in ("md", "pdf"):
            path = folder / f"brief-{lang}.{kind}"
            path.write_bytes(document(self.service, brief, lang, kind))
            paths.append(str(path))
        log.info("ui brief lang=%s best=%s fields=%s", lang, brief.best, sorted(brief.fields))
        filled = self.understood(brief, lang) if fields is None else keep
        files = self.phrases(lang)["files"]
        return (
            self.phrases(lang)["ui"]["done"],
            gr.update(open=True),  # the understood fields, to check and edit
            *filled,
            f'<div class="brief-doc" lang="{lang}">{page}</div>',
            gr.update(value=paths[0], label=files["download_md"], visible=True),
            gr.update(value=paths[1], label=files["download_pdf"], visible=True),
        )

    def _prune(self, keep: int = KEEP_FILES) -> None:
        """Drop the oldest briefs' files: downloads are for the brief just written."""
        folders = sorted(self.files.iterdir(), key=lambda f: f.stat().st_mtime)
        for old in folders[:-keep]:
            shutil.rmtree(old, ignore_errors=True)

    def understood(self, brief: Any, lang: str) -> list[Any]:
        """The form's values: what the situation stated; the rest left to the defaults."""
        s, given = brief.situation, brief.situation.cost_fields
        values: dict[str, Any] = {k: given.get(k) for k in FIELDS if k in given}
        if "inhouse_monthly_idr" in given:
            values["inhouse_monthly"] = f"Rp {fmt_number(given['inhouse_monthly_idr'], lang, 0)}"
        elif "inhouse_monthly_usd" in given:
            amount = Decimal(str(given["inhouse_monthly_usd"]))
            values["inhouse_monthly"] = f"${fmt_number(amount, 'en')}"
        values["inhouse_people"] = s.inhouse_people
        values["sensitivity"] = s.sensitivity
        values["growth_pct"] = s.growth_pct
        out = []
        for name in FIELDS:
            value = values.get(name)
            if name in ("channels", "languages"):
                out.append(list(value or []))
            elif name in CHOICE_FIELDS:
                out.append(value or "")
            elif value is None or isinstance(value, str):
                out.append(value or "")
            else:
                out.append(fmt_number(value, "en").replace(",", ""))
        return out

    def relabel(self, selected: str, current: str) -> list[Any]:
        """The tab's words in the chosen language."""
        import gradio as gr

        lang = selected if selected in LANGS else current
        u = self.phrases(lang)["ui"]
        updates = [
            gr.update(label=u["tab"]),
            gr.update(value=u["intro"]),
            gr.update(label=u["situation"], placeholder=u["placeholder"]),
            gr.update(value=u["write"]),
            gr.update(label=u["understood"]),
            gr.update(value=u["rewrite"]),
        ]
        for name in FIELDS:
            if name in ("channels", "languages") or name in CHOICE_FIELDS:
                updates.append(
                    gr.update(label=self.label(name, lang), choices=self.choices(name, lang))
                )
            else:
                updates.append(gr.update(label=self.label(name, lang)))
        return updates


def build(assistant: Any, lang: str, choice: Any, ui_lang: Any, guard: Any) -> Any:
    """The tab, inside the app's gr.Tabs(); `choice`/`ui_lang`: the app's language switch and
    state; `guard` wraps each handler (the app's error phrase for the unexpected)."""
    import gradio as gr

    tab = BriefTab(assistant.settings, assistant.cost.prompts_dir)
    u = tab.phrases(lang)["ui"]
    with gr.Tab(u["tab"], id="brief", elem_id="tab-brief") as panel:
        intro = gr.Markdown(u["intro"])
        situation = gr.Textbox(
            label=u["situation"],
            placeholder=u["placeholder"],
            lines=3,
            max_lines=10,
            elem_id="brief-situation",
        )
        write = gr.Button(u["write"], variant="primary", elem_id="brief-write")
        status = gr.Markdown("", elem_id="brief-status")
        form: dict[str, Any] = {}
        with gr.Accordion(u["understood"], open=False, elem_id="brief-fields") as fields_box:
            with gr.Row():
                for name in (*TEXT_FIELDS, "growth_pct"):
                    form[name] = gr.Textbox(
                        label=tab.label(name, lang),
                        max_lines=1,
                        elem_id=f"brief-{name}",
                        min_width=140,
                    )
            with gr.Row():
                form["channels"] = gr.CheckboxGroup(
                    tab.choices("channels", lang),
                    label=tab.label("channels", lang),
                    elem_id="brief-channels",
                )
                form["languages"] = gr.Dropdown(
                    tab.choices("languages", lang),
                    multiselect=True,
                    label=tab.label("languages", lang),
                    elem_id="brief-languages",
                )
            with gr.Row():
                for name in CHOICE_FIELDS:
                    form[name] = gr.Dropdown(
                        tab.choices(name, lang),
                        value="",
                        label=tab.label(name, lang),
                        elem_id=f"brief-{name}",
                        min_width=140,
                    )
            rewrite = gr.Button(u["rewrite"], elem_id="brief-rewrite")
        doc = gr.HTML("", elem_id="brief-doc", css_template=CSS, js_on_load=None)
        with gr.Row():
            md = gr.DownloadButton(visible=False, elem_id="brief-md", size="sm")
            pdf = gr.DownloadButton(visible=False, elem_id="brief-pdf", size="sm")
    inputs = [form[name] for name in FIELDS]
    outputs = [status, fields_box, *inputs, doc, md, pdf]
    private = {"api_visibility": "private"}
    busy = {"show_progress": "full"}
    for trigger in (write.click, situation.submit):
        trigger(guard(tab.write), [situation, choice, ui_lang], outputs, **private, **busy)
    rewrite.click(
        guard(tab.rewrite), [situation, choice, ui_lang, *inputs], outputs, **private, **busy
    )
    labelled = [panel, intro, situation, write, fields_box, rewrite, *inputs]
    choice.change(guard(tab.relabel), [choice, ui_lang], labelled, **private)

    def follow(event: Any) -> Any:
        """Relabel the tab after `event` too (an answer in the other language switches the
        page's words, this tab's with them)."""
        return event.then(guard(tab.relabel), [choice, ui_lang], labelled, **private)

    return follow
