"""One ASGI server (FastAPI + uvicorn): Gradio UI at /, JSON API, /v1, MCP at /mcp, Slack bot at
/slack/events (or over Socket Mode)."""

from __future__ import annotations

import contextlib
import json
import logging
import time
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.config import Settings

log = logging.getLogger("bot.surfaces.server")

WARM_UP_QUESTIONS = (
    ("Berapa tarif per jam untuk CS outsourcing?", None),
    ("What are the challenges of outsourcing customer service?", None),
    ("Bagaimana cuaca di Jakarta besok?", None),
)
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
UI_QUEUE_POLL_S = 0.02  # how often an idle Gradio queue looks for new UI events
UPLOAD_PATH = "/gradio_api/upload"  # refused: the UI takes no files
ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
UI_JOIN_PATH = "/gradio_api/queue/join"  # where each UI event (a question, a rating) enters


class ServerSettings(BaseSettings):
    """Knobs of `bot serve` (env prefix BOT_SERVER_; Slack keys also by their usual names)."""

    model_config = SettingsConfigDict(
        env_prefix="BOT_SERVER_", extra="forbid", populate_by_name=True
    )

    host: str = Field(default="127.0.0.1", description="Interface to listen on.")
    port: int = Field(default=7860, ge=0, le=65535, description="TCP port to listen on.")
    rate_limit_per_min: int = Field(
        default=60,
        ge=0,
        description="Requests per minute per client on /api/* (0 turns the limit off).",
        validation_alias=AliasChoices("BOT_SERVER_RATE_LIMIT_PER_MIN", "BOT_RATE_LIMIT_PER_MIN"),
    )
    ui_rate_limit_per_min: int = Field(
        default=60,
        ge=0,
        description="Web UI events per minute per client (a question is two: the answer and the "
        "relabelling; 0 turns the limit off).",
    )
    trusted_proxies: str = Field(
        default="",
        description="Comma-separated addresses or networks of reverse proxies whose "
        "X-Forwarded-For and X-Forwarded-Proto are believed; empty: none, the client is the "
        "connection's peer (rate limits and logs cannot be fooled by a header).",
    )
    slack_bot_token: SecretStr | None = Field(
        default=None,
        description="Bot token (xoxb-...); with the signing secret it enables /slack/events.",
        validation_alias=AliasChoices("SLACK_BOT_TOKEN", "BOT_SERVER_SLACK_BOT_TOKEN"),
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        description="Signing secret used to verify requests from Slack.",
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "BOT_SERVER_SLACK_SIGNING_SECRET"),
    )
    slack_api_url: str | None = Field(
        default=None,
        description="Slack Web API base URL (default https://slack.com/api/); tests use a mock.",
    )
    slack_app_token: SecretStr | None = Field(
        default=None,
        description="App-level token (xapp-...); with it the bot connects over Socket Mode "
        "instead of serving /slack/events, and needs no signing secret.",
        validation_alias=AliasChoices("SLACK_APP_TOKEN", "BOT_SERVER_SLACK_APP_TOKEN"),
    )
    slack_retry_max_s: float = Field(
        default=60.0,
        gt=0,
        description="Longest wait between attempts to reach Slack (the first is 1 s, doubling).",
    )
    slack_cost_command: str = Field(default="/biaya", description="Slash command for costs.")
    slack_brief_command: str = Field(
        default="/brief", description="Slash command for the decision brief (PDF in its thread)."
    )
    warm_up: bool = Field(default=True, description="Answer a few questions before serving.")
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Bearer keys of the OpenAI-compatible /v1 and of /mcp, comma-separated "
        "(secrets, never logged); optional on loopback, required on any other interface.",
        validation_alias=AliasChoices("BOT_API_KEYS", "BOT_SERVER_API_KEYS", "api_keys"),
    )

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: Any) -> Any:
        """BOT_API_KEYS=key1,key2 (a JSON list works too)."""
        if isinstance(value, str):
            value = json.loads(value) if value.lstrip().startswith("[") else value.split(",")
        strings = (v.strip() if isinstance(v, str) else v for v in value)
        return [v for v in strings if v != ""]

    def secrets(self, settings: Settings | None = None) -> list[str]:
        """Configured secret values, so logs and stored feedback can be scrubbed of them."""
        values = [
            s.get_secret_value()
            for s in (self.slack_bot_token, self.slack_signing_secret, self.slack_app_token)
            if s
        ]
        values += [key.get_secret_value() for key in self.api_keys]
        if settings is not None and (key := settings.llm.secret()):
            values.append(key)
        if settings is not None and (password := settings.store_password()):
            values.append(password)
        return values


