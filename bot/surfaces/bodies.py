"""Read a request body up to a limit: refuse by Content-Length, else stop reading past it."""

from __future__ import annotations

from starlette.requests import Request


async def read_bounded(request: Request, limit: int) -> bytes | None:
    """The body, or None once it is known to exceed `limit` bytes (the rest is never read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
