"""Command line: thin wrappers over the library functions."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from bot.config import Settings
from bot.knowledge.corpus import CorpusError, load_corpus
from bot.lang import LANGS
from bot.prompts import load_prompts

T = TypeVar("T")

app = typer.Typer(help="Bilingual assistant on the cost of outsourcing customer support.")


def _settings() -> Settings:
    return Settings()


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code=2)


def _open(factory: Callable[[Settings], T]) -> T:
    """Open the retriever or assistant; a broken corpus file or a missing extra is one line."""
    from bot.knowledge.embeddings import EmbeddingsUnavailable

    try:
        return factory(_settings())
    except CorpusError as exc:
        _fail(f"Corpus error: {exc}")
        raise  # unreachable: _fail exits
    except EmbeddingsUnavailable as exc:
        _fail(str(exc))
        raise


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option(help="Build a new collection, then switch.")] = False,
) -> None:
    """Build the Chroma index of both languages (idempotent)."""
    from bot.knowledge.embeddings import EmbeddingsUnavailable, make_embeddings
    from bot.knowledge.index import build_index
    from bot.knowledge.intent import load_or_train

    settings = _settings()
    try:
        embeddings = make_embeddings(settings.retrieval.embeddings)
    except EmbeddingsUnavailable as exc:
        _fail(str(exc))
    try:
        chunks = load_corpus(settings.corpus_dir)
        report = build_index(settings, embeddings, rebuild=rebuild, chunks=chunks)
        started = time.perf_counter()
        model = load_or_train(
            settings.corpus_dir, chunks, embeddings, settings.retrieval.embeddings, settings.home
        )
    except CorpusError as exc:
        _fail(f"Corpus error: {exc}")
    except ValueError as exc:  # chromadb reports an unreachable server this way
        _fail(f"Chroma store unavailable: {exc}")
    typer.echo(report.message())
    if model.fresh:
        seconds = time.perf_counter() - started
        typer.echo(f"Trained the intent model over {len(model.classes)} entries in {seconds:.1f}s.")
    else:
        typer.echo("Intent model is up to date; nothing trained.")


@app.command()
def search(
    question: str,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Number of hits.")] = 4,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the best passages for a question, in the question's language."""
    from bot.knowledge.runtime import open_retriever

    if not question.strip():
        _fail(load_prompts(_settings().prompts_dir).both("cli.empty_question"))
    hits = _open(open_retriever).retrieve(question, k)
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    for rank, hit in enumerate(hits, start=1):
        confidence = "" if hit.confidence is None else f", confidence {hit.confidence:.2f}"
        typer.echo(
            f"[{rank}] {hit.title} ({hit.id}, {hit.lang}, score {hit.score:.3f}{confidence})"
        )
        typer.echo(f"    {hit.text}\n")


def _print_answer(result, as_json: bool, verbose: bool = False) -> None:
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), ensure_ascii=False, sort_keys=True))
    elif verbose and result.details:
        typer.echo(f"{result.answer}\n\n{result.details}\n")
    else:
        typer.echo(result.answer + "\n")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, or '-' to read one per line.")],
    lang: Annotated[str | None, typer.Option(help="Answer language: id or en.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per answer.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also print an estimate's assumptions.")
    ] = False,
) -> None:
    """Answer a question (or each line of standard input) in its language, with sources."""
    from bot.answer.assistant import get_assistant
    from bot.types import QuestionError

    if lang is not None and lang not in LANGS:
        _fail("--lang must be 'id' or 'en'.")
    assistant = _open(get_assistant)
    stream = sys.stdin.buffer if question == "-" else None
    questions = (line.rstrip(b"\r\n") for line in stream) if stream else [question]
    failed = False
    for item in questions:
        if stream is not None and not item.strip():
            continue
        try:
            _print_answer(assistant.answer(item, lang=lang), as_json, verbose)
        except QuestionError as err:
            failed = True
            if as_json:
                error = {"question": _printable(item), "error": err.code, "message": err.message}
                typer.echo(json.dumps(error, ensure_ascii=False, sort_keys=True))
            else:
                typer.echo(err.message, err=True)
    if failed and stream is None:
        raise typer.Exit(code=2)


def _printable(item: str | bytes) -> str:
    return item.decode("utf-8", "replace") if isinstance(item, bytes) else item


@app.command()
def repl() -> None:
    """Interactive terminal session: a conversation with the assistant."""
    from bot.answer.assistant import get_assistant
    from bot.types import Message, QuestionError

    assistant = _open(get_assistant)
    typer.echo(assistant.prompts.both("cli.repl_intro"))
    history: list[Message] = []
    for line in sys.stdin:
        try:
            result = assistant.answer(line, history[-6:])
        except QuestionError as err:
            typer.echo(err.message)
            continue
        typer.echo(result.answer + "\n")
        history += [Message("user", result.question), Message.of(result)]


from bot.evaluation import cli as eval_cli  # noqa: E402 - the commands register on `app`
from bot.surfaces import brief_cli, cost_cli, mcp_server, serve_cli  # noqa: E402

for _module in (cost_cli, brief_cli, eval_cli, serve_cli, mcp_server):
    _module.register(app)
