"""The LLM generator over real HTTP against a scripted OpenAI / Ollama server on loopback."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai_stub import ChatStub

from bot.answer.llm import Citations, LLMError, LLMGenerator, make_chat_model
from bot.config import REPO_ROOT, Settings
from bot.cost.estimate import estimate, validate_request
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit
from bot.prompts import load_prompts

# The estimator over the repository's own cost model and phrases.
COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")

API_KEY = "sk-test-DO-NOT-LOG-5f3a9c"
COST_ARGS = {"agents": 5, "coverage": "24x7", "location": "offshore"}
SYSTEM_SENTINEL = {"id": "Anda adalah asisten", "en": "You are an assistant"}


def hits(lang: str) -> list[Hit]:
    return [
        Hit(
            "faq-hourly-rate", f"Rates {lang}", lang, 0.91, "From $10 to $50 an hour.", "faq", lang
        ),
        Hit("faq-hidden-costs", f"Hidden {lang}", lang, 0.88, "Setup and onboarding.", "faq", lang),
        Hit("faq-benefits", f"Benefits {lang}", lang, 0.85, "Cost savings.", "faq", lang),
    ]


HITS = hits("en")


@pytest.fixture(scope="module")
def prompts():
    return load_prompts(REPO_ROOT / "prompts")


@pytest.fixture
def stub():
    with ChatStub() as server:
        yield server


def settings_for(stub: ChatStub, provider: str = "openai", **extra) -> Settings:
    base_url = stub.url + "/v1" if provider == "openai" else stub.url
    llm = {"provider": provider, "base_url": base_url, "timeout_s": 5.0, "api_key": API_KEY}
    return Settings(generator="llm", llm={**llm, **extra})


@pytest.fixture(params=["openai", "ollama"])
def generator(request, stub, prompts):
    return LLMGenerator(settings_for(stub, request.param), prompts, COST)


@pytest.fixture
def openai_generator(stub, prompts):
    return LLMGenerator(settings_for(stub), prompts, COST)


# -- citations ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "body", "cited"),
    [
        ("Rates run $10-$50 [1]. Offshore is cheaper [7].", "Rates run $10-$50 [1]. Offshore is cheaper.", [0]),
        ("Setup costs extra [2]. Rates vary [1]. Setup again [2].", "Setup costs extra [1]. Rates vary [2]. Setup again [1].", [1, 0]),
        ("Both [3, 9, 1]. None [0].", "Both [1, 2]. None.", [2, 0]),
        ("[4] Nothing valid [12].", "Nothing valid.", []),
        ("No markers at all.", "No markers at all.", []),
        ("A list [1][1] and [x] stays.", "A list [1][1] and [x] stays.", [0]),
    ],
)  # fmt: skip
def test_markers_renumbered_in_order_of_first_use(raw, body, cited):
    citations = Citations(HITS)
    assert (citations.feed(raw) + citations.flush()).strip() == body
    assert citations.cited == [HITS[n] for n in cited]


@given(st.text(alphabet="ab [],0123456789. ", max_size=60), st.lists(st.integers(0, 60)))
def test_feeding_in_pieces_equals_feeding_whole(text, cuts):
    whole = Citations(HITS)
    expected = whole.feed(text) + whole.flush()
    pieces, bounds = Citations(HITS), [0, *sorted(cuts), len(text)]
    got = "".join(pieces.feed(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
    assert got + pieces.flush() == expected
    assert pieces.cited == whole.cited


# -- the model factory ----------------------------------------------------------------------
def test_openai_model_is_built_from_settings(stub):
    model = make_chat_model(settings_for(stub, model="m1", timeout_s=1.5))
    assert (model.model_name, model.openai_api_base) == ("m1", stub.url + "/v1")
    assert (model.request_timeout, model.max_retries, model.temperature) == (1.5, 0, 0)
    assert model.openai_api_key.get_secret_value() == API_KEY


def test_ollama_model_is_built_from_settings(stub):
    model = make_chat_model(settings_for(stub, "ollama", model="m2", timeout_s=1.5))
    assert (model.model, model.base_url, model.temperature) == ("m2", stub.url, 0)
    assert model.client_kwargs == {"timeout": 1.5}


def test_unknown_provider_is_refused(stub):
    with pytest.raises(ValueError, match="unknown llm_provider 'bard'"):
        make_chat_model(settings_for(stub, "bard"))


# -- one request ----------------------------------------------------------------------------
def test_plain_answer_keeps_valid_markers_and_strips_invalid(generator, stub):
    stub.reply("Rates run from $10 to $50 an hour [1]. Offshore is cheapest [7].")
    body, calls, cited = generator.generate("How much per hour?", "en", HITS, [])
    assert body == "Rates run from $10 to $50 an hour [1]. Offshore is cheapest."
    assert (calls, cited) == ([], [HITS[0]])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_request_carries_system_prompt_in_the_question_language(generator, stub, lang):
    stub.reply("Jawaban [2]." if lang == "id" else "Answer [2].")
    question = "Berapa tarif per jam?" if lang == "id" else "What is the hourly rate?"
    body, _, cited = generator.generate(question, lang, hits(lang), [])
    assert body == ("Jawaban [1]." if lang == "id" else "Answer [1].")
    assert cited == [hits(lang)[1]]
    (request,) = stub.requests
    system, user = request.body["messages"]
    assert system["role"] == "system" and system["content"].startswith(SYSTEM_SENTINEL[lang])
    assert SYSTEM_SENTINEL["en" if lang == "id" else "id"] not in system["content"]
    assert system["content"].endswith(
        f"[1] Rates {lang} (faq-hourly-rate)\nFrom $10 to $50 an hour.\n\n"
        f"[2] Hidden {lang} (faq-hidden-costs)\nSetup and onboarding.\n\n"
        f"[3] Benefits {lang} (faq-benefits)\nCost savings."
    )
    assert user == {"role": "user", "content": question}


def test_request_sends_the_tool_schema_model_and_key(openai_generator, stub):
    stub.reply("Answer [1].")
    openai_generator.generate("What is the hourly rate?", "en", HITS, [])
    (request,) = stub.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert (request.body["model"], request.body["temperature"]) == ("llama3.1", 0)
    (tool,) = request.body["tools"]
    assert tool["function"]["name"] == "estimate_cost"
    assert {"agents", "coverage", "location"} <= set(tool["function"]["parameters"]["properties"])


def test_ollama_request_goes_to_api_chat_with_the_tool(stub, prompts):
    stub.reply("Answer [1].")
    LLMGenerator(settings_for(stub, "ollama"), prompts, COST).generate("Rate?", "en", HITS, [])
    (request,) = stub.requests
    assert request.path == "/api/chat"
    assert [t["function"]["name"] for t in request.body["tools"]] == ["estimate_cost"]
    assert request.body["options"]["temperature"] == 0


def test_history_keeps_the_last_six_turns_without_old_markers(openai_generator, stub):
    stub.reply("Answer [1].")
    history = [
        {"role": "user" if n % 2 == 0 else "assistant", "content": f"turn {n}"} for n in range(8)
    ]
    history[7] = {"role": "assistant", "content": "Earlier answer [2].", "cited_ids": ["faq-other"]}
    history.append({"role": "system", "content": "ignored: not a conversation role"})
    openai_generator.generate("And then?", "en", HITS, history)
    sent = stub.requests[0].body["messages"][1:]
    assert sent == [
        {"role": "user", "content": "turn 2"},
        {"role": "assistant", "content": "turn 3"},
        {"role": "user", "content": "turn 4"},
        {"role": "assistant", "content": "turn 5"},
        {"role": "user", "content": "turn 6"},
        {"role": "assistant", "content": "Earlier answer."},
        {"role": "user", "content": "And then?"},
    ]


# -- tools ----------------------------------------------------------------------------------
def test_tool_call_round_trip(generator, stub):
    stub.reply(tool_calls=[("estimate_cost", COST_ARGS)])
    stub.reply("Five offshore agents around the clock cost this much a month [2].")
    body, calls, cited = generator.generate("Cost of 5 agents 24x7 offshore?", "en", HITS, [])
    expected = float(estimate(validate_request(COST_ARGS), COST.model).monthly_total_usd)
    (call,) = calls
    assert (call.name, call.args, call.result["monthly_total_usd"]) == (
        "estimate_cost",
        COST_ARGS,
        expected,
    )
    assert body.startswith("Five offshore agents around the clock cost this much a month [1].")
    assert cited == [HITS[1]]
    first, second = stub.requests
    asked, answered = second.body["messages"][-2:]
    assert asked["role"] == "assistant" and answered["role"] == "tool"
    tool_call = asked["tool_calls"][0]
    assert tool_call["function"]["name"] == "estimate_cost"
    if second.path == "/v1/chat/completions":  # Ollama's protocol carries no call ids
        assert answered["tool_call_id"] == tool_call["id"] == "call_1_0"
    assert json.loads(answered["content"])["monthly_total_usd"] == expected
    assert second.body["messages"][:-2] == first.body["messages"]


def test_invalid_tool_arguments_go_back_to_the_model_as_text(openai_generator, stub):
    stub.reply(tool_calls=[("estimate_cost", {"agents": -5, "coverage": "25x7"})])
    stub.reply("Please give a number of agents of at least one.")
    body, calls, cited = openai_generator.generate("Cost for -5 agents?", "en", HITS, [])
    assert (body, cited) == ("Please give a number of agents of at least one.", [])
    error = calls[0].result["error"]
    assert "`agents` (number of agents) must be at least 1; got -5." in error
    assert "`coverage` (coverage) must be one of: business_hours, extended, 24x7" in error
    assert stub.requests[1].body["messages"][-1]["content"] == error


def test_unknown_tool_is_answered_with_an_error(openai_generator, stub):
    stub.reply(tool_calls=[("search_web", {"q": "rates"})])
    stub.reply("Rates are $10-$50 [1].")
    _, calls, _ = openai_generator.generate("Rate?", "en", HITS, [])
    assert calls[0].result == {
        "error": "Unknown tool 'search_web'; the only tool is estimate_cost."
    }


def test_tool_calls_stop_after_two_rounds(openai_generator, stub):
    for _ in range(3):
        stub.reply(tool_calls=[("estimate_cost", COST_ARGS)])
    with pytest.raises(LLMError, match="still calls tools after 2 rounds"):
        openai_generator.generate("Cost?", "en", HITS, [])
    assert len(stub.requests) == 3


# -- streaming ------------------------------------------------------------------------------
def test_stream_yields_renumbered_chunks_then_sources(openai_generator, stub):
    raw = "Setup is extra [2]. Rates vary [1]. Not a passage [9]."
    stub.reply(raw)
    stub.reply(raw)
    pieces = list(openai_generator.stream("Costs?", "en", HITS, []))
    whole, _, _ = openai_generator.generate("Costs?", "en", HITS, [])
    assert whole == "Setup is extra [1]. Rates vary [2]. Not a passage."
    assert (
        "".join(pieces)
        == whole
        + "\n\nSources:\n[1] Hidden en (`faq-hidden-costs`)\n[2] Rates en (`faq-hourly-rate`)"
    )
    assert len(pieces) > 5 and pieces[-1].startswith("\n\nSources:\n[1] Hidden en")
    assert [r.body.get("stream") for r in stub.requests] == [True, False]


def test_stream_runs_the_tool_between_rounds(openai_generator, stub):
    stub.reply(tool_calls=[("estimate_cost", COST_ARGS)])
    stub.reply("It comes to the monthly total shown [1].")
    text = "".join(openai_generator.stream("Cost of 5 agents?", "en", HITS, []))
    assert text.startswith("It comes to the monthly total shown [1].\n\nSources:")
    tool_message = stub.requests[1].body["messages"][-1]
    assert "monthly_total_usd" in json.loads(tool_message["content"])


# -- failures -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("script", "error"),
    [
        (lambda s: s.fail(500), "InternalServerError"),
        (lambda s: s.fail(503), "InternalServerError"),
        (lambda s: s.stall(3.0), "APITimeoutError"),
        (lambda s: s.garbage(), "JSONDecodeError"),
        (lambda s: s.reply(""), "LLMError"),
        (lambda s: s.close(), "APIConnectionError"),
    ],
    ids=["http-500", "http-503", "timeout", "garbage", "empty", "refused"],
)
def test_every_failure_raises(stub, prompts, script, error):
    generator = LLMGenerator(settings_for(stub, timeout_s=0.5), prompts, COST)
    script(stub)
    with pytest.raises(Exception) as info:
        generator.generate("Rate?", "en", HITS, [])
    assert error in [cls.__name__ for cls in type(info.value).__mro__]


# -- through the chain ----------------------------------------------------------------------
QUESTION = "What are the main challenges of outsourcing support?"


@pytest.fixture(scope="module")
def chain_stub():
    with ChatStub() as server:
        yield server


@pytest.fixture(scope="module")
def llm_assistant(session_home, chain_stub):
    from bot.answer.assistant import get_assistant

    return get_assistant(
        Settings(
            home=session_home,
            generator="llm",
            llm={"base_url": chain_stub.url + "/v1", "api_key": API_KEY, "timeout_s": 0.5},
        )
    )


@pytest.fixture(scope="module")
def extractive(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home)).answer(QUESTION)


def test_chain_answers_from_the_model(llm_assistant, chain_stub):
    chain_stub.requests.clear()
    chain_stub.reply("Communication barriers and quality control are the main challenges [1].")
    answer = llm_assistant.answer(QUESTION)
    assert (answer.route, answer.refused, answer.language) == ("knowledge", False, "en")
    assert answer.answer.startswith("Communication barriers and quality control are the main")
    (source,) = answer.sources
    assert answer.answer.endswith(f"Sources:\n[1] {source.title} (`{source.id}`)")
    system = chain_stub.requests[-1].body["messages"][0]["content"]
    assert f"[1] {source.title} ({source.id})\n" in system
    assert "generate" in answer.timings_ms


@pytest.mark.parametrize("failure", ["fail", "stall", "garbage"])
def test_chain_falls_back_to_the_extractive_answer(
    llm_assistant, chain_stub, extractive, caplog, failure
):
    getattr(chain_stub, failure)(*([3.0] if failure == "stall" else []))
    with caplog.at_level(logging.DEBUG):
        answer = llm_assistant.answer(QUESTION)
    assert (answer.refused, answer.route) == (False, "knowledge")
    assert answer.answer == extractive.answer and "Sources:" in answer.answer
    assert [s.id for s in answer.sources] == [s.id for s in extractive.sources] != []
    warnings = [
        r for r in caplog.records if r.name == "bot.answer.assistant" and r.levelname == "WARNING"
    ]
    assert [r.getMessage().startswith("LLM backend failed") for r in warnings] == [True]
    assert API_KEY not in caplog.text
