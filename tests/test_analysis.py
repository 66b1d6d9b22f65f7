"""Question analysis: the ask type and the price cue, in both languages, from data files."""

from __future__ import annotations

import shutil

import pytest

from bot.answer.analysis import Analyzer, without_background
from bot.config import REPO_ROOT
from bot.prompts import PromptError

ANALYZER = Analyzer(REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [
        ("Why do overseas vendors charge less?", "why"),
        ("Mengapa dukungan 24/7 bikin biaya naik?", "why"),
        ("How long until an outsourced team is up and running?", "duration"),
        ("Berapa lama proses onboarding vendor CS?", "duration"),
        ("Which country has the cheapest call centres?", "place"),
        ("Negara mana yang paling murah buat outsourcing CS?", "place"),
        ("Should our clinic outsource its helpdesk?", "decision"),
        ("Mending pakai vendor atau rekrut sendiri, worth it gak?", "decision"),
        ("Offshore vs domestic providers: what's the difference?", "comparison"),
        ("Lebih hemat outsourcing daripada tim internal?", "comparison"),
        ("How can we keep customer data safe with a vendor?", "how_to"),
        ("Gimana cara menjaga kualitas layanan vendor?", "how_to"),
        ("Are there costs nobody tells you about?", "yes_no"),
        ("Apakah outsourcing bisa menghemat biaya?", "yes_no"),
        ("Give me the key points of the article", "summary"),
        ("Ringkasan artikelnya apa?", "summary"),
        ("What does economies of scale mean here?", "definition"),
        ("Apa itu outsourcing dukungan pelanggan?", "definition"),
        ("What are the benefits of outsourcing support?", "list"),
        ("Apa saja manfaat outsourcing CS?", "list"),
        ("How much is an outsourced agent per hour?", "quantity"),
        ("Berapa tarif rata-rata per jam?", "quantity"),
        # "Apakah ...?" settles a yes/no over a weak rule's word ("termasuk", "inti") ...
        ("Apakah biaya pelatihan termasuk dalam kontrak vendor?", "yes_no"),
        ("Apakah intinya outsourcing selalu lebih hemat?", "yes_no"),
        # ... and so does "sudah ... belum?"; "bisnis inti" is the core business, no summary
        ("Tarifnya sudah termasuk biaya pelatihan belum?", "yes_no"),
        ("Biaya lisensi software udah termasuk di tarif vendor, kan?", "yes_no"),
        ("Vendor bisa bantu kami fokus ke bisnis inti nggak?", "yes_no"),
        # a comparison asked as a yes/no is a yes/no; one that offers a choice stays one
        ("Is a domestic vendor safer than an offshore one?", "yes_no"),
        ("Vendor lokal lebih mahal dari vendor luar negeri gak?", "yes_no"),
        ("Which is cheaper, a domestic or an offshore vendor?", "comparison"),
        ("Lebih murah mana, vendor lokal atau luar negeri?", "comparison"),
        # how fast / how often is a duration, never a decision
        ("How fast should a vendor be able to ramp up?", "duration"),
        ("Audit vendor sebaiknya dilakukan setiap berapa minggu?", "duration"),
        ("audit ke vendor sebaiknya brp bulan sekali?", "duration"),
    ],
)
def test_ask_types(question, ask_type):
    assert ANALYZER.analyze(question).type == ask_type


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("What would 4 domestic agents cost us?", True),
        ("Berapa biaya 3 agen luar negeri?", True),
        ("Hitungin 10 agen 24/7 dong", True),
        ("We are 4 people on support. Is outsourcing worth it?", False),
        ("Tim kami 6 orang, cocok outsourcing nggak?", False),
        ("Give me a ballpark: 4 agents, email only.", True),
    ],
)
def test_the_price_cue(question, price):
    assert ANALYZER.analyze(question).price is price


def test_the_two_languages_must_rank_ask_types_alike(tmp_path):
    prompts = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", prompts)
    path = prompts / "id" / "analysis.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("order: [place, why,", "order: [why, place,"), encoding="utf-8")
    with pytest.raises(PromptError, match="order"):
        Analyzer(prompts)


def test_the_ask_examples_hold_no_test_question():
    from bot.answer.analysis import ASK_TYPES
    from bot.answer.asktype import MIN_EXAMPLES, load_examples
    from bot.evaluation import asks

    texts, labels = load_examples(REPO_ROOT / "prompts", tuple(ASK_TYPES))
    folder = asks.SPLITS["test"]
    test = {c.question.lower() for c in asks.load_cases(folder / "cases.jsonl")}
    test |= {
        t.question.lower()
        for c in asks.load_conversations(folder / "conversations.jsonl")
        for t in c.turns
    }
    assert not {t.lower() for t in texts} & test
    assert min(labels.count(t) for t in ASK_TYPES) >= MIN_EXAMPLES


def test_an_ask_type_without_examples_is_named(tmp_path):
    from bot.answer.analysis import ASK_TYPES
    from bot.answer.asktype import load_examples

    prompts = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", prompts)
    path = prompts / "ask_examples.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  summary:", "  summery:"), encoding="utf-8"
    )
    with pytest.raises(PromptError, match="ask_types"):
        load_examples(prompts, tuple(ASK_TYPES))


