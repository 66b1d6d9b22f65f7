"""UI handlers that fail show the visitor a phrase; the exception's text stays in the log.

Gradio sends an exception's own text to the browser (file paths, library messages, in English);
only a gr.Error's message is meant for the visitor.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any

import gradio as gr

from bot.prompts import Prompts

log = logging.getLogger("bot.surfaces.ui")


def guarded(fn: Callable[..., Any], prompts: Prompts) -> Callable[..., Any]:
    """`fn` (plain or generator), an unexpected exception logged and raised as ui.failed."""

    def failed(exc: Exception) -> gr.Error:
        log.error("UI handler %s failed", fn.__name__, exc_info=exc)
        return gr.Error(prompts.both("ui.failed"), print_exception=False)

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def stream(*args: Any, **kwargs: Any) -> Any:
            try:
                return (yield from fn(*args, **kwargs))
            except gr.Error:
                raise
            except Exception as exc:  # noqa: BLE001 - shown as a phrase, logged in full
                raise failed(exc) from None

        return stream

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as exc:  # noqa: BLE001 - shown as a phrase, logged in full
            raise failed(exc) from None

    return call
