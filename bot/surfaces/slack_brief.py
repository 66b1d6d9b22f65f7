"""The Slack `/brief` slash command (name in settings): a compact decision brief in Block Kit
blocks posted in the channel, the full brief as a PDF in that message's thread (files_upload_v2).
A thin adapter: the brief is bot.answer.briefing's, the PDF bot.surfaces.brief_doc's."""

from __future__ import annotations

import functools
import logging
import time
from typing import Any

from bot.lang import detect_language
from bot.surfaces.slack import clean_text, markdown_to_mrkdwn

log = logging.getLogger("bot.surfaces.slack")


class BriefCommand:
    """The slash command's listener over one BriefService, built on the first brief."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    @functools.cached_property
    def service(self) -> Any:
        from bot.answer.briefing import BriefService

        return BriefService.from_settings(self.settings)

    def __call__(self, ack: Any, command: dict, client: Any, respond: Any) -> None:
        ack()
        from bot.cost.request import CostValidationError
        from bot.surfaces.brief_doc import document

        started = time.perf_counter()
        text = clean_text(command.get("text") or "")
        lang = detect_language(text) if text else "id"
        phrases = self.phrases(lang)
        if not text:
            respond(text=phrases["slack"]["usage"], response_type="ephemeral")
            return
        try:
            brief = self.service.build(text)
        except CostValidationError as err:
            message = markdown_to_mrkdwn(self.service.error_text(err, lang))
            respond(text=message, response_type="ephemeral")
            return
        channel = command.get("channel_id")
        blocks = self.blocks(brief, lang)
        posted = client.chat_postMessage(
            channel=channel, text=phrases["title"], blocks=blocks, mrkdwn=True
        )
        client.files_upload_v2(
            channel=channel,
            thread_ts=posted["ts"],
            content=document(self.service, brief, lang, "pdf"),
            filename=f"brief-{lang}.pdf",
            title=phrases["title"],
            initial_comment=phrases["slack"]["pdf_comment"],
        )
        log.info(
            "slack: /brief in %s lang=%s best=%s ms=%.0f",
            channel,
            lang,
            brief.best,
            (time.perf_counter() - started) * 1000,
        )

    def phrases(self, lang: str) -> dict[str, Any]:
        from bot.answer.brief_render import brief_phrases

        return brief_phrases(lang, self.settings.prompts_dir)

    def blocks(self, brief: Any, lang: str) -> list[dict[str, Any]]:
        """The compact brief: the bottom line, each option's figures, the first risk, sources."""
        from bot.answer.brief_render import Writer

        w = Writer(brief, lang, self.service.chunks[lang], self.settings.prompts_dir)
        p, months = w.p, brief.result.months

        def section(markdown: str) -> dict[str, Any]:
            return {"type": "section", "text": {"type": "mrkdwn", "text": markdown[:3000]}}

        fields = []
        for location, result in brief.options:
            mark = f" ({p['options']['cheapest']})" if location == brief.best else ""
            figures = p["slack"]["option"].format(
                monthly=w.amount(result.monthly_total_usd),
                one_time=w.amount(result.one_time_total_usd),
                total=w.amount(result.total_usd),
                months=months,
            )
            fields.append({"type": "mrkdwn", "text": f"*{w.value(location)}{mark}*\n{figures}"})
        risk = brief.risks[0]
        first = f"{w.point(risk.challenge)} [{w.n(risk.challenge)}]"
        sources = "  ".join(
            p["source_item"].format(n=s["n"], title=s["title"]) for s in w.sources()
        )
        return [
            {"type": "header", "text": {"type": "plain_text", "text": p["title"][:150]}},
            {
                "type": "context",
                "elements": [{"type": "plain_text", "text": w.summary()[:2000]}],
            },
            section(markdown_to_mrkdwn(w.bottom_line())),
            {"type": "section", "fields": fields[:10]},
            section(markdown_to_mrkdwn(p["slack"]["first_risk"].format(risk=first))),
            {"type": "divider"},
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": p["slack"]["pdf"]},
                    {"type": "mrkdwn", "text": markdown_to_mrkdwn(sources)[:2000]},
                ],
            },
        ]
