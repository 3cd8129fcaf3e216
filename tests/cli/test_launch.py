"""The entry point: a plain launch goes to the window, anything else to the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.app import Options
from desktop.launch import window_options


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], Options()),
        (["gui"], Options()),
        (["--data-dir", "/d"], Options(data_dir="/d")),
        (["--data-dir=/d", "--playbook", "p.toml", "gui"], Options("/d", "p.toml")),
    ],
)
def test_a_plain_launch_opens_the_window_with_its_options(argv, expected):
    assert window_options(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["--help"], ["--version"], ["--data-dir"], ["gui", "demo"], ["--bogus"],
     ["--data-dir", "/d", "list", "accounts"], ["--passphrase-file", "f"]],
)  # fmt: skip
def test_anything_else_goes_to_the_command_line(argv):
    assert window_options(argv) is None


def test_a_missing_value_gets_the_command_lines_one_line_message(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "callbrief: argument --data-dir: expected one argument"
    )
