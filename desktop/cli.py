"""The command line: ``callbrief [--data-dir DIR] COMMAND``; no command opens the window.

Every failure a rep can cause or meet (a bad file, a newer database, a missing account) is one
plain line on stderr and a non-zero exit. A genuine bug is logged with its traceback in the data
dir's log file and reported in one line too. Heavy modules are imported per command. The
parser (every command and its arguments) is in ``desktop.cli_parser``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.app import Options, configure_logging, open_services, run_gui
from desktop.cli_parser import EXIT_USAGE as EXIT_USAGE  # the exit codes, all three here
from desktop.cli_parser import build_parser
from desktop.services.events import Origin, initiated_by

if TYPE_CHECKING:  # built by open_services; imported per command, not at start-up
    from desktop.services import Services

log = logging.getLogger("callbrief.cli")

EXIT_OK, EXIT_ERROR = 0, 1


class CommandError(Exception):
    """A problem to report in one line; the command changed nothing it should not have."""


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def cmd_demo(services: Any, args: argparse.Namespace) -> int:
    account_id = services.demo.load()
    account = services.accounts.get(account_id)
    print(f"Demo account {account.name} loaded (id {account_id}).")
    return EXIT_OK


def cmd_list(services: Services, args: argparse.Namespace) -> int:
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
        columns: tuple[str, ...] = ("id", "name", "industry", "segment_code")
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


def cmd_search(services: Services, args: argparse.Namespace) -> int:
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
    result = services.files.check(full=args.full)
    if result.problems:
        for problem in result.problems[:20]:
            print(f"callbrief: {result.path}: {problem}", file=sys.stderr)
        return EXIT_ERROR
    kind = "full" if args.full else "quick"
    print(f"{result.path}: schema {result.revision}, {kind} check ok")
    return EXIT_OK


def cmd_export_bundle(services: Any, args: argparse.Namespace) -> int:
    from desktop.export.bundle import export_account

    export_account(services, args.account, Path(args.output))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_export_brief(services: Services, args: argparse.Namespace) -> int:
    from desktop.export.brief import render_brief

    pages = render_brief(services, args.visit, Path(args.output), args.lang, args.paper)
    print(f"Wrote {args.output} ({pages} pages)")
    return EXIT_OK


def cmd_export_briefs(services: Services, args: argparse.Namespace) -> int:
    from desktop.domain.dates import NotADate, parse_date
    from desktop.export.brief import render_briefs_for_day

    try:
        day = parse_date(args.date)  # 2026-11-24, 2026/11/24, 24.11.2026, today, 明天
    except NotADate:
        raise CommandError(f"not a date: {args.date!r} (e.g. 2026-11-24 or today)") from None
    pages = render_briefs_for_day(services, day, Path(args.output), args.lang, args.paper)
    print(f"Wrote {args.output} ({pages} pages)")
    return EXIT_OK


def cmd_export_pipeline(services: Services, args: argparse.Namespace) -> int:
    from desktop.exchange.pipeline_review import PipelineFilter
    from desktop.export.brief import resolve_language
    from desktop.export.pipeline.pdf import write_review

    stages = services.pipeline.open_stages()
    if args.stage is not None and args.stage not in stages:
        raise CommandError(f"--stage must be one of the open stages {', '.join(stages)}")
    review = services.pipeline.review(PipelineFilter(args.stage, None, args.stalled))
    paper = args.paper or services.settings.get("paper_size")
    write_review(
        review, services.playbook, Path(args.output), resolve_language(services, args.lang), paper
    )
    print(f"Wrote {args.output} ({review.open_count} open deals, {review.stalled_total} stalled)")
    return EXIT_OK


def cmd_export_ics(services: Services, args: argparse.Namespace) -> int:
    from desktop.export.ics import export_ics

    export_ics(services, args.visit, Path(args.output))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_import_bundle(services: Any, args: argparse.Namespace) -> int:
    result = services.bundles.import_file(Path(args.file))
    verb = "Replaced" if result.replaced else "Imported"
    print(f"{verb} account {result.account_name} (id {result.account_id}).")
    return EXIT_OK


def cmd_backup(services: Any, args: argparse.Namespace) -> int:
    info = services.backups.back_up_now(dest=Path(args.to) if args.to else None)
    print(f"Backed up to {info.path} ({info.size:,} bytes, verified).")
    return EXIT_OK


def cmd_encrypt(services: Any, args: argparse.Namespace) -> int:
    passphrase = _read_passphrase(args, new=True)
    result = services.files.encrypt(passphrase)
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
    from desktop.services import datafile, recovery

    if args.passphrase_file:
        datafile.provide_passphrase(_read_passphrase(args))
    db_path = paths.database_path(paths.data_dir(options.data_dir))
    if args.command == "restore":
        key = datafile.passphrase_for(db_path) if db_path.exists() else None
        if key is None and datafile.is_encrypted(db_path):
            key = _read_passphrase(args)
        replaced = datafile.restore_unopened(Path(args.backup), db_path, key)
        kept = f" The file it replaced was kept as {replaced}." if replaced else ""
        print(f"Restored {args.backup} (verified).{kept}")
        return EXIT_OK
    report = recovery.assess(
        db_path, datafile.passphrase_for(db_path), full=getattr(args, "full", False)
    )
    if report.status == datafile.UNAVAILABLE:  # the disk, not the file: nothing was moved
        print(f"callbrief: {report.explanation}", file=sys.stderr)
        return EXIT_ERROR
    if report.status == datafile.DAMAGED:
        print(f"callbrief: {recovery.explain(report, for_cli=True)}", file=sys.stderr)
        return EXIT_ERROR
    return None


def cmd_export_map(services: Services, args: argparse.Namespace) -> int:
    from desktop.export.contacts import language
    from desktop.export.map.render import export_map

    export_map(services, args.opportunity, Path(args.output), lang=language(services, args.lang))
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_export_contacts(services: Services, args: argparse.Namespace) -> int:
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


def cmd_import_crm(services: Services, args: argparse.Namespace) -> int:
    """Preview a CRM export (accounts, deals, contacts); import it unless --dry-run."""
    import json

    from desktop.services.crm_import import parse_stage_map

    mapping: dict[str, str] | None = None
    if args.crm_format == "mapped":
        mapping = {}
        for item in args.map:
            field, sep, column = item.partition("=")
            if not sep or not field:
                raise CommandError(f"--map wants FIELD=COLUMN, not {item!r}")
            mapping[field.strip()] = column
    crm = services.crm_import
    fmt = args.crm_format if args.crm_format != "mapped" else None
    plan = crm.preview(Path(args.file), fmt, parse_stage_map(args.stage_map), mapping)
    summary = plan.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{args.file}: {summary['format']}")
        for stage, key in summary["stage_map"].items():
            print(f"Stage {stage} -> {key}")
        for a in summary["accounts"]:
            how = "existing" if a["matched"] else "new"
            print(
                f"Account {a['name']} ({how}): {len(a['opportunities'])} opportunities, "
                f"{len(a['contacts'])} contacts"
            )
        for problem in summary["problems"]:
            print(problem)
    if args.dry_run:
        if not args.json:
            print("Nothing was written (--dry-run).")
        return EXIT_OK
    if plan.blocking():
        raise CommandError("; ".join(plan.blocking()) + "; nothing was written")
    touched = crm.run(plan)
    if not args.json:
        print(f"Imported {len(touched)} accounts from {args.file}.")
    return EXIT_OK


def cmd_import_contacts(services: Services, args: argparse.Namespace) -> int:
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
    mode = args.duplicates or ("keep" if args.keep_duplicates else "skip")
    skip = mode != "keep"
    other = ", ".join(repr(c) for c in preview.other_companies)
    company = f"{args.file} names company {other}, not the account {preview.account_name!r}"
    if args.yes:
        if other and not args.any_company:
            raise CommandError(f"{company}; nothing was written (--any-company to import anyway)")
        count = commit_import(services, preview, args.account, duplicates=mode)
        merged = f"; {preview.merged} people already there filled in" if preview.merged else ""
        print(f"Imported {count} contacts from {args.file}{merged}.")
        return EXIT_OK
    print(f"{args.file}: {preview.format_label('en')}, {preview.encoding}")
    if other:
        print(f"Warning: {company}.")
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


COMMANDS: dict[tuple[str, str | None], Callable[[Services, argparse.Namespace], int]] = {
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
    ("export", "pipeline"): cmd_export_pipeline,
    ("import", "contacts"): cmd_import_contacts,
    ("team", None): lambda services, args: _team().cmd_team(services, args),
    ("sync", None): lambda services, args: _team().cmd_sync(services, args),
    ("review", None): lambda services, args: _team().cmd_review(services, args),
    ("import", "crm"): cmd_import_crm,
}


def _team() -> Any:
    """desktop/cli_team.py, imported only for the team commands (httpx, pycrdt)."""
    import desktop.cli_team

    return desktop.cli_team


def _known_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the environment's or the input's, reported without a traceback."""
    from desktop.domain.playbook import PlaybookError
    from desktop.domain.validation import ValidationError
    from desktop.errors import StoreError

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
    from desktop.sync.client import TeamError

    known.append(TeamError)
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
        with initiated_by(Origin.CLI):  # every change a command makes says it came from here
            return handler(services, args)
    finally:
        services.close()


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
