"""OpenAI-compatible API: POST /v1/chat/completions and GET /v1/models (model 'outsourcing-kb').

A thin adapter like bot.surfaces.api: the body is read with the same bounded reader, the
conversation becomes `assistant.answer(question, history, lang)` (bot.surfaces.openai_chat), the
Answer goes back as a completion or as server-sent chunks, and errors use OpenAI's shape
{"error": {"message", "type", "param", "code"}}, the message in the user's language.
Bearer keys (BOT_API_KEYS) are optional on loopback; bot.surfaces.server decides when they are
required. Keys are compared in constant time and never logged.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from bot.knowledge.index import StoreUnavailableError
from bot.lang import LANGS
from bot.prompts import Prompts
from bot.surfaces.api import (
    ApiError,
    _body_doc,
    guess_lang,
    header_lang,
    read_json,
    validation_error,
)
from bot.surfaces.openai_chat import (
    MODEL_ID,
    OWNED_BY,
    ChatBody,
    Conversation,
    History,
    NoQuestion,
    chunks,
    completion,
    conversation,
)
from bot.types import QuestionError

log = logging.getLogger("bot.surfaces.openai_api")

# As OpenAI: a client error is an invalid_request_error (a wrong key too, code invalid_api_key).
ERROR_TYPES = {503: "server_error"}
MODEL_CREATED = 1711324800  # 2024-03-25, the article's date: the model's `created`


class OpenAIError(Exception):
    """An error to send in OpenAI's shape."""

    def __init__(
        self, status: int, message: str, code: str, param: str | None = None, **headers: str
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.param = status, message, code, param
        self.headers = headers

    @classmethod
    def of(cls, err: ApiError) -> OpenAIError:
        """The same error as the JSON API's: its status (a field error is a 400, as OpenAI's)."""
        fields = err.body.get("fields") or [None]
        status = 400 if err.body["error"] == "invalid_body" else err.status
        headers = err.response().headers
        kept = {k: headers[k] for k in ("retry-after", "connection") if k in headers}
        return cls(status, err.body["message"], err.body["error"], fields[0], **kept)

    def response(self) -> JSONResponse:
        error = {
            "message": self.message,
            "type": ERROR_TYPES.get(self.status, "invalid_request_error"),
            "param": self.param,
            "code": self.code,
        }
        return JSONResponse({"error": error}, status_code=self.status, headers=self.headers)


ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "message": {"type": "string", "description": "In the user's language."},
                "type": {"type": "string", "example": "invalid_request_error"},
                "param": {"type": "string", "nullable": True, "example": "messages"},
                "code": {"type": "string", "nullable": True, "example": "model_not_found"},
            },
        }
    },
}
ERRORS = {
    400: "Invalid JSON, a field of the wrong type, no user message last, or non-text content.",
    401: "No or wrong bearer key (when keys are required).",
    404: f"A model other than '{MODEL_ID}'.",
    413: "A body over 256 KiB.",
    422: "An empty or over-long question.",
    503: "The knowledge base is unreachable.",
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A `chat.completion`, or with `stream: true` server-sent "
        "`chat.completion.chunk` events ending with `data: [DONE]`.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
    **{
        status: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
        for status, text in ERRORS.items()
    },
}


def bearer_matches(request: Request, keys: Sequence[str]) -> bool:
    """True when the Authorization header holds one of `keys` (compared in constant time)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    given = token.strip().encode()
    return any(hmac.compare_digest(given, key.encode()) for key in keys)  # no early exit


def _question_text(data: dict[str, Any]) -> str | None:
    """The last user message's text in a body not yet validated, to tell the user's language."""
    messages = data.get("messages")
    for message in reversed(messages if isinstance(messages, list) else []):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                content = " ".join(str(p.get("text") or "") for p in content if isinstance(p, dict))
            return content if isinstance(content, str) else None
    return None


def _sse(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    for event in events:
        yield f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"


async def read_chat(request: Request, prompts: Prompts) -> tuple[ChatBody, Conversation, str]:
    """The validated body, its conversation and the user's language; raise for a bad one."""
    data = await read_json(request, prompts)
    lang = guess_lang(request, {"lang": data.get("lang"), "question": _question_text(data)})
    try:
        body = ChatBody.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, lang, prompts) from None
    if body.model != MODEL_ID:
        text = prompts.phrase(lang, "openai.unknown_model", model=body.model, expected=MODEL_ID)
        raise OpenAIError(404, text, "model_not_found", "model")
    try:
        chat = conversation(body.messages)
    except NoQuestion:
        text = prompts.phrase(lang, "openai.no_question")
        raise OpenAIError(400, text, "no_question", "messages") from None
    except ValueError as exc:  # a part that is not text
        text = prompts.phrase(lang, "openai.not_text", kind=str(exc))
        raise OpenAIError(400, text, "unsupported_content", "messages") from None
    if not chat.question.strip():  # the chain would say so in Indonesian or `lang`
        raise OpenAIError(422, prompts.text(lang, "empty"), "empty", "messages")
    return body, chat, lang


