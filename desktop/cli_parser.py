"""What the command line accepts: ``callbrief [--data-dir DIR] COMMAND [ARGS]``.

The parser only: every command, its arguments and their help, and the checks on ids and counts
made while parsing. A usage mistake is one line on stderr and exit code 2. What each command
does is in ``desktop.cli``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from desktop import __version__

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
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

    ex = sub.add_parser(
        "export", help="write an account, map, contacts, brief, calendar file or pipeline review"
    )
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

    epl = ex_sub.add_parser("pipeline", help="the pipeline review on one printable page (PDF)")
    epl.add_argument("-o", "--output", required=True, metavar="FILE")
    epl.add_argument("--lang", choices=("en", "zh"), help="default: the brief language setting")
    epl.add_argument("--paper", choices=("A4", "Letter"), help="default: the paper size setting")
    epl.add_argument("--stage", metavar="KEY", help="only the deals at this funnel stage")
    epl.add_argument("--stalled", action="store_true", help="only the stalled deals")

    for export in (eb, ebr, ebd, eic, emap, econ, epl):
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
    icon.add_argument("--encoding", help="the file's encoding, e.g. cp1252 (default: detect)")
    icon.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD", help="map a CSV column"
    )
    icon.add_argument(
        "--duplicates",
        choices=("merge", "skip", "keep"),
        default=None,
        help="a likely duplicate of someone at the account: fill their empty fields (merge), "
        "leave it out (skip, the default) or add it as a second person (keep)",
    )
    icon.add_argument(
        "--any-company",
        action="store_true",
        help="import even when the file names a company other than the account",
    )
    icon.add_argument(
        "--keep-duplicates", action="store_true", help="the same as --duplicates keep"
    )
    icrm = im_sub.add_parser("crm", help="accounts, deals and contacts from a CRM export")
    icrm.add_argument("file", metavar="FILE", help="Salesforce report CSV, Dynamics 365 XLSX, …")
    icrm.add_argument(
        "--format",
        choices=("salesforce", "dynamics", "dynamics-contacts", "mapped"),
        dest="crm_format",
    )
    icrm.add_argument("--stage-map", default="", metavar="STAGE=KEY,…", help="e.g. 'Closed Won=E'")
    icrm.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN", help="for --format mapped"
    )
    icrm.add_argument("--dry-run", action="store_true", help="print the preview, write nothing")
    icrm.add_argument("--json", action="store_true", help="print the preview as JSON")
    _team_commands(sub)
    return p


def _team_commands(sub: Any) -> None:
    """``team join | share | leave | status`` and ``sync`` (desktop/cli_team.py)."""
    tm = sub.add_parser("team", help="join a team server, share accounts, see the sync state")
    tm_sub = tm.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    tj = tm_sub.add_parser("join", help="log in to a team server and keep the login here")
    tj.add_argument("url", metavar="URL")
    tj.add_argument("--user", required=True)
    tj.add_argument("--password-file", required=True, metavar="FILE")
    tj.add_argument("--ca-file", metavar="FILE", help="trust this CA (a company's own)")
    ts = tm_sub.add_parser("share", help="share an account with a teammate, team or territory")
    ts.add_argument("--account", type=_row_id, required=True, metavar="ID")
    whom = ts.add_mutually_exclusive_group(required=True)
    whom.add_argument(
        "--with",
        dest="grantee",
        metavar="NAME",
        help="a teammate's user name, else a team's, else a territory's name",
    )
    whom.add_argument("--user", dest="share_user", metavar="USER", help="a teammate")
    whom.add_argument("--team", dest="share_team", metavar="TEAM", help="everyone in a team")
    whom.add_argument(
        "--territory", dest="share_territory", metavar="TERRITORY", help="everyone in a territory"
    )
    ts.add_argument("--read-only", action="store_true", help="they may read but not change it")
    tl = tm_sub.add_parser(
        "leave", help="stop sharing an account with the team and remove it here (backed up)"
    )
    tl.add_argument("--account", type=_row_id, required=True, metavar="ID")
    tst = tm_sub.add_parser("status", help="synced / changes waiting / offline / needs attention")
    tst.add_argument("--json", action="store_true")
    rv = sub.add_parser("review", help="a manager's comments and 'reviewed' mark on visit plans")
    rv_sub = rv.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    rc = rv_sub.add_parser("comment", help="comment on a step of a visit plan (managers)")
    rc.add_argument("--visit", type=_row_id, required=True, metavar="ID")
    rc.add_argument(
        "--step",
        default="plan",
        choices=("plan", "prepare", "open", "consult", "propose", "close"),
        help="the step commented on (default: the plan as a whole)",
    )
    rc.add_argument("text", metavar="TEXT")
    rm = rv_sub.add_parser("mark", help="mark a visit plan reviewed (managers)")
    rm.add_argument("--visit", type=_row_id, required=True, metavar="ID")
    rm.add_argument("--undo", action="store_true", help="take the mark back")
    rs = rv_sub.add_parser("show", help="the review of a visit plan, as last synced")
    rs.add_argument("--visit", type=_row_id, required=True, metavar="ID")
    rs.add_argument("--json", action="store_true")
    sy = sub.add_parser("sync", help="sync shared accounts with the team server")
    sy.add_argument("--once", action="store_true", help="one round, then exit")
    sy.add_argument("--interval", type=float, default=30.0, help="seconds between rounds")
