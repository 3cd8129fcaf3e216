"""The set-up a newcomer runs: `make run` / `make test` on Debian (issue 18).

These drive the real Makefile and the real package script in a scratch copy of the project, with
stand-ins only for what would need the network (pip, the app itself): a failed set-up leaves
nothing that blocks the next try, an installed checkout does not reinstall (so it starts offline),
and a user without sudo is told exactly what to run as root. The whole path on a fresh Debian
root is proven by `.ci/fresh-root` in CI.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from public_tmp import public_temp_dir

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "scripts" / "install-system-packages.sh"


def _executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _scratch_project(tmp_path: Path) -> Path:
    work = tmp_path / "project"
    (work / "scripts").mkdir(parents=True)
    shutil.copy(PROJECT / "Makefile", work / "Makefile")
    shutil.copy(PROJECT / "pyproject.toml", work / "pyproject.toml")
    shutil.copy(SCRIPT, work / "scripts" / SCRIPT.name)
    return work


def _make(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # No system packages to check, and the test's own Python (which has venv) as PYTHON.
    return subprocess.run(
        ["make", "--no-print-directory", *args, "SYSTEM_PACKAGES=", f"PYTHON={sys.executable}"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _installed_venv(work: Path) -> Path:
    """A venv as `make` leaves it, with a pip that logs its calls instead of downloading."""
    log = work / "pip-calls.log"
    venv = work / ".venv"
    (venv).mkdir()
    (venv / ".ready").touch()
    _executable(venv / "bin" / "pip", f'#!/bin/sh\necho "$*" >> "{log}"\n')
    _executable(venv / "bin" / "callbrief", "#!/bin/sh\necho started\n")
    return log


def _pip_calls(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def test_make_run_installs_once_and_again_only_when_pyproject_changes(tmp_path):
    work = _scratch_project(tmp_path)
    log = _installed_venv(work)

    first = _make(work, "run")
    assert first.returncode == 0, first.stderr
    assert "started" in first.stdout
    assert _pip_calls(log) == ["install --quiet -e ."]

    # An installed checkout starts without touching pip: nothing here needs the network.
    again = _make(work, "run")
    assert again.returncode == 0, again.stderr
    assert "started" in again.stdout
    assert len(_pip_calls(log)) == 1

    pyproject = work / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n# a dependency changed\n")
    changed = _make(work, "run")
    assert changed.returncode == 0, changed.stderr
    assert len(_pip_calls(log)) == 2


def test_the_test_install_also_counts_as_installed_for_run(tmp_path):
    work = _scratch_project(tmp_path)
    log = _installed_venv(work)
    _executable(work / ".venv" / "bin" / "python", "#!/bin/sh\nexit 0\n")

    assert _make(work, "venv-test").returncode == 0
    assert _pip_calls(log) == ["install --quiet -e .[test]"]
    run = _make(work, "run")
    assert run.returncode == 0, run.stderr
    assert len(_pip_calls(log)) == 1


def test_a_failed_venv_leaves_nothing_that_blocks_the_next_try(tmp_path):
    work = _scratch_project(tmp_path)
    # Like Debian's python3 without python3-venv: bin/python is made, then ensurepip fails.
    broken = _executable(
        tmp_path / "broken-python",
        '#!/bin/sh\nmkdir -p "$3/bin" && ln -sf /bin/true "$3/bin/python"\n'
        'echo "ensurepip is not available" >&2\nexit 1\n',
    )
    failed = subprocess.run(
        ["make", ".venv/.ready", f"PYTHON={broken}"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert failed.returncode != 0
    assert "ensurepip is not available" in failed.stderr
    assert not (work / ".venv").exists()

    # The next try (python3-venv now installed) is not blocked by anything the first one left.
    working = _executable(
        tmp_path / "working-python",
        '#!/bin/sh\nmkdir -p "$3/bin"\nprintf "#!/bin/sh\\nexit 0\\n" > "$3/bin/python"\n'
        'chmod +x "$3/bin/python"\n',
    )
    retry = subprocess.run(
        ["make", ".venv/.ready", f"PYTHON={working}"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert retry.returncode == 0, retry.stderr
    assert (work / ".venv" / ".ready").exists()


def _path_without_sudo(tmp_path: Path) -> str:
    """A PATH with the tools the script uses and no sudo, as on a minimal Debian."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "env", "dpkg-query", "apt-get", "grep", "id"):
        found = shutil.which(tool)
        assert found, f"{tool} is part of every Debian system"
        (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


@pytest.fixture
def public_dir():
    """A folder the ordinary user can reach (pytest's own tmp folder is private to root)."""
    folder = public_temp_dir("callbrief-setup-")
    yield folder
    shutil.rmtree(folder)


def _python_with_venv(folder: Path) -> str:
    return str(_executable(folder / "python-with-venv", "#!/bin/sh\nexit 0\n"))


def _run_script_as_user(folder: Path, *packages: str, python: str):
    env = {"PATH": _path_without_sudo(folder), "PYTHON": python, "LANG": "C.UTF-8"}
    command = ["bash", str(SCRIPT), *packages]
    if os.geteuid() == 0:
        # CI runs as root: become an ordinary user for this, as the newcomer is.
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env["PATH"] = env["PATH"] + os.pathsep + os.path.dirname(shutil.which("setpriv") or "")
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="the package script is for Debian")
def test_without_sudo_the_user_is_told_the_exact_command_for_root(public_dir):
    result = _run_script_as_user(
        public_dir, "callbrief-no-such-package", "dpkg", python=_python_with_venv(public_dir)
    )
    assert result.returncode == 1
    assert "sudo: command not found" not in result.stderr
    assert "Install them as root" in result.stderr
    # Only what is missing, in a command that can be pasted as it is.
    assert (
        "apt-get update && apt-get install -y --no-install-recommends callbrief-no-such-package\n"
        in result.stderr
    )


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="the package script is for Debian")
def test_with_everything_present_the_script_does_nothing(public_dir):
    result = _run_script_as_user(public_dir, "dpkg", "bash", python=_python_with_venv(public_dir))
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="the package script is for Debian")
def test_a_python_without_venv_asks_for_python3_venv(public_dir):
    no_venv = _executable(public_dir / "python-without-venv", "#!/bin/sh\nexit 1\n")
    result = _run_script_as_user(public_dir, "dpkg", python=str(no_venv))
    assert result.returncode == 1
    assert "--no-install-recommends python3-venv\n" in result.stderr
