"""The ask-type model: a classifier over example questions, for the questions whose phrase rules
only give a broad form.

The phrase rules of prompts/<lang>/analysis.yaml are precise where they match a telling phrase
("why", "how long", "should we"), but many questions only match a broad form: a bare "is ...?"
(yes/no), "how much" (quantity), or nothing (list). For those the same two-part classifier as the
intent model (bot.knowledge.intent: question embedding plus character n-grams), trained on
prompts/ask_examples.yaml, decides. On the dev split's 145 newest cases, held out while this was
chosen: rules alone 0.72, the model alone 0.69, the model on the broad forms 0.82.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings

from bot.knowledge.intent import IntentModel, cache_path, train
from bot.prompts import PromptError
from bot.yamlio import read_yaml

EXAMPLES_FILE = "ask_examples.yaml"
VERSION = "ask-v1"  # bump when the training recipe changes
MIN_EXAMPLES = 15  # per ask type
# Rule results that are only a sentence form: the model decides instead.
BROAD = frozenset({"list", "quantity", "yes_no"})


def load_examples(prompts_dir: Path, ask_types: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Example questions and their ask types; every ask type needs MIN_EXAMPLES of them."""
    path = prompts_dir / EXAMPLES_FILE
    try:
        data = read_yaml(path)["ask_types"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise PromptError(f"{path}: cannot read the example questions ({exc})") from exc
    if not isinstance(data, dict) or set(data) != set(ask_types):
        raise PromptError(f"{path}: 'ask_types' must name {', '.join(ask_types)}")
    texts: list[str] = []
    labels: list[str] = []
    for ask_type in ask_types:
        questions = data[ask_type]
        if not isinstance(questions, list) or len(questions) < MIN_EXAMPLES:
            raise PromptError(f"{path}: '{ask_type}' needs at least {MIN_EXAMPLES} questions")
        texts += [str(q).strip() for q in questions]
        labels += [ask_type] * len(questions)
    return texts, labels


class AskModel:
    """P(ask type | question) from the question's vector and its wording."""

    def __init__(self, model: IntentModel) -> None:
        self.model = model

    def predict(self, vector: list[float] | np.ndarray, text: str) -> str:
        probabilities = self.model.probabilities(vector, text)
        return max(probabilities, key=probabilities.__getitem__)

    @classmethod
    def load_or_train(
        cls,
        prompts_dir: Path,
        ask_types: tuple[str, ...],
        embeddings: Embeddings,
        embedder: str,
        cache_dir: Path,
    ) -> AskModel:
        """The cached model for these examples and this embedder, trained when missing."""
        texts, labels = load_examples(prompts_dir, ask_types)
        path = cache_path(cache_dir, embedder, texts, labels, "asks", VERSION)
        cached = IntentModel.load(path, tuple(sorted(set(labels))))
        if cached is not None:
            return cls(cached)
        model = train(embeddings, texts, labels)
        model.save(path)
        return cls(model)
