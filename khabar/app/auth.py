"""Roles on API keys: who is calling (the key's name, for the audit trail) and what they may do.

A `reader` may read everything; an `analyst` may also write (corrections, watchlists). Keys
come from `api.keys` (`{name, key, role}`) and `api.api_keys` / `KHABAR_API_KEYS`
(`KEY` is a reader, `KEY:analyst` an analyst). A wrong or missing key gets 401 (the
`/v1` router's key check answers first); a reader's write gets 403.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request

from khabar.core.errors import ConfigError
from khabar.core.settings import ApiKey, Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Principal:
    """The caller: its key's name and role."""

    name: str
    role: str

    @property
    def may_write(self) -> bool:
        return self.role == "analyst"


def presented_key(request: Request) -> str | None:
    """The key sent as `Authorization: Bearer KEY` or `X-API-Key: KEY`."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.headers.get("x-api-key")


class KeyRing:
    """The configured keys; with none (`--insecure-no-auth`) everyone is an anonymous analyst."""

    def __init__(self, keys: list[ApiKey]) -> None:
        secrets, names = [k.key for k in keys], [k.name for k in keys]
        if len(set(secrets)) < len(secrets):  # which one is not said: the message must not show a key
            raise ConfigError("settings", "api.keys", "the same API key is configured more than once",
                              "give every key one entry (with one role) in api.keys / api.api_keys / KHABAR_API_KEYS")
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ConfigError("settings", "api.keys", f"key names used more than once: {', '.join(repeated)}",
                              "give every key its own name: the audit trail records it")
        self.keys = [(k, k.key.encode()) for k in keys]

    @classmethod
    def from_settings(cls, settings: Settings) -> KeyRing:
        return cls(settings.api.all_keys())

    def identify(self, request: Request) -> Principal | None:
        """The principal of the presented key, compared in constant time against every key."""
        if not self.keys:
            return Principal(ANONYMOUS, "analyst")
        presented = (presented_key(request) or "").encode()
        found: ApiKey | None = None
        for key, encoded in self.keys:  # no short-circuit: time doesn't depend on which key matched
            if hmac.compare_digest(presented, encoded) and found is None:
                found = key
        return Principal(found.name, found.role) if found else None


def principal_dependency(ring: KeyRing) -> Callable[[Request], Principal]:
    """A dependency yielding the caller's principal (401 without a valid key)."""

    def current_principal(request: Request) -> Principal:
        principal = ring.identify(request)
        if principal is None:
            raise HTTPException(status_code=401, detail="unauthorized", headers={"WWW-Authenticate": "Bearer"})
        return principal

    return current_principal


def analyst_dependency(ring: KeyRing) -> Callable[[Request], Principal]:
    """A dependency yielding an analyst's principal: 401 without a valid key, 403 for a reader."""
    current = principal_dependency(ring)

    def require_analyst(request: Request) -> Principal:
        principal = current(request)
        if not principal.may_write:
            raise HTTPException(status_code=403, detail=f"key {principal.name!r} is a reader; this needs an analyst key")
        return principal

    return require_analyst


def write_guard(settings: Settings) -> Callable[[Request], None]:
    """A router dependency: any request but GET/HEAD/OPTIONS needs an analyst key (403 for readers)."""
    require_analyst = analyst_dependency(KeyRing.from_settings(settings))

    def guard_writes(request: Request) -> None:
        if request.method not in SAFE_METHODS:
            require_analyst(request)

    return guard_writes
