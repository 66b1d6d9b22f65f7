"""The JSON API's errors as data: their shape and an example of each for the OpenAPI spec, the
language a request asks for, and the 404 of an unknown /api path."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from bot.lang import LANGS
from bot.prompts import Prompts


class ErrorBody(BaseModel):
    """Every /api error: a code to branch on and a message to show, in the request's language."""

    error: str = Field(description="A stable code, e.g. `invalid_body`, `too_large`.")
    message: str = Field(description="What is wrong, for a person, in `lang`.")
    lang: Literal["id", "en"] | None = Field(
        default=None,
        description="The message's language: the body's `lang`, `?lang=`, Accept-Language, or "
        "the question's own; absent when the message is in both languages (no language asked).",
    )
    fields: list[str] | None = Field(default=None, description="422: the fields at fault.")
    issues: list[dict[str, str]] | None = Field(
        default=None, description="422 from /api/cost: one {field, code} per invalid field."
    )
    retry_after: int | None = Field(default=None, description="429: seconds to wait.")


def _example(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": code, "message": message, "lang": "en", **extra}


# Status -> (description, example body); the examples are the real English messages.
ERRORS: dict[int, tuple[str, dict[str, Any]]] = {
    400: (
        "The body is not valid JSON or not UTF-8.",
        _example(400, "invalid_json", "The request body is not valid JSON (Expecting value, line 1 column 1)."),
    ),
    404: (
        "No such path under /api.",
        _example(404, "not_found", "There is no /api/nothing; the API offers POST /api/ask, POST /api/cost and POST /api/brief (see /docs)."),
    ),
    405: (
        "The path exists, the method does not (the Allow header names the right one).",
        _example(405, "method_not_allowed", "GET is not allowed here; use POST."),
    ),
    413: (
        "The body is larger than the limit.",
        _example(413, "too_large", "The request body is too large (at most 262144 bytes)."),
    ),
    415: (
        "The body is not sent as Content-Type: application/json.",
        _example(415, "not_json", "The request body must be JSON, sent with the header Content-Type: application/json."),
    ),
    422: (
        "A field is missing, of the wrong type or out of range; or the question is empty or too long.",
        _example(422, "invalid_body", "Field `question` must be a string.", fields=["question"]),
    ),
    429: (
        "Too many requests from this client; retry after `retry_after` seconds.",
        _example(429, "rate_limited", "Too many requests; retry in 12 s.", retry_after=12),
    ),
    503: (
        "The knowledge base is unreachable for a moment (Retry-After says when to retry).",
        _example(503, "store_unavailable", "The knowledge base is temporarily unreachable. Please try again shortly."),
    ),
}  # fmt: skip


def error_responses() -> dict[int | str, dict[str, Any]]:
    """The `responses` of an /api operation: each error status with its schema and example."""
    return {
        status: {
            "model": ErrorBody,
            "description": description,
            "content": {"application/json": {"example": example}},
        }
        for status, (description, example) in ERRORS.items()
    }


def asked_lang(query: str | None, accept_language: str | None) -> str | None:
    """The language a request asks for without its body: ?lang=, then Accept-Language."""
    if query in LANGS:
        return query
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return None


def scope_lang(scope: dict[str, Any]) -> str | None:
    """asked_lang of an ASGI request (for middleware, which sees no Request object)."""
    from urllib.parse import parse_qs

    query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]
    headers = dict(scope.get("headers") or [])
    accept = headers.get(b"accept-language", b"").decode("latin-1")
    return asked_lang(query, accept)


def in_language(
    prompts: Prompts, scope: dict[str, Any], key: str, **values: Any
) -> tuple[str, str | None]:
    """A phrase in the language the request asks for, or in both when it asks for none."""
    lang = scope_lang(scope)
    if lang is None:
        return prompts.both(key, **values), None
    return prompts.phrase(lang, key, **values), lang


def not_found_route(prompts: Prompts) -> Any:
    """The handler of /api/{path}: a 404 in the API's shape and the request's language."""

    async def not_found(request: Request) -> JSONResponse:
        path = request.url.path
        message, lang = in_language(prompts, request.scope, "api.not_found", where=path)
        body = {"error": "not_found", "message": message}
        return JSONResponse({**body, **({"lang": lang} if lang else {})}, status_code=404)

    return not_found
