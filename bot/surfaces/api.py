"""JSON API: POST /api/ask, POST /api/cost, GET /healthz (thin adapters over the chain and cost).

Bodies are read by hand rather than by FastAPI's parameter binding so that every bad body
(invalid UTF-8, invalid JSON, wrong types, lone surrogates) gets a 4xx with a message in the
user's language instead of a generic error or a 500; the OpenAPI docs still show the schemas.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from bot.knowledge.index import StoreUnavailableError
from bot.lang import LANGS, detect_language
from bot.prompts import Prompts
from bot.surfaces.api_errors import asked_lang, error_responses
from bot.surfaces.bodies import read_bounded
from bot.types import QuestionError


def app_version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bot")
    except PackageNotFoundError:
        return "unknown"


log = logging.getLogger("bot.surfaces.api")

MAX_BODY_BYTES = 256 * 1024
HEALTH_TIMEOUT_S = 5.0
RETRY_AFTER_S = 5  # suggested wait when the store is down


class Turn(BaseModel):
    """One earlier message of the conversation."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(
        max_length=50_000, description="The question, or an answer's `body` (without sources)."
    )
    cited_ids: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="For an answer: the ids of its `sources`, so a follow-up knows what it cited.",
    )
    cost_request: dict[str, Any] | None = Field(
        default=None,
        description="For a cost answer: its `tool_calls[0].args`, so a follow-up changes only "
        "what it names ('and with 8 agents?').",
    )


