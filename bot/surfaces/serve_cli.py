"""`bot serve` and `bot feedback export`: thin wrappers over bot.surfaces.server and bot.surfaces.feedback."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

feedback_app = typer.Typer(help="Ratings given to answers in the web UI.")


def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 7860).", min=0)] = None,
) -> None:
    """Run the web UI, JSON API and Slack bot in one server (builds the index if missing)."""
    from bot.config import Settings
    from bot.knowledge.corpus import CorpusError
    from bot.knowledge.embeddings import EmbeddingsUnavailable
    from bot.surfaces.server import ServerSettings
    from bot.surfaces.server import serve as run

    server = ServerSettings()
    overrides = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = Settings()
    if "BOT_RETRIEVAL__EMBED_WORKERS" not in os.environ:  # concurrent answers: an engine a core
        settings = settings.with_retrieval(embed_workers=min(4, os.cpu_count() or 1))
    try:
        run(settings, server.model_copy(update=overrides))
    except CorpusError as exc:
        typer.echo(f"Corpus error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    except EmbeddingsUnavailable as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None


@feedback_app.command("export")
def export(
    out: Annotated[Path | None, typer.Option("--out", help="CSV file (default: stdout).")] = None,
) -> None:
    """Write every stored rating as CSV: id, time, rating, language, question, answer, sources."""
    from bot.config import Settings
    from bot.surfaces.feedback import FeedbackStore

    store = FeedbackStore(Settings().store_target())
    if out is None:
        store.export_csv(sys.stdout)
        return
    with out.open("w", newline="", encoding="utf-8") as handle:
        count = store.export_csv(handle)
    typer.echo(f"Wrote {count} ratings to {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add `serve` and `feedback export` to a Typer app (bot/cli.py calls this)."""
    app.command(name="serve")(serve)
    app.add_typer(feedback_app, name="feedback")
