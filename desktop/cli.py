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


_MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger "id" can name nothing


def _row_id(text: str) -> int:
    """An id as the data file can hold one: a whole number from 1 to 2^63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 1 <= value <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not an id: ids run from 1 to {_MAX_ID}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"{text} is not between 1 and 1000000")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="callbrief",
        description="Callbrief: plan customer visits, map the decision circle, print the brief. "
        "Without a command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"Callbrief {__version__}")
    p.add_argument("--data-dir", metavar="DIR", help="folder of the data file (default: per user)")
    p.add_argument("--playbook", metavar="FILE", help="use an organisation's own playbook file")
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="passphrase of an encrypted data file (or set CALLBRIEF_PASSPHRASE)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("gui", help="open the window (the default)")
    sub.add_parser("demo", help="load the bilingual demo account")

    ls = sub.add_parser("list", help="list accounts, opportunities, visits or next steps")
    ls.add_argument("what", choices=("accounts", "opportunities", "visits", "next-steps"))
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.add_argument(
        "--overdue", action="store_true", help="next steps: only those past their due date"
    )
    ls.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the labels")

    se = sub.add_parser("search", help="search accounts, contacts and opportunities")
    se.add_argument("text")
    se.add_argument("--json", action="store_true", help="print JSON")
    se.add_argument("--limit", type=_count, default=50)

    ck = sub.add_parser("check", help="check the data file's schema and integrity")
    ck.add_argument("--full", action="store_true", help="read every page (slower)")

    bk = sub.add_parser("backup", help="make a verified backup of the data file")
    bk.add_argument("--to", metavar="PATH", help="write it here instead of the backups folder")
    rs = sub.add_parser("restore", help="replace the data file by a backup (verified first)")
    rs.add_argument("backup", metavar="PATH", help="the backup file to restore")
    sub.add_parser("encrypt", help="encrypt the data file and its backups with a passphrase")

    ex = sub.add_parser("export", help="write an account, map, contacts, brief or calendar file")
    ex_sub = ex.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    eb = ex_sub.add_parser("bundle", help="an account and everything under it, as one JSON file")
    eb.add_argument("--account", type=_row_id, required=True, metavar="ID")
    eb.add_argument("-o", "--output", required=True, metavar="FILE")
    ebr = ex_sub.add_parser("brief", help="a visit's printable brief, as PDF")
    ebr.add_argument("--visit", type=_row_id, required=True, metavar="ID")
    ebr.add_argument("-o", "--output", required=True, metavar="FILE")
    ebr.add_argument("--lang", choices=("en", "zh"), help="default: the brief language setting")
    ebr.add_argument("--paper", choices=("A4", "Letter"), help="default: the paper size setting")
    ebd = ex_sub.add_parser("briefs", help="the briefs of every visit on one day, as one PDF")
    ebd.add_argument("--date", required=True, metavar="DATE")  # 2026-11-24, 24.11.2026, today
    ebd.add_argument("-o", "--output", required=True, metavar="FILE")
    ebd.add_argument("--lang", choices=("en", "zh"), help="default: the brief language setting")
    ebd.add_argument("--paper", choices=("A4", "Letter"), help="default: the paper size setting")
    eic = ex_sub.add_parser("ics", help="a visit as a calendar file (iCalendar)")
    eic.add_argument("--visit", type=_row_id, required=True, metavar="ID")
    eic.add_argument("-o", "--output", required=True, metavar="FILE")

    emap = ex_sub.add_parser("map", help="the decision-maker map as PNG, SVG or PDF")
    emap.add_argument("--opportunity", type=_row_id, required=True, metavar="ID")
    emap.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.png/.svg/.pdf")
    emap.add_argument("--lang", choices=("en", "zh"), help="labels' language (default: setting)")
    econ = ex_sub.add_parser("contacts", help="an account's contacts as CSV, Excel or vCard")
    econ.add_argument("--account", type=_row_id, required=True, metavar="ID")
    econ.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv/.xlsx/.vcf")
    econ.add_argument(
        "--opportunity", type=_row_id, metavar="ID", help="whose roles to include (default: first)"
    )
    econ.add_argument("--lang", choices=("en", "zh"), help="labels' language (default: setting)")

    for export in (eb, ebr, ebd, eic, emap, econ):
        export.add_argument("--force", action="store_true", help="write over an existing FILE")

    im = sub.add_parser("import", help="read a bundle or contacts")
    im_sub = im.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    ib = im_sub.add_parser("bundle", help="an account bundle made by export bundle")
    ib.add_argument("file", metavar="FILE")
    icon = im_sub.add_parser("contacts", help="contacts from CSV (Outlook, Google, ...) or vCard")
    icon.add_argument("file", metavar="FILE")
    icon.add_argument("--account", type=_row_id, required=True, metavar="ID")
    icon.add_argument("--opportunity", type=_row_id, metavar="ID", help="give roles to this one")
    icon.add_argument("--yes", action="store_true", help="import the good rows (default: preview)")
    icon.add_argument("--encoding", help="the file's encoding (default: detect)")
    icon.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD", help="map a CSV column"
    )
    icon.add_argument("--keep-duplicates", action="store_true", help="import likely duplicates too")
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
        from desktop.services.deal_cockpit import pipeline_json

        rows = [pipeline_json(row, args.lang) for row in services.deals.pipeline()]
        columns = ("id", "name", "account", "stage", "probability", "amount", "weighted_value")
        columns += ("stalled",)
    elif args.what == "next-steps":
        from desktop.services.next_steps import next_step_json

        steps = services.next_steps.due(overdue_only=args.overdue)
        rows = [next_step_json(step) for step in steps]
        columns = ("id", "due_date", "when", "description", "owner", "account")
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
    key = services.db.passphrase
    revision = read_revision(path, key)
    problems = integrity_problems(path, full=args.full, passphrase=key)
    if revision != HEAD_REVISION:
        problems.insert(0, f"schema is at {revision}, expected {HEAD_REVISION}")
    problems += _plaintext_problems(path)
    if problems:
        for problem in problems[:20]:
            print(f"callbrief: {path}: {problem}", file=sys.stderr)
        return EXIT_ERROR
    kind = "full" if args.full else "quick"
    print(f"{path}: schema {revision}, {kind} check ok")
    return EXIT_OK


def _plaintext_problems(path: Path) -> list[str]:
    """In an encrypted folder, every file still plain (a stopped ``encrypt``)."""
    from desktop.services.encryption import plaintext_left

    return [
        f"{plain} is not encrypted; run 'callbrief encrypt' again to convert it"
        for plain in plaintext_left(path)
    ]


def cmd_export_bundle(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.bundle import export_bundle

    export_bundle(services.db, args.account, Path(args.output))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_export_brief(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.brief import render_brief

    pages = render_brief(services, args.visit, Path(args.output), args.lang, args.paper)
    print(f"Wrote {args.output} ({pages} pages)")
    return EXIT_OK


def cmd_export_briefs(services: Any, args: argparse.Namespace) -> int:
    from desktop.domain.dates import NotADate, parse_date
    from desktop.export.brief import render_briefs_for_day

    try:
        day = parse_date(args.date)  # 2026-11-24, 2026/11/24, 24.11.2026, today, 明天
    except NotADate:
        raise CommandError(f"not a date: {args.date!r} (e.g. 2026-11-24 or today)") from None
    pages = render_briefs_for_day(services, day, Path(args.output), args.lang, args.paper)
    print(f"Wrote {args.output} ({pages} pages)")
    return EXIT_OK


def cmd_export_ics(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.ics import export_ics

    export_ics(services, args.visit, Path(args.output))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_import_bundle(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.bundle_import import import_bundle

    result = import_bundle(services.db, Path(args.file))
    verb = "Replaced" if result.replaced else "Imported"
    print(f"{verb} account {result.account_name} (id {result.account_id}).")
    return EXIT_OK


def cmd_backup(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.backups import BackupService

    info = BackupService(services.db).back_up_now(dest=Path(args.to) if args.to else None)
    print(f"Backed up to {info.path} ({info.size:,} bytes, verified).")
    return EXIT_OK


def cmd_encrypt(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.encryption import enable_encryption

    passphrase = _read_passphrase(args, new=True)
    result = enable_encryption(services.db, passphrase)
    print(result.summary())
    return EXIT_OK


def _read_passphrase(args: argparse.Namespace, new: bool = False) -> str:
    """From --passphrase-file, CALLBRIEF_PASSPHRASE, or a prompt (twice for a new one)."""
    import getpass
    import os

    if args.passphrase_file:
        from desktop.domain.input_files import InputFileError, read_limited

        try:
            raw = read_limited(Path(args.passphrase_file), 4096, "passphrase file")
            return raw.decode("utf-8-sig").rstrip("\r\n")
        except (InputFileError, UnicodeDecodeError) as exc:
            reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc
            raise CommandError(f"cannot use the passphrase file: {reason}") from None
    if os.environ.get("CALLBRIEF_PASSPHRASE"):
        return os.environ["CALLBRIEF_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise CommandError("No passphrase: use --passphrase-file FILE or CALLBRIEF_PASSPHRASE.")
    first = getpass.getpass("Passphrase: ")
    if new and getpass.getpass("Passphrase again: ") != first:
        raise CommandError("The two passphrases differ; nothing was changed.")
    return first


def _before_open(args: argparse.Namespace, options: Options) -> int | None:
    """Passphrase, start-up check and restore, before the file is opened; an exit code ends
    the command here."""
    from desktop import paths
    from desktop.services import recovery
    from desktop.store import crypto, health

    if args.passphrase_file:
        crypto.provide_passphrase(_read_passphrase(args))
    db_path = paths.database_path(paths.data_dir(options.data_dir))
    if args.command == "restore":
        from desktop.store import backups

        key = crypto.resolve_passphrase(db_path) if db_path.exists() else None
        if key is None and crypto.is_marked(db_path):
            key = _read_passphrase(args)
        replaced = backups.restore(Path(args.backup), db_path, key)
        kept = f" The file it replaced was kept as {replaced}." if replaced else ""
        print(f"Restored {args.backup} (verified).{kept}")
        return EXIT_OK
    report = recovery.assess(
        db_path, crypto.resolve_passphrase(db_path), full=getattr(args, "full", False)
    )
    if report.status == health.UNAVAILABLE:  # the disk, not the file: nothing was moved
        print(f"callbrief: {report.explanation}", file=sys.stderr)
        return EXIT_ERROR
    if report.status == health.DAMAGED:
        print(f"callbrief: {recovery.explain(report, for_cli=True)}", file=sys.stderr)
        return EXIT_ERROR
    return None


def cmd_export_map(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.contacts import language
    from desktop.export.map.render import export_map

    export_map(services, args.opportunity, Path(args.output), lang=language(services, args.lang))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_export_contacts(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.contacts import export_contacts, language

    count = export_contacts(
        services,
        args.account,
        Path(args.output),
        opportunity_id=args.opportunity,
        lang=language(services, args.lang),
    )
    print(f"Wrote {count} contacts to {args.output}")
    return EXIT_OK


def cmd_import_contacts(services: Any, args: argparse.Namespace) -> int:
    from desktop.services.contact_import import commit_import, preview_import

    mapping: dict[str, str] | None = None
    if args.map:
        mapping = {}
        for item in args.map:
            column, sep, target = item.rpartition("=")
            if not sep or not column:
                raise CommandError(f"--map wants COLUMN=FIELD, not {item!r}")
            mapping[column] = target
    preview = preview_import(
        services,
        Path(args.file),
        args.account,
        mapping,
        args.encoding,
        opportunity_id=args.opportunity,
    )
    skip = not args.keep_duplicates
    if args.yes:
        count = commit_import(services, preview, args.account, skip_duplicates=skip)
        print(f"Imported {count} contacts from {args.file}.")
        return EXIT_OK
    print(f"{args.file}: {preview.format_label('en')}, {preview.encoding}")
    if preview.columns:
        used = [f"{c} -> {t}" for c, t in preview.mapping.items() if t != "ignore"]
        print("Columns: " + ("; ".join(used) or "none recognised"))
    for note in preview.notes_text("en"):
        print(note)
    for row in preview.rows:
        for problem in preview.row_problems(row, "en"):
            print(problem)
        for remark in preview.row_remarks(row, "en"):
            print(f"{row.where('en')}: {remark}")
    print(preview.summary("en").replace("ready to import", "would be imported"))
    print(
        f"Nothing was written. Run again with --yes to import "
        f"{len(preview.importable(skip))} contacts."
    )
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[Any, argparse.Namespace], int]] = {
    ("demo", None): cmd_demo,
    ("list", None): cmd_list,
    ("search", None): cmd_search,
    ("check", None): cmd_check,
    ("backup", None): cmd_backup,
    ("encrypt", None): cmd_encrypt,
    ("export", "bundle"): cmd_export_bundle,
    ("export", "brief"): cmd_export_brief,
    ("export", "briefs"): cmd_export_briefs,
    ("export", "ics"): cmd_export_ics,
    ("import", "bundle"): cmd_import_bundle,
    ("export", "map"): cmd_export_map,
    ("export", "contacts"): cmd_export_contacts,
    ("import", "contacts"): cmd_import_contacts,
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
    # Each command's own "bad input" errors: imported only when something went wrong.
    from desktop.export.brief import BriefError
    from desktop.export.bundle import BundleExportError
    from desktop.export.contacts import ContactExportError
    from desktop.export.ics import IcsError
    from desktop.export.map.render import MapExportError
    from desktop.services.bundle_import import BundleError
    from desktop.services.contact_formats import ImportFileError

    known += [BundleError, BundleExportError, BriefError, IcsError, MapExportError]
    known += [ContactExportError, ImportFileError]
    return tuple(known)


def _check_output(args: argparse.Namespace) -> None:
    """An export never replaces Callbrief's own files, nor any file without --force."""
    from desktop import paths

    target = Path(args.output)
    if paths.is_managed(target):
        raise CommandError(
            f"{target} is one of Callbrief's own files (the data file, a backup, the log…); "
            "an export may not replace it. Choose another name; nothing was written."
        )
    if (target.exists() or target.is_symlink()) and not args.force:
        raise CommandError(
            f"{target} already exists. Add --force to replace it, or choose another name; "
            "nothing was written."
        )


def _run(args: argparse.Namespace, options: Options) -> int:
    if args.command == "export":
        _check_output(args)
    early = _before_open(args, options)
    if early is not None:
        return early
    services = open_services(options)
    try:
        handler = COMMANDS[(args.command, getattr(args, "what", None))]
    except KeyError:
        handler = COMMANDS[(args.command, None)]
    try:
        return handler(services, args)
    finally:
        services.db.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    options = Options(data_dir=args.data_dir, playbook=args.playbook)
    if args.command in (None, "gui"):
        return run_gui(options)
    try:
        from desktop import paths
        from desktop.services import folder_claim as claim

        folder = paths.data_dir(options.data_dir)
        configure_logging(folder)
        # Replacing or converting the file needs the folder to itself; every other command
        # keeps the file in place while it has it open (see desktop/store/claim.py).
        replaces = args.command in ("restore", "encrypt")
        with claim.exclusive(folder) if replaces else claim.shared(folder):
            return _run(args, options)
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
