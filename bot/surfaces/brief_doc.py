"""A decision brief as a document: HTML (markdown-it) or PDF (ReportLab), the eight sections with
their tables, both charts, the [n] citations and the sources list. The CLI, the API, the web UI
and Slack all write it here; the content is bot.answer.briefing's (sections, sources, charts)."""

from __future__ import annotations

import base64
import html
import io
import re
import threading
from functools import lru_cache
from typing import Any

from bot.answer.brief import Brief
from bot.answer.brief_charts import Chart

FORMATS = {"md": "text/markdown", "html": "text/html", "pdf": "application/pdf"}
# After which section each chart is shown.
CHART_AFTER = {"options": "options", "sensitivity": "sensitivity"}
BOLD = re.compile(r"\*\*(.+?)\*\*")
CODE = re.compile(r"`([^`]+)`")
CSS = """
body{font-family:system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;padding:0 1rem;
line-height:1.45;color:#1d2733}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d8dee6}
.table{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #d8dee6;padding:.3rem .5rem;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal}
img{max-width:100%;height:auto;display:block;margin:.8rem 0}
.chart{overflow-x:auto}.chart img{min-width:34rem}
@media (max-width:40rem){th,td{white-space:normal;min-width:7.5rem}}
.sources{font-size:.9rem}
"""


def format_of(name: str | None) -> str | None:
    """The format a file name or ?format= asks for (md, html, pdf), or None."""
    if not name:
        return None
    key = name.lower().rsplit(".", 1)[-1]
    key = {"markdown": "md", "htm": "html"}.get(key, key)
    return key if key in FORMATS else None


def _sections(service: Any, brief: Brief, lang: str) -> tuple[Any, list[Any], list[dict]]:
    from bot.answer.brief_render import Writer

    w = Writer(brief, lang, service.chunks[lang], service.prompts_dir)
    return w, w.sections(), w.sources()


def document(service: Any, brief: Brief, lang: str, kind: str) -> bytes:
    """The brief as a file's bytes: md, html or pdf."""
    if kind == "md":
        return service.markdown(brief, lang).encode("utf-8")
    charts = service.charts(brief, lang)
    if kind == "html":
        return brief_html(service, brief, lang, charts).encode("utf-8")
    return brief_pdf(service, brief, lang, charts)


# -- HTML -----------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _img(chart: Chart) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    alt = html.escape(chart.alt, quote=True)
    img = f'<img src="data:image/png;base64,{data}" alt="{alt}" id="chart-{chart.id}">'
    return f'<div class="chart">{img}</div>'


def brief_html(
    service: Any, brief: Brief, lang: str, charts: list[Chart], page: bool = True
) -> str:
    """The brief as HTML, charts inline; `page`: a whole document, else a fragment for the UI."""
    w, sections, sources = _sections(service, brief, lang)
    md = _markdown()
    by_section = {CHART_AFTER[c.id]: c for c in charts}
    out = [f"<h1>{html.escape(w.p['title'])}</h1>"]
    out.append(f"<p>{html.escape(w.p['situation'].format(summary=w.summary()))}</p>")
    for s in sections:
        body = md.render(s.text).replace("<table>", '<div class="table"><table>')
        body = body.replace("</table>", "</table></div>").replace("Rp ", "Rp\u00a0")
        out.append(f'<section id="brief-{s.id}"><h2>{html.escape(s.title)}</h2>{body}')
        if s.id in by_section:
            out.append(_img(by_section[s.id]))
        out.append("</section>")
    items = "".join(
        f"<li>{html.escape(w.p['source_item'].format(n=x['n'], title=x['title']))}</li>"
        for x in sources
    )
    out.append(
        f'<div class="sources"><strong>{html.escape(w.p["sources"])}</strong>'
        f'<ul style="list-style:none;padding-left:0">{items}</ul></div>'
    )
    fragment = "\n".join(out)
    if not page:
        return fragment
    title = html.escape(w.p["title"])
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{CSS}</style></head><body>\n{fragment}\n</body></html>\n"
    )


