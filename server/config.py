"""The server's settings, read from one TOML file (``callbrief-server --config FILE``).

Only paths and numbers live here; secrets do not: the database password belongs in the
database URL's file (readable by the service user only) or in PostgreSQL's own ``.pgpass``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

# The organisation's default playbook, shipped with the project.
DEFAULT_PLAYBOOK = Path(__file__).resolve().parents[1] / "resources" / "playbook" / "playbook.toml"


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or has a bad value."""


@dataclass(frozen=True)
class Config:
    """Everything ``serve`` and the admin commands need."""

    database_url: str
    host: str = "127.0.0.1"
    port: int = 8443
    tls_cert: Path | None = None
    tls_key: Path | None = None
    playbook: Path = DEFAULT_PLAYBOOK
    access_token_minutes: float = 15.0
    refresh_token_days: float = 30.0
    # Rooms whose stored history is longer than this are squashed into one update on load.
    compact_after_updates: int = 200
    # How often an open room connection re-checks its token and grant (a revoked grant or an
    # expired token closes it within this many seconds).
    recheck_seconds: float = 5.0
    # Failed logins allowed per user name and address in a minute before 429s.
    login_failures_per_minute: int = 5
    log_level: str = "INFO"

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None and self.tls_key is not None


def load_config(path: Path) -> Config:
    """Read and check the ``[server]`` table of a TOML file; relative paths are from its folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"No configuration file at {path}") from error
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"Cannot read {path}: {error}") from error
    table = data.get("server")
    if not isinstance(table, dict) or not isinstance(table.get("database_url"), str):
        raise ConfigError(f"{path}: a [server] table with database_url is required")
    base = path.resolve().parent

    def _path(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a path")
        return (base / value).resolve()

    tls_cert, tls_key = _path("tls_cert"), _path("tls_key")
    if (tls_cert is None) != (tls_key is None):
        raise ConfigError(f"{path}: give both tls_cert and tls_key, or neither")
    for tls_path in (tls_cert, tls_key):
        if tls_path is not None and not tls_path.is_file():
            raise ConfigError(f"{path}: no TLS file at {tls_path}")
    known = {
        "database_url",
        "host",
        "port",
        "tls_cert",
        "tls_key",
        "playbook",
        "access_token_minutes",
        "refresh_token_days",
        "compact_after_updates",
        "recheck_seconds",
        "login_failures_per_minute",
        "log_level",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    try:
        return Config(
            database_url=table["database_url"],
            host=str(table.get("host", "127.0.0.1")),
            port=int(table.get("port", 8443)),
            tls_cert=tls_cert,
            tls_key=tls_key,
            playbook=_path("playbook") or DEFAULT_PLAYBOOK,
            access_token_minutes=float(table.get("access_token_minutes", 15)),
            refresh_token_days=float(table.get("refresh_token_days", 30)),
            compact_after_updates=int(table.get("compact_after_updates", 200)),
            recheck_seconds=float(table.get("recheck_seconds", 5)),
            login_failures_per_minute=int(table.get("login_failures_per_minute", 5)),
            log_level=str(table.get("log_level", "INFO")).upper(),
        )
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from error
