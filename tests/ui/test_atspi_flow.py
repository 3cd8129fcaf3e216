"""A rep who uses a screen reader's tools does the whole job: account → contact → deal → visit →
brief, in the real window, through AT-SPI (Linux's accessibility layer) and nothing else.

``atspi_driver.py`` does the driving with the system Python's Atspi bindings, under Xvfb and a
private session bus; this test then reads what it made back from the data file and the PDF.

It needs the Debian packages in ATSPI_PACKAGES (the Makefile's SYSTEM_PACKAGES installs them).
Without them it is skipped on a developer's machine, and fails in CI (CI=true), so that a
missing package can never turn it silently off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("atspi_driver.py")
ATSPI_PACKAGES = "xvfb at-spi2-core dbus-daemon python3-gi gir1.2-atspi-2.0"
# The Debian Python, which has PyGObject (the project's own virtualenv has not).
SYSTEM_PYTHON = os.environ.get("CALLBRIEF_ATSPI_PYTHON", "/usr/bin/python3")
PROBE = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi-bus-launcher")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(SYSTEM_PYTHON)
    elif subprocess.run([SYSTEM_PYTHON, "-c", PROBE], capture_output=True).returncode:
        missing.append("Atspi for " + SYSTEM_PYTHON)
    return missing


@pytest.fixture
def atspi():
    if not sys.platform.startswith("linux"):
        pytest.skip("AT-SPI is Linux's accessibility layer")
    missing = _missing()
    if missing:
        message = (
            f"the AT-SPI test needs {', '.join(missing)}: "
            f"apt-get install --no-install-recommends {ATSPI_PACKAGES}"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_a_new_account_to_a_brief_through_the_accessibility_layer(atspi, tmp_path: Path):
    data_dir, pdf = tmp_path / "data", tmp_path / "first meeting.pdf"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY"))}
    run = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(DRIVER)]
        + ["--python", sys.executable, "--data-dir", str(data_dir), "--pdf", str(pdf)],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    steps = [line for line in run.stdout.splitlines() if line.startswith("step: ")]
    assert run.returncode == 0, run.stdout + run.stderr
    assert steps[-1] == "step: the app closed with 0"

    # What the rep made is in the data file...
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    db = open_database(data_dir / "callbrief.sqlite3")
    try:
        services = Services.build(db, default_playbook())
        [account] = services.queries.accounts()
        assert (account.name, account.city) == ("Harbour Instruments", "Ningbo")
        [contact] = services.contacts.for_account(account.id)
        assert (contact.name, contact.title) == ("Li Ming", "Plant manager")
        [deal] = services.opportunities.for_account(account.id)
        assert deal.name == "Line 2 metrology"
        [visit] = services.visits.for_opportunity(deal.id)
        assert (visit.title, visit.place) == ("First meeting with Li Ming", "Ningbo plant")
    finally:
        db.close()

    # ...and on the brief.
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in ("Harbour Instruments", "First meeting with Li Ming", "Ningbo plant"):
        assert expected in text