# -- PDF ------------------------------------------------------------------------------------------
_FONTS_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str]:
    """DejaVu Sans (matplotlib ships it): every character of both languages, embedded."""
    import os

    import matplotlib
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    with _FONTS_LOCK:
        pdfmetrics.registerFont(TTFont("BriefSans", os.path.join(folder, "DejaVuSans.ttf")))
        pdfmetrics.registerFont(
            TTFont("BriefSans-Bold", os.path.join(folder, "DejaVuSans-Bold.ttf"))
        )
        addMapping("BriefSans", 0, 0, "BriefSans")
        addMapping("BriefSans", 1, 0, "BriefSans-Bold")
    return "BriefSans", "BriefSans-Bold"


def _inline(text: str) -> str:
    """Markdown's bold and code inside a line, as ReportLab's paragraph markup."""
    text = html.escape(text, quote=False)
    text = BOLD.sub(r"<b>\1</b>", text)
    return CODE.sub(r"\1", text)


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=16, leading=20),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=10
        ),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0),
        "cell_r": ParagraphStyle(
            "cell_r", parent=body, fontSize=8, leading=10, spaceAfter=0, alignment=2
        ),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
        "bullet2": ParagraphStyle("bullet2", parent=body, leftIndent=30, bulletIndent=20),
        "indent": ParagraphStyle("indent", parent=body, leftIndent=14),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
    }


def _table(rows: list[str], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    st = _styles()
    cells = [
        [c.strip() for c in row.strip().strip("|").split("|")]
        for row in rows
        if not re.fullmatch(r"\|?[\s:|-]+\|?", row.strip())
    ]
    cols = max(len(r) for r in cells)
    data = [
        [
            Paragraph(_inline(c), st["cell"] if i == 0 else st["cell_r"])
            for i, c in enumerate(r + [""] * (cols - len(r)))
        ]
        for r in cells
    ]
    first = width * (0.28 if cols > 2 else 0.5)
    widths = [first] + [(width - first) / (cols - 1)] * (cols - 1)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9d1db")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _flowables(text: str, width: float) -> list[Any]:
    """A section's Markdown (paragraphs, bullets, numbered items, tables) as flowables."""
    from reportlab.platypus import Paragraph, Spacer

    st, out, table = _styles(), [], []
    for line in [*text.splitlines(), ""]:
        if line.lstrip().startswith("|"):
            table.append(line)
            continue
        if table:
            out += [_table(table, width), Spacer(1, 4)]
            table = []
        stripped = line.strip()
        if not stripped:
            continue
        nested = line.startswith("   ")
        if stripped.startswith("- "):
            style = st["bullet2"] if nested else st["bullet"]
            out.append(Paragraph(_inline(stripped[2:]), style, bulletText="•"))
        elif m := re.match(r"(\d+)\. (.*)", stripped):
            out.append(Paragraph(_inline(m.group(2)), st["bullet"], bulletText=f"{m.group(1)}."))
        else:
            out.append(Paragraph(_inline(stripped), st["indent"] if nested else st["body"]))
    return out


def _image(chart: Chart, width: float) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    w, h = ImageReader(io.BytesIO(chart.png)).getSize()
    shown = min(width, w * 0.75)  # the PNG's pixels at 96 dpi, never wider than the page
    return Image(io.BytesIO(chart.png), width=shown, height=shown * h / w)


def brief_pdf(service: Any, brief: Brief, lang: str, charts: list[Chart]) -> bytes:
    """The brief as an A4 PDF: sections, tables, both charts, citations and sources."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    w, sections, sources = _sections(service, brief, lang)
    st, regular = _styles(), _fonts()[0]
    files = w.p["files"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.6 * cm,
        title=w.p["title"],
        lang=lang,
    )
    width = doc.width
    by_section = {CHART_AFTER[c.id]: c for c in charts}
    story: list[Any] = [
        Paragraph(_inline(w.p["title"]), st["title"]),
        Paragraph(_inline(w.p["situation"].format(summary=w.summary())), st["body"]),
    ]
    for s in sections:
        story.append(Paragraph(_inline(s.title), st["h2"]))
        story += _flowables(s.text, width)
        if s.id in by_section:
            story.append(KeepTogether([Spacer(1, 4), _image(by_section[s.id], width)]))
    story.append(Paragraph(f"<b>{_inline(w.p['sources'])}</b>", st["h2"]))
    story += [
        Paragraph(_inline(w.p["source_item"].format(n=x["n"], title=x["title"])), st["small"])
        for x in sources
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.drawString(doc.leftMargin, 0.9 * cm, files["generated"])
        canvas.drawRightString(
            doc.leftMargin + doc.width, 0.9 * cm, files["page"].format(page=doc.page)
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
