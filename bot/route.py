"""Decide what kind of question this is: greeting, injection attempt, in or out of topic."""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z0-9/$%]+")

GREETING_WORDS = frozenset(
    "halo hallo hai hi hello hey hei pagi siang sore malam selamat good morning afternoon evening "
    "thanks thank terima kasih makasih".split()
)
CAPABILITY = re.compile(
    r"\b(what can you do|what do you do|who are you|help me|how do you work|what can i ask|"
    r"bisa apa|kamu siapa|anda siapa|apa yang bisa (kamu|anda|saya)|bantuan|bisa bantu apa)\b"
)
INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|instructions|rules|prompt|"
    r"previous|above)\b|\b(abaikan|lupakan|acuhkan)\b.{0,40}\b(instruksi|perintah|aturan|sebelumnya)\b|"
    r"\bsystem prompt\b|\byou are now\b|\bpretend (to be|you are)\b|\bjailbreak\b|"
    r"\b(sekarang kamu adalah|berpura-pura)\b"
)
# Asking how to solve, avoid or handle something the previous answer raised.
REMEDY = re.compile(
    r"\b(atasi|mengatasi|mengatasinya|atasinya|solusi|solusinya|menghindari|hindari|mencegah|"
    r"cegah|menangani|tangani|menyelesaikan|overcome|deal with|handle|solve|fix|avoid|prevent|"
    r"mitigate|address|tackle|manage)\w*"
)
# Words that place a question in the assistant's subject: outsourcing customer support and its
# costs. A question with none of them needs a high retrieval score to be answered.
TOPIC_STEMS = (
    "outsourc", "alih", "dialihdaya", "mengalihdaya", "vendor", "penyedia", "provider", "mitra",
    "partner", "pihak ketiga", "third", "support", "dukungan", "pelanggan", "customer", "layanan",
    "service", "cs", "call center", "callcenter", "helpdesk", "help desk", "agen", "agent",
    "biaya", "cost", "tarif", "rate", "harga", "price", "murah", "mahal", "cheap", "expensive",
    "sla", "kpi", "roi", "offshore", "nearshore", "luar negeri", "dalam negeri", "domestic",
    "overseas", "keamanan data", "data security", "privasi", "privacy", "24/7", "multibahasa",
    "multilingual", "tersembunyi", "hidden", "onboarding", "kontrak", "contract",
)  # fmt: skip


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def is_injection(text: str) -> bool:
    """True for attempts to override the assistant's instructions."""
    return bool(INJECTION.search(text.lower()))


def asks_for_remedy(text: str) -> bool:
    """True when the question asks how to solve or avoid something."""
    return bool(REMEDY.search(text.lower()))


def is_greeting(text: str) -> bool:
    """True for greetings, thanks and 'what can you do?' questions."""
    lowered = text.lower()
    if CAPABILITY.search(lowered):
        return True
    tokens = words(lowered)
    return bool(tokens) and len(tokens) <= 4 and all(t in GREETING_WORDS for t in tokens)


def on_topic(text: str) -> bool:
    """True when the question mentions the subject the knowledge base covers."""
    lowered = " ".join(words(text))
    padded = f" {lowered} "
    for stem in TOPIC_STEMS:
        if len(stem) <= 3:
            if f" {stem} " in padded:
                return True
        elif stem in lowered:
            return True
    return False
