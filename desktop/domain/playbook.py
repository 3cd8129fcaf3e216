"""The sales methodology as bilingual data: load and validate the playbook TOML file.

The playbook (``resources/playbook/playbook.toml`` by default, or an organisation's own file)
holds every step, role, question bank and warning of METHODOLOGY.md as groups of entries. Each
entry has a stable ``key`` (stored in the database) and a ``label`` in English and Chinese; any
other fields are kept in ``Entry.extras``. The loader checks the file thoroughly and reports the
first problem as a ``PlaybookError`` naming the file, the key path and the problem.

Pure standard library: no Qt, no SQLAlchemy.

The data types live in ``playbook_model`` and the checks in ``playbook_parser``; this module
reads the file (with a parse cache) and keeps every name callers import from it.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from .input_files import InputFileError, read_limited
from .playbook_model import (
    MIN_QUESTIONS,
    OPTIONAL_GROUPS,
    REQUIRED_GROUPS,
    ROLE_KEYS,
    SUPPORTED_FORMAT,
    VISIT_STEP_KEYS,
    WARNING_PLACEHOLDERS,
    Entry,
    Playbook,
    PlaybookError,
    Text,
)
from .playbook_parser import _Parser

__all__ = [
    "MAX_PLAYBOOK_BYTES",
    "MIN_QUESTIONS",
    "OPTIONAL_GROUPS",
    "REQUIRED_GROUPS",
    "ROLE_KEYS",
    "SUPPORTED_FORMAT",
    "VISIT_STEP_KEYS",
    "WARNING_PLACEHOLDERS",
    "Entry",
    "Playbook",
    "PlaybookError",
    "Text",
    "default_playbook",
    "default_playbook_path",
    "forget_cached",
    "load_playbook",
]


def load_playbook(path: str | os.PathLike[str], cache_dir: Path | None = None) -> Playbook:
    """Read and validate a playbook file; raises PlaybookError on the first problem.

    With ``cache_dir`` the parsed TOML is kept there (marshal, keyed by the file's path, size,
    modification time and the Python version): parsing costs start-up ~15 ms, reading the
    cache ~1 ms. Validation runs either way."""
    source = Path(path)
    data = _cached(source, cache_dir)
    if data is None:
        data = _parse_toml(source)
        _keep(source, cache_dir, data)
    return _Parser(source).parse(data)


# The shipped playbook is about 60 KB; an organisation's own one is the same kind of text.
MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024


def _parse_toml(source: Path) -> dict[str, Any]:
    import tomllib  # here: with a warm cache start-up never needs it

    try:
        raw = read_limited(source, MAX_PLAYBOOK_BYTES, "playbook file")
    except InputFileError as exc:
        raise PlaybookError(source, "", str(exc)) from None
    try:
        # utf-8-sig: tolerate the byte-order mark some Windows editors add.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlaybookError(source, "", f"not valid UTF-8 (byte {exc.start})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlaybookError(source, "", f"invalid TOML: {exc}") from exc


def _cache_file(source: Path, cache_dir: Path) -> Path | None:
    try:
        stat = source.stat()
    except OSError:
        return None  # reading the file says what is wrong
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}|1"
    return cache_dir / f"playbook-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def _cached(source: Path, cache_dir: Path | None) -> dict[str, Any] | None:
    file = _cache_file(source, cache_dir) if cache_dir is not None else None
    if file is None:
        return None
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no cache yet, or a damaged one: parse the file
    return data if isinstance(data, dict) else None


def _keep(source: Path, cache_dir: Path | None, data: dict[str, Any]) -> None:
    file = _cache_file(source, cache_dir) if cache_dir is not None else None
    if file is None:
        return
    try:
        blob = marshal.dumps(data)  # ValueError for TOML dates: such a file is not cached
        file.parent.mkdir(parents=True, exist_ok=True)
        for old in file.parent.glob("playbook-*.marshal"):
            old.unlink(missing_ok=True)  # one playbook in use at a time
        temporary = file.with_suffix(".tmp")
        try:
            temporary.write_bytes(blob)
            os.replace(temporary, file)  # never a half-written cache
        finally:
            temporary.unlink(missing_ok=True)  # a full disk leaves no half-written copy
    except (OSError, ValueError):
        pass  # a cache is an optimisation: a read-only folder just parses each time


def forget_cached(cache_dir: Path) -> None:
    """Drop the parsed copy kept in ``cache_dir``: a file replaced within the file system's
    timestamp resolution, with the same size, would otherwise be read from the old copy."""
    try:
        for old in cache_dir.glob("playbook-*.marshal"):
            old.unlink(missing_ok=True)
    except OSError:
        pass  # the next load parses the file whenever its key differs; a cache is optional


def default_playbook_path() -> Path:
    """The bundled playbook: under ``desktop.paths.resources_dir()`` when available."""
    try:
        from desktop import paths
    except ImportError:
        paths = None  # type: ignore[assignment]  # no desktop.paths: the module is optional here
    resources_dir = getattr(paths, "resources_dir", None)
    if callable(resources_dir):
        return Path(resources_dir()) / "playbook" / "playbook.toml"
    return Path(__file__).resolve().parents[2] / "resources" / "playbook" / "playbook.toml"


@functools.cache
def default_playbook(cache_dir: Path | None = None) -> Playbook:
    """The bundled playbook, loaded once per process."""
    return load_playbook(default_playbook_path(), cache_dir)
