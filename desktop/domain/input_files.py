"""Reading a file the rep names, with a size limit, refusing anything that is not a file.

Every reader of a rep-given path (contacts, bundles, a playbook, a passphrase file) goes
through ``read_limited``: a folder, a device (/dev/zero, /dev/urandom), a pipe or a socket is
refused with a plain message before a byte is read, so nothing hangs waiting for a writer or
fills the memory; a regular file larger than the reader's limit is refused the same way. The
file is opened without blocking and checked on the open handle (``fstat``), so a path swapped
for a pipe between a check and the read cannot get past it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class InputFileError(ValueError):
    """The file cannot be read for the reason in the message; nothing was read."""


def _size(n: int) -> str:
    return f"{n / 2**20:.3g} MB" if n >= 2**20 else f"{n:,} bytes"


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, else InputFileError.

    ``what`` names the kind of file in messages ("contacts file", "bundle", ...).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise InputFileError(f"{path} is a folder, not a {what}") from None
    except FileNotFoundError:
        raise InputFileError(f"there is no {what} at {path}") from None
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(f"{path} is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            kind = "a pipe" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            raise InputFileError(f"{path} is {kind}, not a {what}; give a saved file")
        if info.st_size > limit:
            raise InputFileError(
                f"{path.name} is {_size(info.st_size)}; a {what} may be at most {_size(limit)}"
            )
        chunks: list[bytes] = []
        left = limit + 1  # one byte more tells a file that grew past the limit meanwhile
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputFileError(f"{path.name} is larger than {_size(limit)}, the limit for a {what}")
    return data
