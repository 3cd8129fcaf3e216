"""The entry point: a plain launch opens the window without loading the command line.

``callbrief [--data-dir DIR] [--playbook FILE] [gui]`` goes straight to the window; anything
else is a command for ``desktop.cli``. Building every command's parser (and importing argparse
and the module that holds them) would cost the window's start-up time for nothing.
"""

from __future__ import annotations

import sys

from desktop.app import Options

OPTIONS = {"--data-dir": "data_dir", "--playbook": "playbook"}


def window_options(argv: list[str]) -> Options | None:
    """The options of a plain window launch; None for anything the full parser must read
    (a command, --help, an option without its value, anything unknown)."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name not in OPTIONS:
            if arg == "gui" and not rest:
                break
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None  # the full parser says which value is missing
            value = rest.pop(0)
        values[OPTIONS[name]] = value
    return Options(**values)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    options = window_options(argv)
    if options is not None:
        from desktop.app import run_gui

        return run_gui(options)
    from desktop.cli import main as cli_main

    return cli_main(argv)
