"""The entry point: a plain launch opens the window without loading the command line.

``callbrief [--data-dir DIR] [--playbook FILE] [gui]`` goes straight to the window; anything
else is a command for ``desktop.cli``. Building every command's parser (and importing the
module that holds them) would cost the window's start-up time for nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from desktop.app import Options


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def window_options(argv: list[str]) -> Options | None:
    """The options of a plain window launch; None for anything the full parser must read."""
    p = _QuietParser(add_help=False, allow_abbrev=False)
    p.add_argument("--data-dir")
    p.add_argument("--playbook")
    try:
        known, rest = p.parse_known_args(argv)
    except ValueError:  # e.g. --data-dir without its value: the full parser says so
        return None
    if rest not in ([], ["gui"]):
        return None
    return Options(data_dir=known.data_dir, playbook=known.playbook)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    options = window_options(argv)
    if options is not None:
        from desktop.app import run_gui

        return run_gui(options)
    from desktop.cli import main as cli_main

    return cli_main(argv)
