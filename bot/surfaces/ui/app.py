"""Gradio web UI: a streamed chat with sources beside it, and the cost estimator (thin adapter)."""

from __future__ import annotations

from typing import Any

from bot.lang import LANGS
from bot.surfaces.feedback import FeedbackStore
from bot.surfaces.ui import brief_tab, client_api
from bot.surfaces.ui import cost as ui_cost
from bot.surfaces.ui.chat import FEEDBACK, ChatHandlers, keeping
from bot.surfaces.ui.errors import guarded
from bot.surfaces.ui.page import CITES, CSS, ON_LOAD, RESTORE, SET_LANG, SHOW_COST

__all__ = ["CSS", "ON_LOAD", "build_ui", "theme"]

# UI events waiting at most, all clients together; past it Gradio says the queue is full. Each
# client's pace is held by the server's rate limit on /gradio_api/queue/join.
QUEUE_MAX_SIZE = 64
LANG_CHOICES = [("Auto", "auto"), ("Indonesia", "id"), ("English", "en")]


def theme() -> Any:
    """A theme on system fonts: the page loads nothing from outside this server."""
    import gradio as gr

    soft = gr.themes.Soft(
        font=["ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=["ui-monospace", "monospace"],
    )
    # One shade darker than Soft's where its text falls short of WCAG AA contrast (axe-core).
    return soft.set(
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        checkbox_label_background_fill_selected="*primary_600",
        block_label_text_color="*primary_700",
        block_title_text_color="*primary_700",
        block_info_text_color="*neutral_600",
        body_text_color_subdued="*neutral_600",
    )


def intro(prompts: Any) -> str:
    """What the assistant is for, in both languages: the empty chat's placeholder."""
    lines = [f'<p lang="{code}">{prompts.phrase(code, "ui.intro")}</p>' for code in LANGS]
    return '<div class="bot-intro">' + "".join(lines) + "</div>"


def build_ui(assistant: Any, store: FeedbackStore, lang: str = "id") -> Any:
    """Build the Blocks app; labels start in `lang` and follow the chosen answer language."""
    import gradio as gr

    chat = ChatHandlers(assistant, store)
    prompts = assistant.prompts
    cost_form = ui_cost.CostForm(prompts, assistant.cost)
    t = prompts.section(lang, "ui")
    examples = [q for code in LANGS for q in prompts.section(code, "ui.example_questions")]
    with gr.Blocks(title="Outsourcing CS · Asisten", analytics_enabled=False) as demo:
        ui_lang = gr.State(lang)
        turns = gr.State([])
        # The conversation kept in the browser (encrypted) until "new conversation": a reload
        # brings it back.
        saved = gr.BrowserState([], storage_key="bot-conversation")
        page_lang = gr.Textbox(lang, visible=False)  # States stay on the server; js reads this
        with gr.Row(equal_height=True, elem_id="header"):
            title = gr.Markdown(t["title"], elem_id="title")
            choice = gr.Radio(
                LANG_CHOICES,
                value="auto",
                label=t["lang"],
                elem_id="lang",
                scale=0,
                min_width=300,
                container=False,
            )
        # On a phone the tabs wrap onto a second line; none hides behind a 'more tabs' menu.
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab(t["tab_chat"], id="chat", elem_id="tab-chat") as tab_chat:
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label=t["chat"],
                            show_label=False,
                            elem_id="chat",
                            height=500,
                            autoscroll=False,
                            editable="user",
                            buttons=["copy", "copy_all"],
                            placeholder=intro(prompts),
                            examples=[{"text": q} for q in examples],
                            group_consecutive_messages=False,
                            feedback_options=FEEDBACK,
                        )
                        status = gr.Markdown("", elem_id="status")
                        with gr.Row(equal_height=True):
                            box = gr.Textbox(
                                label=t["question"],
                                show_label=False,
                                placeholder=t["placeholder"],
                                elem_id="question",
                                scale=5,
                                lines=1,
                                max_lines=6,
                                container=False,
                            )
                            send = gr.Button(
                                t["send"], variant="primary", elem_id="send", scale=1, min_width=80
                            )
                        clear = gr.Button(t["clear"], size="sm", elem_id="clear")
                    with gr.Column(scale=2, elem_id="sources-column"):
                        sources = gr.HTML(chat.sources(None, lang), elem_id="sources")
            with gr.Tab(t["tab_cost"], id="cost", elem_id="tab-cost") as tab_cost:
                c = prompts.section(lang, "ui_cost")
                cost_intro = gr.Markdown(c["intro"])
                form = ui_cost.build_components(lang, cost_form)
                run_cost = gr.Button(c["estimate"], variant="primary")
                run_cost.elem_id = "estimate"
                cost_status = gr.Markdown("", elem_id="cost-status")
                with gr.Row(elem_id="cost-output"):
                    with gr.Column(scale=3, min_width=300):
                        cost_result = gr.Markdown("", elem_id="cost-result")
                    with gr.Column(scale=2, min_width=300):
                        cost_chart = gr.HTML("", elem_id="cost-chart")
            brief_follow = brief_tab.build(
                assistant, lang, choice, ui_lang, lambda fn: guarded(fn, prompts)
            )

        restore_button = gr.Button("↺", elem_id="restore", elem_classes=["bot-hidden"])
        labelled = [
            page_lang,
            title,
            choice,
            tab_chat,
            tab_cost,
            chatbot,
            box,
            send,
            clear,
            sources,
        ]
        labelled += [cost_intro, run_cost]
        form_inputs = [form[name] for name in ui_cost.INPUTS]
        labelled += [*form_inputs, form["_targets"]]

        def relabel(lang: str, turns_now: list) -> list[Any]:
            t = prompts.section(lang, "ui")
            c = prompts.section(lang, "ui_cost")
            return [
                lang,
                gr.update(value=t["title"]),
                gr.update(label=t["lang"]),
                gr.update(label=t["tab_chat"]),
                gr.update(label=t["tab_cost"]),
                gr.update(label=t["chat"]),
                gr.update(label=t["question"], placeholder=t["placeholder"]),
                gr.update(value=t["send"]),
                gr.update(value=t["clear"]),
                gr.skip() if turns_now else chat.sources(None, lang),
                gr.update(value=c["intro"]),
                gr.update(value=c["estimate"]),
                *ui_cost.relabel(lang, cost_form),
            ]

        def pick_language(selected: str, current: str) -> str:
            return selected if selected in LANGS else current

        def safe(fn: Any) -> Any:
            return guarded(fn, prompts)

        private = {"api_visibility": "private"}  # the JSON API is the programmatic way in

        def then_relabel(event: Any) -> None:
            relabelled = event.then(safe(relabel), [ui_lang, turns], labelled, **private)
            relabelled.then(None, page_lang, None, js=SET_LANG, **private)
            brief_follow(relabelled)  # the decision brief tab's words too

        then_relabel(choice.change(safe(pick_language), [choice, ui_lang], ui_lang, **private))
        drain = (
            safe(keeping(chat.drain, 1)),
            [turns, choice, ui_lang],
            [chatbot, turns, sources, status, ui_lang, saved],
        )
        # A send only puts the question in line (so it never waits on an answer under way);
        # the drain it starts answers the line, or leaves it to the drain already at work.
        queued = {**private, "trigger_mode": "multiple"}
        for trigger in (box.submit, send.click):
            sent = trigger(safe(chat.send), [box, choice, ui_lang], [box, status], **queued)
            then_relabel(sent.then(*drain, **queued))
        picked = chatbot.example_select(
            safe(chat.pick_example), [choice, ui_lang], status, **queued
        )
        then_relabel(picked.then(*drain, **queued))
        for event, handler in ((chatbot.retry, chat.retry), (chatbot.edit, chat.edit)):
            then_relabel(
                event(safe(keeping(handler, 1)), turns, [chatbot, turns, saved], **private).then(
                    *drain, **queued
                )
            )
        chatbot.undo(safe(keeping(chat.undo, 1)), turns, [chatbot, turns, box, saved], **private)
        chatbot.like(safe(chat.rate), [turns, ui_lang], status, **private)
        chatbot.select(safe(chat.show_sources), turns, sources, **private)
        cleared = [chatbot, turns, sources, status, saved]
        clear.click(safe(keeping(chat.clear, 1)), ui_lang, cleared, **private)
        chatbot.clear(safe(keeping(chat.clear, 1)), ui_lang, cleared, **private)
        demo.load(None, page_lang, None, js=SET_LANG, **private)

        def restore(stored: Any, lang: str) -> list[Any]:
            """The stored conversation back, with the labels of its language."""
            view, kept, panel, lang = chat.restore(stored, lang)
            if not isinstance(kept, list):
                return [gr.skip()] * (3 + len(labelled))
            labels = relabel(lang, kept)
            labels[labelled.index(sources)] = panel
            return [view, kept, lang, *labels]

        # Only a browser that holds a conversation asks the server for it (js clicks the button).
        restored = restore_button.click(
            safe(restore),
            [saved, ui_lang],
            [chatbot, turns, ui_lang, *labelled],
            show_progress="hidden",
            **private,
        )
        restored.then(None, page_lang, None, js=SET_LANG, **private)
        demo.load(None, None, None, js=RESTORE, **private)
        demo.load(None, None, None, js=CITES, **private)
        demo.unload(chat.forget)

        def estimate(lang: str, *values: Any) -> tuple:
            fields = dict(zip(ui_cost.INPUTS, values, strict=True))
            return ui_cost.estimate_view(cost_form, lang, fields)

        cost_outputs = [cost_status, cost_result, cost_chart, *form_inputs]
        estimated = run_cost.click(safe(estimate), [ui_lang, *form_inputs], cost_outputs, **private)
        estimated.then(None, None, None, js=SHOW_COST, **private)
        client_api.register(assistant)  # the public functions: ask, estimate_cost
    demo.queue(default_concurrency_limit=8, max_size=QUEUE_MAX_SIZE)
    return demo
