"""The server's FastAPI app with its API docs served offline: /docs (Swagger UI) and /redoc
(ReDoc) load their scripts and styles from the fastapi-offline package, never from a CDN."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

STATIC = "/static-offline-docs"  # where fastapi-offline serves the files
# ReDoc's page shows the Redocly logo from its CDN: images from elsewhere are not loaded.
REDOC_POLICY = "frame-ancestors 'self'; img-src 'self' data:"


def docs_app(**kwargs: Any) -> Any:
    """A FastAPI app (FastAPIOffline's) whose /docs and /redoc need no network."""
    from fastapi.openapi.docs import get_redoc_html
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline(redoc_url=None, static_url=STATIC, **kwargs)

    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{STATIC}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{STATIC}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["content-security-policy"] = REDOC_POLICY
        return page

    app.add_api_route("/redoc", redoc, methods=["GET"], include_in_schema=False)
    return app
