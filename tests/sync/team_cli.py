"""Driving laptops through ``callbrief`` as a rep would: join, sync until quiet, status."""

from __future__ import annotations

import json

from desktop.cli import main


def _cli(folder, *args):
    return main(["--data-dir", str(folder), *args])


def _join(folder, server, ca_file, user, password, tmp_path):
    secret = tmp_path / f"{user}-password"
    secret.write_text(password + "\n", encoding="utf-8")
    args = ("team", "join", server.base, "--user", user, "--password-file", str(secret))
    assert _cli(folder, *args, "--ca-file", str(ca_file)) == 0


def _sync_until_quiet(folders, capsys):
    """``sync --once`` on every laptop until a whole round updates nothing anywhere; what each
    laptop printed."""
    said = {folder: "" for folder in folders}
    for _round in range(6):
        moved = False
        for folder in folders:
            capsys.readouterr()
            assert _cli(folder, "sync", "--once") == 0
            out = capsys.readouterr().out
            said[folder] += out
            moved |= " 0 updated from the team" not in out
        if not moved:
            return said
    raise AssertionError("the laptops kept changing after 6 rounds")


def _status(folder, capsys):
    capsys.readouterr()
    assert _cli(folder, "team", "status", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _ca_file(ca, tmp_path):
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path
