"""Keep secrets out of logs and stored text; mask contact details, card numbers and NIKs."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from numbers import Number

SECRET = "[REDACTED]"
EMAIL = "[email]"
PHONE = "[phone]"
CARD = "[card]"
NIK = "[nik]"

# Credentials by shape. Each pattern matches the secret itself (or the value after its key).
_SECRET_PATTERNS = [
    re.compile(r"\bxox[a-z]-[A-Za-z0-9-]{6,}"),  # Slack bot, user, app-level, refresh tokens
    re.compile(r"\bxapp-[A-Za-z0-9-]{6,}"),  # Slack app-level (socket mode) tokens
    re.compile(r"https://hooks\.slack\.com/[A-Za-z0-9/_-]+"),  # Slack incoming webhooks
    re.compile(r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}"),  # OpenAI / Anthropic style API keys
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{20,}"),  # GitHub tokens
    re.compile(r"\bhf_[A-Za-z0-9]{20,}"),  # Hugging Face tokens
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),  # AWS access key ids
    re.compile(r"\bAIza[0-9A-Za-z_-]{30,}"),  # Google API keys
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # JWTs
]
# "Bearer <token>" and "api_key=<value>" style pairs: keep the key, drop the value.
_SCHEME = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{6,}")
_KEYED = re.compile(
    r"(?i)(\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|secret|signing[_-]?secret|"
    r"client[_-]?secret|password|passwd|authorization)\b[\"']?\s*[:=]\s*[\"']?)"
    r"(?!(?:bearer|basic)\s)([A-Za-z0-9._~+/=-]{6,})"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Phone numbers start with +, 00, 0 or "(" (e.g. +62 812-3456-7890, 0812 3456 7890, (021) 555-1234),
# or with Indonesia's 62 and no dots (6281234567890, 62 812 3456 7890); money ($62,553.75,
# Rp 62.000.000), dates (2024-03-25) and plain counts (10000) do not.
_PHONE = re.compile(r"(?<![\w$.,/])(?:\+|\()?\d[\d ().-]{6,}\d(?![\w])")
_BARE_62 = re.compile(r"62[ -]?[1-9][\d -]+")
# A WhatsApp link's number, whatever its form: wa.me/6281..., wa.me/+62-812-...
_WA_LINK = re.compile(r"(?i)(\bwa\.me/|\bwhatsapp\.com/send/?\?phone=)\+?\d[\d-]{6,}\d")
# Card numbers (13-19 digits, grouped by spaces or dashes) and NIKs (16 digits); a Luhn check
# tells a card from a long count.
_LONG_NUMBER = re.compile(r"(?<![\w$.,/+()-])\d(?:[ -]?\d){12,18}(?![\w])")


def _is_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    if text.startswith("62") and _BARE_62.fullmatch(text):
        return 10 <= digits <= 15
    return 9 <= digits <= 15 and (text[0] in "+(" or text.startswith("0"))


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _mask_number(match: re.Match[str]) -> str:
    text = match.group()
    digits = "".join(ch for ch in text if ch.isdigit())
    if text[0] == "0" or _is_phone(text):
        return text  # a phone number: mask_personal's
    if _luhn(digits):
        return CARD
    return NIK if len(text) == 16 and text.isdigit() else text


def redact_secrets(text: str, extra: Iterable[str] = ()) -> str:
    """Replace tokens, API keys and known secret values by [REDACTED]."""
    for value in extra:
        if value and len(value) >= 6:
            text = text.replace(value, SECRET)
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(SECRET, text)
    text = _SCHEME.sub(lambda m: m.group(1) + m.group(2) + SECRET, text)
    return _KEYED.sub(lambda m: m.group(1) + SECRET, text)


def mask_personal(text: str) -> str:
    """Mask e-mail addresses and phone numbers (WhatsApp links too)."""
    text = _EMAIL.sub(EMAIL, text)
    text = _WA_LINK.sub(lambda m: m.group(1) + PHONE, text)
    return _PHONE.sub(lambda m: PHONE if _is_phone(m.group()) else m.group(), text)


def mask_numbers(text: str) -> str:
    """Mask Luhn-valid card numbers and 16-digit NIKs; counts and money stay."""
    return _LONG_NUMBER.sub(_mask_number, text)


# Line breaks, ANSI escapes, NUL and other controls in a logged value would forge log lines or
# rewrite a terminal; tabs stay.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str, keep_newlines: bool = False) -> str:
    """Write control characters as escapes (\\n, \\x1b, \\x00) so a value stays on its line."""
    pattern = _CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """Remove secrets and mask personal data: what a log line or a stored rating may hold."""
    return mask_personal(mask_numbers(redact_secrets(text, extra)))


class RedactingFilter(logging.Filter):
    """Rewrite each record's message (and traceback) with secrets and personal data removed and
    control characters escaped, so a logged value can neither leak nor forge a line."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = escape_controls(self._clean(record.msg))
        # Arguments are cleaned one by one so formatters that read record.args (uvicorn's access
        # log) keep working; numbers pass as they are.
        if isinstance(record.args, tuple):
            record.args = tuple(self._clean_arg(a) for a in record.args)
        elif isinstance(record.args, Mapping):
            record.args = {k: self._clean_arg(v) for k, v in record.args.items()}
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:  # a traceback keeps its lines
            record.exc_text = escape_controls(self._clean(record.exc_text), keep_newlines=True)
        if record.stack_info:
            record.stack_info = escape_controls(self._clean(record.stack_info), keep_newlines=True)
        return True

    def _clean(self, text: str) -> str:
        return redact(text, self.secrets)

    def _clean_arg(self, value: object) -> object:
        if isinstance(value, Number) or value is None:
            return value
        return escape_controls(self._clean(value if isinstance(value, str) else str(value)))


def install(secrets: Iterable[str] = ()) -> RedactingFilter:
    """Attach one RedactingFilter to every handler that exists now (root and named loggers)."""
    flt = RedactingFilter(secrets)
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(flt)
    return flt


def without_personal(text: str) -> str:
    """The text without contact details, card numbers or NIKs: none of them is a quantity."""
    masked = mask_numbers(mask_personal(text))
    for marker in (EMAIL, PHONE, CARD, NIK):
        masked = masked.replace(marker, " ")
    return " ".join(masked.split())
