"""The command line: ``callbrief [--data-dir DIR] COMMAND``; no command opens the window.

Every failure a rep can cause or meet (a bad file, a newer database, a missing account) is one
plain line on stderr and a non-zero exit. A genuine bug is logged with its traceback in the data
dir's log file and reported in one line too. Heavy modules are imported per command.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.app import Options, configure_logging, open_services, run_gui

log = logging.getLogger("callbrief.cli")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A problem to report in one line; the command changed nothing it should not have."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"callbrief: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="callbrief",
        description="Callbrief: plan customer visits, map the decision circle, print the brief. "
        "Without a command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"Callbrief {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="folder of the data file (default: per user)")
    p.add_argument("--playbook", metavar="FILE", help="use an organisation's own playbook file")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("gui", help="open the window (the default)")
    sub.add_parser("demo", help="load the bilingual demo account")

    ls = sub.add_parser("list", help="list accounts, opportunities or visits")
    ls.add_argument("what", choices=("accounts", "opportunities", "visits"))
    ls.add_argument("--json", action="store_true", help="print JSON")

    se = sub.add_parser("search", help="search accounts, contacts and opportunities")
    se.add_argument("text")
    se.add_argument("--json", action="store_true", help="print JSON")
    se.add_argument("--limit", type=int, default=50)

    ck = sub.add_parser("check", help="check the data file's schema and integrity")
    ck.add_argument("--full", action="store_true", help="read every page (slower)")

    ex = sub.add_parser("export", help="write an account, map, contacts, brief or calendar file")
    ex_sub = ex.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    eb = ex_sub.add_parser("bundle", help="an account and everything under it, as one JSON file")
    eb.add_argument("--account", type=int, required=True, metavar="ID")
    eb.add_argument("-o", "--output", required=True, metavar="FILE")

    im = sub.add_parser("import", help="read a bundle or contacts")
    im_sub = im.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    ib = im_sub.add_parser("bundle", help="an account bundle made by export bundle")
    ib.add_argument("file", metavar="FILE")
    return p


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def cmd_demo(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.demo import load_demo

    account_id = load_demo(services.db)
    account = services.accounts.get(account_id)
    print(f"Demo account {account.name} loaded (id {account_id}).")
    return EXIT_OK


def cmd_list(services: Any, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]]
    if args.what == "accounts":
        rows = [
            {
                "id": a.id,
                "name": a.name,
                "alt_name": a.alt_name,
                "industry": a.industry,
                "city": a.city,
                "pyramid_tier": a.pyramid_tier,
                "segment_code": a.segment_code,
            }
            for a in services.queries.accounts(limit=10**9)
        ]
        columns = ("id", "name", "industry", "segment_code")
    elif args.what == "opportunities":
        rows = [
            {
                "id": o.id,
                "name": o.name,
                "account_id": o.account_id,
                "account": account_name,
                "stage": o.stage,
                "probability": services.opportunities.probability(o),
            }
            for o, account_name in services.queries.opportunities()
        ]
        columns = ("id", "name", "account", "stage", "probability")
    else:
        rows = [
            {
                "id": v.id,
                "name": v.title or f"{a.name} · {o.name}",
                "account_id": a.id,
                "account": a.name,
                "opportunity_id": o.id,
                "starts_at": v.starts_at.isoformat(timespec="minutes") if v.starts_at else None,
                "timezone": v.timezone,
                "place": v.place,
                "status": v.status,
            }
            for v, o, a in services.queries.visits()
        ]
        columns = ("id", "starts_at", "name", "status")
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print("\t".join("" if row[c] is None else str(row[c]) for c in columns))
    return EXIT_OK


def cmd_search(services: Any, args: argparse.Namespace) -> int:
    hits = services.queries.search(args.text, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "name": h.title,
                    "account_id": h.account_id,
                    "detail": h.subtitle,
                }
                for h in hits
            ]
        )
    else:
        for h in hits:
            print(f"{h.kind}\t{h.id}\t{h.title}\t{h.subtitle}")
    return EXIT_OK


def cmd_check(services: Any, args: argparse.Namespace) -> int:
    from desktop.store.migrate import HEAD_REVISION, integrity_problems, read_revision

    path = services.db.path
    revision = read_revision(path)
    problems = integrity_problems(path, full=args.full)
    if revision != HEAD_REVISION:
        problems.insert(0, f"schema is at {revision}, expected {HEAD_REVISION}")
    if problems:
        for problem in problems[:20]:
            print(f"callbrief: {path}: {problem}", file=sys.stderr)
        return EXIT_ERROR
    kind = "full" if args.full else "quick"
    print(f"{path}: schema {revision}, {kind} check ok")
    return EXIT_OK


def cmd_export_bundle(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.bundle import export_bundle

    export_bundle(services.db, args.account, Path(args.output))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_import_bundle(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.bundle_import import import_bundle

    result = import_bundle(services.db, Path(args.file))
    verb = "Replaced" if result.replaced else "Imported"
    print(f"{verb} account {result.account_name} (id {result.account_id}).")
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[Any, argparse.Namespace], int]] = {
    ("demo", None): cmd_demo,
    ("list", None): cmd_list,
    ("search", None): cmd_search,
    ("check", None): cmd_check,
    ("export", "bundle"): cmd_export_bundle,
    ("import", "bundle"): cmd_import_bundle,
}


def _known_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the environment's or the input's, reported without a traceback."""
    from desktop.domain.playbook import PlaybookError
    from desktop.domain.validation import ValidationError
    from desktop.store.errors import StoreError

    known: list[type[BaseException]] = [
        CommandError,
        StoreError,
        PlaybookError,
        ValidationError,
        OSError,
    ]
    from desktop.export.bundle import BundleExportError
    from desktop.services.bundle_import import BundleError

    known += [BundleError, BundleExportError]
    return tuple(known)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    options = Options(data_dir=args.data_dir, playbook=args.playbook)
    if args.command in (None, "gui"):
        return run_gui(options)
    try:
        from desktop import paths

        configure_logging(paths.data_dir(options.data_dir))
        services = open_services(options)
        try:
            handler = COMMANDS[(args.command, getattr(args, "what", None))]
        except KeyError:
            handler = COMMANDS[(args.command, None)]
        try:
            return handler(services, args)
        finally:
            services.db.close()
    except _known_errors() as exc:
        message = " ".join(str(exc).split("\n")) if not hasattr(exc, "problems") else str(exc)
        print(f"callbrief: {message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: keep the details in the log, tell the rep in one line
        log.exception("command %s failed", args.command)
        print(
            f"callbrief: internal error ({type(exc).__name__}: {exc}); see the log in the "
            "data folder.",
            file=sys.stderr,
        )
        return EXIT_ERROR
