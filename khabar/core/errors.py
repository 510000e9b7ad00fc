"""User-facing errors: each carries a message that says what is wrong and how to fix it."""

from __future__ import annotations


class KhabarError(Exception):
    """An error caused by the user's input or environment; printed without a traceback."""

    exit_code = 2


class ConfigError(KhabarError):
    """A settings or sources file is invalid."""

    def __init__(self, file: str, key: str, problem: str, fix: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: {key}: {problem}\n  fix: {fix}")


class ElasticsearchUnavailable(KhabarError):
    """Elasticsearch cannot be reached or refused the credentials."""

    exit_code = 3