def warm_up(assistant: Any) -> float:
    """Run a few questions through the chain so the first user does not pay for lazy loading."""
    started = time.perf_counter()
    for question, lang in WARM_UP_QUESTIONS:
        assistant.answer(question, lang=lang)
    return time.perf_counter() - started


def create_app(
    settings: Settings, server: ServerSettings | None = None, assistant: Any = None
) -> Any:
    """Build the whole server: warm assistant, API, Slack route, rate limit; the UI follows.

    The Gradio UI is built in a worker thread once the server is listening (see
    bot.surfaces.ui.deferred), so questions are answered while gradio is still importing.
    """
    from bot.surfaces.api import app_version, make_router
    from bot.surfaces.api_docs import docs_app
    from bot.surfaces.api_errors import not_found_route
    from bot.surfaces.brief_api import make_brief_router
    from bot.surfaces.mcp_server import mount_mcp
    from bot.surfaces.openai_api import mount_openai
    from bot.surfaces.ratelimit import RateLimiter, RateLimitMiddleware
    from bot.surfaces.slack_link import slack_from_settings
    from bot.surfaces.ui.deferred import DeferredUI

    server = server or ServerSettings()
    if assistant is None:
        from bot.answer.assistant import get_assistant

        started = time.perf_counter()
        assistant = get_assistant(settings)  # builds the index first when it is missing
        log.info("Assistant ready in %.1fs", time.perf_counter() - started)
    if server.warm_up:
        log.info("Warmed up in %.2fs", warm_up(assistant))
    ui = DeferredUI(lambda: _ui_app(settings, server, assistant), assistant.prompts)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Any) -> Any:
        ui.start()
        if slack is not None:
            slack.start()  # reaches Slack in the background; /healthz tells how it goes
        try:
            async with _app.state.mcp_sessions.run():  # a mounted app's own lifespan never runs
                yield
        finally:
            if slack is not None:
                slack.stop()
            await ui.stop()

    app = docs_app(  # /docs and /redoc work offline
        title="Outsourcing customer support assistant",
        version=app_version(),
        description="Answers in Indonesian or English with sources, and cost estimates.",
        lifespan=lifespan,
    )
    app.state.assistant = assistant
    app.state.ui = ui
    limits = [(server.rate_limit_per_min, "/api/"), (server.ui_rate_limit_per_min, UI_JOIN_PATH)]
    for per_min, prefix in limits:
        if per_min > 0:
            limiter = RateLimiter(per_min)
            app.add_middleware(
                RateLimitMiddleware, limiter=limiter, prompts=assistant.prompts, prefix=prefix
            )
    slack = slack_from_settings(app, assistant, server, settings.store_target())
    app.state.slack = slack
    slack_state = (lambda: slack.state) if slack is not None else None
    api = [
        make_router(assistant, ui_state=lambda: ui.state, slack_state=slack_state),
        make_brief_router(assistant),
    ]
    for router in api:
        app.include_router(router)
    not_found = not_found_route(assistant.prompts)  # before the UI mount takes every path
    app.add_api_route(
        "/api/{rest:path}", not_found, methods=list(ALL_METHODS), include_in_schema=False
    )
    keys = [k.get_secret_value() for k in server.api_keys]
    mount_openai(app, assistant, keys, server.host)
    mount_mcp(app, assistant, server.host, keys)
    app.mount("/", ui)
    guard(app, assistant.prompts, [route for router in api for route in router.routes])
    return app