class AskBody(BaseModel):
    """A question, optionally with the conversation so far and a language override."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "Berapa tarif per jam untuk CS outsourcing?"},
                {
                    "question": "And what about 24/7?",
                    "history": [
                        {"role": "user", "content": "What is the hourly rate?"},
                        {
                            "role": "assistant",
                            "content": "Rates range from $10 to $50 ...",
                            "cited_ids": ["faq-hourly-rate"],
                        },
                    ],
                    "lang": "en",
                },
            ]
        },
    )
    question: str = Field(description="The question, in Indonesian or English.")
    history: list[Turn] | None = Field(
        default=None, max_length=50, description="Earlier turns, oldest first."
    )
    lang: Literal["id", "en", "auto"] | None = Field(
        default=None, description="Answer language; unset or 'auto' detects it."
    )


class ApiError(Exception):
    """A client error: the status and the JSON body to send."""

    def __init__(self, status: int, code: str, message: str, lang: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": code, "message": message, "lang": lang, **extra}

    def response(self) -> JSONResponse:
        headers = {"Retry-After": str(RETRY_AFTER_S)} if self.status == 503 else {}
        if self.status in (413, 415):
            # The rest of the body is never read, so the connection cannot carry another
            # request: say so, or a keep-alive client sends its next request into a closed one.
            headers["Connection"] = "close"
        return JSONResponse(self.body, status_code=self.status, headers=headers)


def _inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Return the model's JSON schema with $defs inlined, as OpenAPI requestBody wants it."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return resolve(defs[ref.rsplit("/", 1)[1]])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


def _body_doc(model: type[BaseModel]) -> dict[str, Any]:
    schema = _inline_schema(model)
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def header_lang(request: Request) -> str | None:
    """The language the request asks for without its body: ?lang=, then Accept-Language."""
    return asked_lang(request.query_params.get("lang"), request.headers.get("accept-language"))


def guess_lang(request: Request, data: Any = None, header_first: bool = False) -> str:
    """The user's language as far as it is known: the body's `lang`, then the question's own
    language and ?lang= / Accept-Language (in that order, or the other way round with
    `header_first`: /api's errors follow what the request asks for); Indonesian when none says."""
    if isinstance(data, dict) and data.get("lang") in LANGS:
        return data["lang"]
    asked = header_lang(request)
    if asked and header_first:
        return asked
    if isinstance(data, dict):
        question = data.get("question")
        if isinstance(question, str) and question.strip() and _encodable(question):
            return detect_language(question)
    return asked or "id"


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_json(request: Request) -> bool:
    """Whether the body is declared JSON: application/json or a +json type."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


async def read_json(request: Request, prompts: Prompts) -> Any:
    """Read a bounded body and parse it as UTF-8 JSON, raising ApiError for a bad one."""
    if not is_json(request):  # a form or text/plain post can come from any page, unasked
        lang = guess_lang(request)
        raise ApiError(415, "not_json", prompts.phrase(lang, "api.not_json"), lang)
    raw = await read_bounded(request, MAX_BODY_BYTES)
    if raw is None:
        lang = guess_lang(request)
        message = prompts.phrase(lang, "api.too_large", limit=MAX_BODY_BYTES)
        raise ApiError(413, "too_large", message, lang)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        lang = guess_lang(request)
        raise ApiError(400, "undecodable", prompts.text(lang, "undecodable"), lang) from None
    try:
        data = json.loads(text)
    except RecursionError:
        lang = guess_lang(request)
        message = prompts.phrase(lang, "api.invalid_json", detail="nested too deeply")
        raise ApiError(400, "invalid_json", message, lang) from None
    except json.JSONDecodeError as exc:
        lang = guess_lang(request)
        detail = f"{exc.msg}, line {exc.lineno} column {exc.colno}"
        message = prompts.phrase(lang, "api.invalid_json", detail=detail)
        raise ApiError(400, "invalid_json", message, lang) from None
    except ValueError:  # an integer past Python's digit limit (CVE-2020-10735's guard)
        lang = guess_lang(request)
        detail = prompts.phrase(lang, "api.number_too_long", limit=sys.get_int_max_str_digits())
        message = prompts.phrase(lang, "api.invalid_json", detail=detail)
        raise ApiError(400, "invalid_json", message, lang) from None
    if not isinstance(data, dict):
        lang = guess_lang(request)
        message = prompts.phrase(lang, "api.not_object", example='{"question": "..."}')
        raise ApiError(422, "not_object", message, lang)
    try:
        encodable = _all_encodable(data)
    except RecursionError:
        lang = guess_lang(request)
        message = prompts.phrase(lang, "api.invalid_json", detail="nested too deeply")
        raise ApiError(400, "invalid_json", message, lang) from None
    if not encodable:  # "\ud800" is valid JSON, yet no UTF-8 text, nor any reply
        lang = guess_lang(request, data, header_first=True)
        raise ApiError(400, "undecodable", prompts.text(lang, "undecodable"), lang)
    return data


def _all_encodable(value: Any) -> bool:
    """Every string in the parsed body (keys too) is text UTF-8 can carry: a lone surrogate
    anywhere would come back in an error message that cannot be sent."""
    if isinstance(value, str):
        return _encodable(value)
    if isinstance(value, dict):
        return all(_all_encodable(k) and _all_encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_encodable(v) for v in value)
    return True


def validation_error(exc: ValidationError, lang: str, prompts: Prompts) -> ApiError:
    """Turn pydantic's errors into one readable line per field, in `lang`."""
    problems = prompts.section(lang, "api.problems")
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "body"
        kind = err["type"] if err["type"] in problems else "invalid"
        ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
        problem = problems[kind].format(msg=err["msg"], **{"expected": "", **ctx})
        lines.append(prompts.phrase(lang, "api.invalid_field", field=field, problem=problem))
    fields = [".".join(str(p) for p in e["loc"]) for e in exc.errors()]
    return ApiError(422, "invalid_body", "\n".join(lines), lang, fields=fields)


def make_router(
    assistant: Any,
    ui_state: Callable[[], str] | None = None,
    slack_state: Callable[[], str] | None = None,
) -> APIRouter:
    """Build the API routes over a warm assistant; `ui_state` and `slack_state` tell /healthz
    how the UI and the link to Slack are."""
    router = APIRouter()
    prompts = assistant.prompts

    @router.post(
        "/api/ask", tags=["api"], openapi_extra=_body_doc(AskBody), responses=error_responses()
    )
    async def ask(request: Request) -> JSONResponse:
        """Answer a question; the same JSON as `bot ask --json`."""
        try:
            data = await read_json(request, prompts)
            lang = guess_lang(request, data, header_first=True)
            try:
                body = AskBody.model_validate(data)
            except ValidationError as exc:
                raise validation_error(exc, lang, prompts) from None
            history = [t.model_dump() for t in body.history or []]
            override = body.lang if body.lang in LANGS else None
            try:
                answer = await run_in_threadpool(assistant.answer, body.question, history, override)
            except QuestionError as err:
                raise ApiError(422, err.code, err.message, err.lang) from None
            except StoreUnavailableError:
                message = prompts.phrase(lang, "api.store_unavailable")
                raise ApiError(503, "store_unavailable", message, lang) from None
        except ApiError as err:
            log.info("ask rejected: %s", err.body["error"])
            return err.response()
        log.info(
            "ask lang=%s route=%s refused=%s ms=%s question=%s",
            answer.language,
            answer.route,
            answer.refused,
            answer.timings_ms.get("total"),
            answer.question,  # normalised: one line, contact details dropped
        )
        return JSONResponse(answer.to_json_dict())

    from bot.cost.request import CostRequest

    @router.post(
        "/api/cost",
        tags=["api"],
        openapi_extra=_body_doc(CostRequest),
        responses=error_responses(),
    )
    async def cost(request: Request) -> JSONResponse:
        """Estimate the cost of outsourced support; the estimator's JSON. Errors follow the body's
        `lang`, `?lang=` or Accept-Language."""
        from bot.cost.request import CostValidationError

        try:
            data = await read_json(request, prompts)
            lang = guess_lang(request, data, header_first=True)
            data.pop("lang", None)
            try:
                result = await run_in_threadpool(assistant.cost.estimate, data)
            except CostValidationError as err:
                issues = [{"field": i.field, "code": i.code} for i in err.issues]
                message = assistant.cost.issue_lines(err, lang)
                raise ApiError(422, "invalid_cost_request", message, lang, issues=issues) from None
        except ApiError as err:
            log.info("cost rejected: %s", err.body["error"])
            return err.response()
        return JSONResponse(result.to_json_dict())

    @router.get("/healthz", tags=["ops"])
    async def healthz() -> JSONResponse:
        """Index loaded, item count, embedder, version; 503 'degraded' when the store fails."""
        index = assistant.index
        info: dict[str, Any] = {
            "version": app_version(),
            "embedder": index.embedder,
            "collection": index.collection,
            "expected_items": len(index.chunks),
        }
        if ui_state is not None:
            info["ui"] = ui_state()
        if slack_state is not None:
            info["slack"] = slack_state()
        if (memo := getattr(assistant, "memo", None)) is not None:
            info["cache"] = memo.stats()  # answers and question vectors: entries, hit rate
        try:
            count = await asyncio.wait_for(asyncio.to_thread(index.count), HEALTH_TIMEOUT_S)
        except Exception as exc:  # noqa: BLE001 - any store failure means degraded
            log.warning("healthz: Chroma store unreachable (%s)", type(exc).__name__)
            body = {"status": "degraded", "index_loaded": False, "items": None, **info}
            body["error"] = f"Chroma store unreachable ({type(exc).__name__})"
            return JSONResponse(body, status_code=503)
        ok = count == len(index.chunks)
        body = {"status": "ok" if ok else "degraded", "index_loaded": ok, "items": count, **info}
        return JSONResponse(body, status_code=200 if ok else 503)

    return router
