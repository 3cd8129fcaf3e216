"""Real small and read-only filesystems for the reliability checks: a tmpfs filled to a few KB
free, and a read-only bind mount of a data folder.

Mounting needs root. CI runs as root, so these checks run there; anywhere else they are
skipped with that reason, never silently passed. A mount that fails as root is a failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

NOT_ROOT = "mounting a tmpfs or a read-only bind mount needs root (CI runs as root)"


def need_root() -> None:
    if os.geteuid() != 0:
        pytest.skip(NOT_ROOT)


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True, text=True)


@contextlib.contextmanager
def tmpfs(where: Path, size_kib: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kib`` KiB mounted at ``where`` for the block."""
    need_root()
    where.mkdir(parents=True, exist_ok=True)
    _run("mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(where))
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


@contextlib.contextmanager
def read_only(source: Path, where: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``where`` (a bind mount: root cannot write there either)."""
    need_root()
    where.mkdir(parents=True, exist_ok=True)
    _run("mount", "--bind", str(source), str(where))
    try:
        _run("mount", "-o", "remount,bind,ro", str(where))
        yield where
    finally:
        _run("umount", "-l", str(where))


def free_bytes(where: Path) -> int:
    return shutil.disk_usage(where).free


def fill(where: Path, leave: int) -> Path:
    """Fill the filesystem at ``where`` until about ``leave`` bytes are free (to a page)."""
    filler = where / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 512, 1):  # the last bytes in ever smaller pieces
            chunk = b"\0" * size
            try:
                while True:
                    os.write(fd, chunk)
            except OSError:
                pass
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def clear(where: Path) -> None:
    """Empty the filesystem at ``where``."""
    for entry in where.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def fingerprint(folder: Path) -> dict[str, str]:
    """Name → SHA-256 of every file under ``folder``: whether anything changed at all."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


STRAY_MARKS = (".part", ".restoring", ".encrypting", ".tmp", ".damaged-")


def strays(folder: Path) -> list[str]:
    """Temporary or quarantined files left in ``folder`` (and below) by a command."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if any(mark in p.name for mark in STRAY_MARKS)
    )