@pytest.fixture(scope="module")
def analyzer_with_model(retriever, session_home):
    from bot.answer.analysis import ASK_TYPES
    from bot.answer.asktype import AskModel

    index = retriever.index
    model = AskModel.load_or_train(
        REPO_ROOT / "prompts", tuple(ASK_TYPES), index.embeddings, index.embedder, session_home
    )
    return Analyzer(REPO_ROOT / "prompts", model), index.embeddings


@pytest.mark.parametrize(
    ("question", "broad", "ask_type"),
    [  # paraphrases that are in no example list; the rules only see a yes/no form
        ("Ada negara yang direkomendasikan buat vendor CS?", "yes_no", "place"),
        ("Is it smarter to keep support in-house for a 3-person shop?", "yes_no", "decision"),
    ],
)
def test_the_model_decides_where_the_rules_only_see_a_form(
    analyzer_with_model, question, broad, ask_type
):
    analyzer, embeddings = analyzer_with_model
    assert analyzer.analyze(question).type == broad
    assert analyzer.analyze(question, embeddings.embed_query(question)).type == ask_type


@pytest.mark.parametrize(
    "question", ["What would 5 agents cost per month?", "Berapa biaya 3 agen per bulan?"]
)
def test_a_price_question_stays_a_price_question(analyzer_with_model, question):
    analyzer, embeddings = analyzer_with_model
    ask = analyzer.analyze(question, embeddings.embed_query(question))
    assert ask.price and ask.type != "decision"


class _Guesses:
    """An ask-type model that always guesses one type."""

    def __init__(self, guess: str) -> None:
        self.guess = guess

    def predict(self, vector, text) -> str:
        return self.guess


@pytest.mark.parametrize(
    ("question", "guess"),
    [  # the rules see no type, the model guesses one that the exclusion phrases rule out
        ("where does the money go when you outsource support?", "yes_no"),
        ("tl;dr, what's the article's closing message for companies?", "summary"),
    ],
)
def test_the_model_never_gives_a_type_the_phrases_rule_out(question, guess):
    rules = Analyzer(REPO_ROOT / "prompts").analyze(question).type
    with_model = Analyzer(REPO_ROOT / "prompts", _Guesses(guess))
    assert with_model.analyze(question, [0.0]).type == rules != guess
    assert Analyzer(REPO_ROOT / "prompts", _Guesses("why")).analyze(question, [0.0]).type == "why"


def test_a_when_clause_before_the_question_asks_no_duration():
    from bot.answer.analysis import Analyzer

    analyzer = Analyzer(REPO_ROOT / "prompts")
    clause = analyzer.analyze("When we outsource support, what actually shows up on the bill?")
    assert clause.form != "duration"
    assert analyzer.analyze("When does the setup fee get charged?").form == "duration"


@pytest.mark.parametrize(
    "question",
    [
        "Are transaction fees part of what you pay when outsourcing support?",
        "Can outsourcing hurt our service quality?",
        "Is basic phone support cheaper to outsource than technical support?",
    ],
)
def test_a_question_opening_with_an_auxiliary_verb_is_a_yes_no(question):
    assert ANALYZER.analyze(question).type == "yes_no"


@pytest.mark.parametrize(
    ("question", "not_type"),
    [
        ("Can you summarise the article?", "yes_no"),
        ("Is offshore or domestic cheaper?", "yes_no"),
    ],
)
def test_requests_and_choices_are_no_yes_no(question, not_type):
    assert ANALYZER.analyze(question).type != not_type


@pytest.mark.parametrize(
    ("question", "lang", "guess", "ask_type"),
    [  # from the v13 batch: the model's guess needs its sentence form in that language
        ("hidden costs of going BPO?", "en", "yes_no", "quantity"),
        ("any data security risk with that setup", "en", "yes_no", "yes_no"),
        ("offshore cheaper?", "en", "yes_no", "yes_no"),
        ("Biaya tersembunyi outsourcing?", "id", "yes_no", "yes_no"),  # no form needed in id
    ],
)
def test_a_model_guess_needs_the_sentence_form_of_its_type(question, lang, guess, ask_type):
    analyzer = Analyzer(REPO_ROOT / "prompts", _Guesses(guess))
    assert analyzer.analyze(question, [0.0], lang).type == ask_type


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [
        ("most of our buyers are in japan, will culture be a problem with an offshore team", "yes_no"),
        ("Agen kami sering salah paham soal budaya, itu termasuk masalah yang dibahas nggak?", "yes_no"),
        ("when does offshore make more sense than keeping CS in-house", "decision"),
    ],
)  # fmt: skip
def test_sure_forms_found_in_fresh_questions(question, ask_type):
    assert (
        Analyzer(REPO_ROOT / "prompts", _Guesses("why")).analyze(question, [0.0]).type == ask_type
    )