def guard(app: Any, prompts: Any, api_routes: list[Any]) -> None:
    """405 for a wrong method on the API's routes, and the security headers on every response."""
    from bot.surfaces.guard import MethodNotAllowedMiddleware, SecurityHeadersMiddleware

    app.add_middleware(MethodNotAllowedMiddleware, routes=api_routes, prompts=prompts)
    app.add_middleware(SecurityHeadersMiddleware)


def _ui_app(settings: Settings, server: ServerSettings, assistant: Any) -> Any:
    """The Gradio UI mounted on an app of its own (runs in DeferredUI's worker thread)."""
    import gradio as gr
    from fastapi import FastAPI

    from bot.surfaces.feedback import FeedbackStore
    from bot.surfaces.ui.app import CSS, ON_LOAD, build_ui, theme

    store = FeedbackStore(settings.store_target(), secrets=server.secrets(settings))
    demo = build_ui(assistant, store)
    bare = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    # The UI has no upload component, yet Gradio's upload route kept any file, of any size, in
    # its temp dir with no expiry: refuse it before Gradio sees it (its route is mounted after).
    bare.add_api_route(UPLOAD_PATH, _no_uploads, methods=list(ALL_METHODS), include_in_schema=False)
    app = gr.mount_gradio_app(
        bare,
        demo,
        path="/",
        theme=theme(),
        css=CSS,
        js=ON_LOAD,
        ssr_mode=False,
        show_error=False,  # an exception's own text stays in the log (see ui/errors.py)
        footer_links=["settings"],
    )
    from bot.surfaces.guard import KnownEventsMiddleware

    app.add_middleware(KnownEventsMiddleware, known=lambda: demo.fns, prompts=assistant.prompts)
    # An idle Gradio queue polls for events every 1 ms and for progress every 10 ms (on Windows
    # 50 and 100 ms): ~10% of a core spent on the event loop that also serves the API. 20 ms is
    # unnoticeable in a chat, and the UI shows no progress bars.
    demo._queue.sleep_when_free = UI_QUEUE_POLL_S
    demo._queue.progress_update_sleep_when_free = 0.1
    return app


async def _no_uploads() -> Any:
    """404, closing the connection: the upload's body is never read."""
    from fastapi.responses import JSONResponse

    return JSONResponse({"detail": "Not Found"}, status_code=404, headers={"Connection": "close"})


def uvicorn_config(app: Any, server: ServerSettings) -> Any:
    """uvicorn's settings: forwarded headers are believed from the trusted proxies only.

    uvicorn's own default believes them from loopback, so a local client could pick any address
    for the rate limit and the logs.
    """
    import uvicorn

    proxies = {"proxy_headers": False}
    if server.trusted_proxies.strip():
        proxies = {"proxy_headers": True, "forwarded_allow_ips": server.trusted_proxies}
    return uvicorn.Config(
        app,
        host=server.host,
        port=server.port,
        log_config=None,
        timeout_graceful_shutdown=5,
        server_header=False,  # no 'server: uvicorn' banner
        **proxies,
    )


def serve(settings: Settings, server: ServerSettings) -> None:
    """Build and warm the assistant, then listen; the web UI comes up a few seconds later."""
    import uvicorn

    from bot import redact

    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    redact.install(server.secrets(settings))
    app = create_app(settings, server)
    index = app.state.assistant.index
    config = uvicorn_config(app, server)
    log.info(
        "Serving %d items (embedder %s) on http://%s:%d  UI /  API /api/ask /api/cost  OpenAI /v1  MCP /mcp  docs /docs",
        len(index.chunks),
        index.embedder,
        server.host,
        server.port,
    )
    uvicorn.Server(config).run()
