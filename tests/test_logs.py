"""The log file: private, silent when it cannot be written, and redacted while the data
folder is encrypted (desktop/logs.py)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from desktop import logs

NAME = "王建国"


def _log_a_failure(logger: logging.Logger) -> None:
    try:
        try:
            raise KeyError(f"no manager for {NAME}")
        except KeyError as inner:
            raise ValueError(f"could not save {NAME}, +86 138 0013 8000") from inner
    except ValueError:
        logger.exception("saving contact %s failed", NAME)
    logger.warning("plain template only")


@pytest.fixture
def logger(tmp_path: Path):
    handlers: list[logging.Handler] = []

    def make(redact: bool) -> logging.Logger:
        handler = logs.PrivateLogHandler(tmp_path / "callbrief.log", lambda: redact)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(handler)
        log = logging.getLogger(f"test.logs.{redact}")
        log.propagate = False
        log.addHandler(handler)
        return log

    yield make
    for handler in handlers:
        for name in ("test.logs.True", "test.logs.False"):
            logging.getLogger(name).removeHandler(handler)
        handler.close()


def test_an_encrypted_folder_logs_no_exception_text_or_argument(logger, tmp_path):
    _log_a_failure(logger(redact=True))
    text = (tmp_path / "callbrief.log").read_text(encoding="utf-8")
    assert NAME not in text and "138 0013" not in text
    # What a developer needs is still there: the template, the types and the frames.
    assert "saving contact %s failed [details withheld" in text
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert "_log_a_failure" in text and "plain template only" in text


def test_a_plain_folder_logs_everything(logger, tmp_path):
    _log_a_failure(logger(redact=False))
    text = (tmp_path / "callbrief.log").read_text(encoding="utf-8")
    assert f"could not save {NAME}" in text


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_log_is_created_private(logger, tmp_path):
    logger(redact=False).warning("hello")
    assert stat.S_IMODE((tmp_path / "callbrief.log").stat().st_mode) == 0o600


def test_a_log_that_cannot_be_written_is_given_up_silently(tmp_path, capsys):
    (tmp_path / "callbrief.log").mkdir()  # the file cannot be opened at all
    handler = logs.PrivateLogHandler(tmp_path / "callbrief.log", lambda: False)
    log = logging.getLogger("test.logs.broken")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.error("nobody will read this")
    finally:
        log.removeHandler(handler)
        handler.close()
    assert "Logging error" not in capsys.readouterr().err


def test_clearing_the_log_keeps_nothing_from_before(tmp_path):
    (tmp_path / "callbrief.log").write_text(f"old entry naming {NAME}\n", encoding="utf-8")
    logs.clear(tmp_path)
    assert NAME not in (tmp_path / "callbrief.log").read_text(encoding="utf-8")