def test_a_wh_clause_after_a_comma_asks_no_yes_no():
    question = "Kalau soal privasi data, apa yang harus dimasukin ke kontrak?"
    assert (
        Analyzer(REPO_ROOT / "prompts", _Guesses("yes_no")).analyze(question, [0.0]).type
        != "yes_no"
    )


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [  # from the v16 batch: "or not?" asks yes or no; what the savings come from asks why
        ("Multilingual support - pricier or not?", "yes_no"),
        ("Offshore vendors really cheaper than domestic ones, or is that a myth?", "yes_no"),
        ("Vendor offshore beneran lebih murah dr vendor lokal nggak sih, atau cuma mitos?", "yes_no"),
        ("Is offshore or domestic cheaper?", "comparison"),
        ("outsourcing saves money, but where do the savings actually come from?", "why"),
        ("Survei pelanggan segala itu buat apa emangnya?", "why"),
        ("So go ahead and switch, or will hidden costs eat the savings?", "decision"),
    ],
)  # fmt: skip
def test_forms_found_in_the_v16_batch(question, ask_type):
    assert (
        Analyzer(REPO_ROOT / "prompts", _Guesses("list")).analyze(question, [0.0]).type == ask_type
    )


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [  # from the v19 and v20 batches: negated and tagged yes/no questions, "remind me why"
        ("Isn't going with an offshore provider usually cheaper than a domestic one?", "yes_no"),
        ("Doesn't outsourcing make it harder to keep service quality consistent?", "yes_no"),
        ("Bukankah penyedia luar negeri biasanya lebih murah daripada penyedia dalam negeri?", "yes_no"),
        ("Apa bener outsourcing CS bisa hemat sampai 60% dibanding tim sendiri?", "yes_no"),
        ("apa sy bisa outsource cs tp data pelanggan tetep aman?", "yes_no"),
        ("Maksudnya yang di luar negeri lebih murah dari dalam negeri gitu?", "yes_no"),
        ("Kok bisa gitu?", "why"),
        ("Remind me why specialists push the price up?", "why"),
        ("What does the article say?", "summary"),
    ],
)  # fmt: skip
def test_forms_found_in_the_v19_and_v20_batches(question, ask_type):
    assert (
        Analyzer(REPO_ROOT / "prompts", _Guesses("list")).analyze(question, [0.0]).type == ask_type
    )


@pytest.mark.parametrize(
    "question",
    [
        "Quote 12 bilingual Indonesian/English agents for chat and email, offshore.",
        "We need 12 specialist agents for technical support, nearshore, extended hours.",
        "Kami mau 12 agen yang bisa bahasa Indonesia dan Inggris, pegang chat dan email.",
        # an amount of money and a saving asked of it
        "In-house kami $6.500/bulan untuk 2 orang. Kalau outsource 2 agen offshore, lebih murah nggak sih?",
    ],
)
def test_stating_the_team_wanted_asks_its_price(question):
    assert ANALYZER.analyze(question).price


def test_what_the_article_says_of_a_subject_is_no_summary():
    question = "What does the article say a typical hourly rate is?"
    assert (
        Analyzer(REPO_ROOT / "prompts", _Guesses("list")).analyze(question, [0.0]).type != "summary"
    )


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [  # from the v21 batch: sentences about the company, then the question itself
        ("I head customer care at a fintech. We have a 15-person in-house team. Does offering "
         "round-the-clock support usually push the outsourcing bill up?", True),
        ("Kami fintech dompet digital. Tim CS internal kami 15 orang. Apakah dukungan 24/7 "
         "biasanya bikin biaya outsourcing jadi lebih mahal?", True),
        # a question about the asker's own saving is priced with the background's numbers
        ("Our in-house team is 6 agents on chat and costs IDR 90 million a month. Would an "
         "offshore vendor be cheaper?", False),
        ("Tim CS kami 8 orang. Worth it nggak kalau outsource?", False),
    ],
)  # fmt: skip
def test_a_yes_no_after_background_sentences_is_a_yes_no(question, yes_no):
    ask = Analyzer(REPO_ROOT / "prompts", _Guesses("list")).analyze(question, [0.0])
    assert ask.background is yes_no
    if yes_no:
        assert ask.type == "yes_no"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("We're a travel agency. Our pilgrims call from Saudi. Can a vendor offer 24/7?",
         "Can a vendor offer 24/7?"),
        # the question points back at its background: all of it is the subject
        ("Kami lirik Teleperformance. Apakah rekam jejak mereka bagus?",
         "Kami lirik Teleperformance. Apakah rekam jejak mereka bagus?"),
        ("tarif per jam brp sih? dalam rupiah ya", "tarif per jam brp sih? dalam rupiah ya"),
    ],
)  # fmt: skip
def test_the_background_before_a_question_is_left_out_unless_pointed_back_at(text, kept):
    assert without_background(text) == kept