def make_openai_router(
    assistant: Any, keys: Sequence[str] = (), required: bool = False
) -> APIRouter:
    """Build /v1 over a warm assistant; with `keys` (or `required`) a bearer key must match."""
    router = APIRouter(prefix="/v1", tags=["openai"])
    prompts = assistant.prompts
    history = History(assistant.answer)
    model = {"id": MODEL_ID, "object": "model", "created": MODEL_CREATED, "owned_by": OWNED_BY}

    def check_key(request: Request) -> None:
        if (keys or required) and not bearer_matches(request, keys):
            lang = header_lang(request)
            phrase = "openai.unauthorized"
            message = prompts.phrase(lang, phrase) if lang else prompts.both(phrase)
            raise OpenAIError(401, message, "invalid_api_key")

    @router.get("/models", responses={401: RESPONSES[401]})
    async def models(request: Request) -> JSONResponse:
        """The one model: the knowledge-base assistant."""
        try:
            check_key(request)
        except OpenAIError as err:
            return err.response()
        return JSONResponse({"object": "list", "data": [model]})

    @router.get("/models/{model_id}", responses={401: RESPONSES[401], 404: RESPONSES[404]})
    async def retrieve_model(request: Request, model_id: str) -> JSONResponse:
        """The model, or 404 for another name."""
        try:
            check_key(request)
            if model_id != MODEL_ID:
                lang = header_lang(request) or "id"
                text = prompts.phrase(
                    lang, "openai.unknown_model", model=model_id, expected=MODEL_ID
                )
                raise OpenAIError(404, text, "model_not_found", "model")
        except OpenAIError as err:
            return err.response()
        return JSONResponse(model)

    @router.post("/chat/completions", openapi_extra=_body_doc(ChatBody), responses=RESPONSES)
    async def chat_completions(request: Request) -> Any:
        """Answer the last user message with the earlier turns as history, cited, in its language."""
        started = time.perf_counter()
        try:
            check_key(request)
            body, chat, lang = await read_chat(request, prompts)
            override = body.lang if body.lang in LANGS else None
            try:
                turns = await run_in_threadpool(history.of, chat.turns, override)
                answer = await run_in_threadpool(assistant.answer, chat.question, turns, override)
            except QuestionError as err:
                status = 400 if err.code == "undecodable" else 422
                raise OpenAIError(status, err.message, err.code, "messages") from None
            except StoreUnavailableError:
                message = prompts.phrase(lang, "api.store_unavailable")
                raise ApiError(503, "store_unavailable", message, lang) from None
        except ApiError as err:
            log.info("v1 chat rejected: %s", err.body["error"])
            return OpenAIError.of(err).response()
        except OpenAIError as err:
            log.info("v1 chat rejected: %s", err.code)
            return err.response()
        log.info(
            "v1 chat lang=%s route=%s refused=%s stream=%s turns=%d ignored=%d ms=%.0f question=%s",
            answer.language,
            answer.route,
            answer.refused,
            bool(body.stream),
            len(chat.turns),
            chat.ignored,
            (time.perf_counter() - started) * 1000,
            chat.question,
        )
        request_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        prompt = [chat.question, *(text for _, text, _ in chat.turns)]  # for `usage`
        if body.stream:
            events = _sse(chunks(answer, request_id, created, prompt))
            headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
            return StreamingResponse(events, media_type="text/event-stream", headers=headers)
        return JSONResponse(completion(answer, request_id, created, prompt))

    return router


def loopback(host: str) -> bool:
    """True for an interface only this machine reaches (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume it is reachable from elsewhere


def mount_openai(app: Any, assistant: Any, keys: Sequence[str], host: str) -> None:
    """Mount /v1 and say at start how it is guarded. Without keys on a non-loopback host it
    starts closed (every request 401), so the UI, API and Slack still serve: a key is required
    there, and none is set."""
    required = not loopback(host)
    app.include_router(make_openai_router(assistant, keys, required=required))
    if keys:
        log.info("OpenAI-compatible /v1 needs a bearer key (%d configured)", len(keys))
    elif required:
        log.warning(
            "OpenAI-compatible /v1 is CLOSED: listening on %s (not loopback) without BOT_API_KEYS;"
            " every /v1 request gets 401 until BOT_API_KEYS=key1,key2 is set",
            host,
        )
    else:
        log.info("OpenAI-compatible /v1 is open on loopback (set BOT_API_KEYS to require a key)")
