"""POST /api/brief: a decision brief as JSON, or ?format=md|html|pdf (a thin adapter over
bot.answer.briefing). The body is {"text": "...", "lang": "id"|"en", ...fields}: the situation in
words, the estimator's fields and the brief's own (inhouse_people, inhouse_monthly, sensitivity,
growth_pct), either or both."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from bot.cost.request import CostRequest
from bot.lang import LANGS, detect_language
from bot.surfaces.api import ApiError, _body_doc, guess_lang, read_json
from bot.surfaces.api_errors import error_responses
from bot.surfaces.brief_doc import FORMATS, document, format_of

log = logging.getLogger(__name__)


class BriefBody(CostRequest):
    """The brief's body, for /docs: the estimator's fields and the brief's own; the route reads
    it through bot.answer.brief_input, which names a bad field in the user's language."""

    text: str | None = Field(None, description="The situation in words, Indonesian or English.")
    lang: str | None = Field(None, description="id | en; default: the text's language.")
    inhouse_people: int | None = Field(None, description="People in the in-house team.")
    inhouse_monthly: str | float | None = Field(
        None, description="In-house monthly cost: a USD number, or text such as '180jt'."
    )
    sensitivity: str | None = Field(
        None, description="Customer data: none | personal | financial_or_health."
    )
    growth_pct: float | None = Field(None, description="Expected growth of contacts, %.")


def make_brief_router(assistant: Any) -> APIRouter:
    """The brief's route over a warm assistant (its settings and phrases)."""
    from bot.answer.briefing import BriefService
    from bot.cost.request import CostValidationError

    router = APIRouter()
    prompts = assistant.prompts
    service: list[BriefService] = []  # built on the first brief: the corpus read once

    def brief_service() -> BriefService:
        if not service:
            settings = assistant.settings
            service.append(BriefService.from_settings(settings))
        return service[0]

    @router.post(
        "/api/brief",
        tags=["api"],
        openapi_extra=_body_doc(BriefBody),
        responses=error_responses(),
    )
    async def brief(request: Request) -> Response:
        """A decision brief for a situation; `?format=md|html|pdf` for a document."""
        try:
            data = await read_json(request, prompts)
            text = data.pop("text", None) or ""
            lang = data.pop("lang", None)
            if not isinstance(text, str):
                text = str(text)
            if lang not in LANGS:
                lang = detect_language(text) if text.strip() else guess_lang(request)
            briefs = await run_in_threadpool(brief_service)
            try:
                made = await run_in_threadpool(briefs.build, text, data)
            except CostValidationError as err:
                issues = [{"field": i.field, "code": i.code} for i in err.issues]
                message = briefs.error_text(err, lang)
                raise ApiError(422, "invalid_brief_request", message, lang, issues=issues) from None
        except ApiError as err:
            log.info("brief rejected: %s", err.body["error"])
            return err.response()
        kind = format_of(request.query_params.get("format"))
        if kind == "md":
            markdown = await run_in_threadpool(briefs.markdown, made, lang)
            return PlainTextResponse(markdown, media_type="text/markdown; charset=utf-8")
        if kind in ("html", "pdf"):
            body = await run_in_threadpool(document, briefs, made, lang, kind)
            media = FORMATS[kind] + ("; charset=utf-8" if kind == "html" else "")
            disposition = f'inline; filename="brief-{lang}.{kind}"'
            return Response(body, media_type=media, headers={"Content-Disposition": disposition})
        return JSONResponse(await run_in_threadpool(briefs.json, made, lang))

    return router
