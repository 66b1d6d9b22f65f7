"""Open the models and the index once, building the index when it is missing."""

from __future__ import annotations

from bot.config import Settings
from bot.knowledge.embeddings import make_embeddings
from bot.knowledge.index import IndexMissingError, build_index, open_index
from bot.knowledge.intent import load_or_train
from bot.knowledge.retrieve import Retriever
from bot.lang import detect_language


def open_retriever(settings: Settings, *, build_missing: bool = True) -> Retriever:
    """Return a warm retriever; build the index first if it does not exist yet."""
    embeddings = make_embeddings(settings.retrieval.embeddings, settings.retrieval.embed_workers)
    try:
        index = open_index(settings, embeddings)
    except IndexMissingError:
        if not build_missing:
            raise
        build_index(settings, embeddings)
        index = open_index(settings, embeddings)
    detect_language("warm up the language detector")
    intent = load_or_train(
        settings.corpus_dir, index.chunks, embeddings, index.embedder, settings.home
    )
    return Retriever(index, intent)
