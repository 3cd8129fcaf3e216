"""``callbrief team join | share | leave | status``, ``callbrief sync`` and ``callbrief review
comment | mark | show``: the laptop's side of the team server, for headless use and tests.
The sync itself is desktop/sync (through services).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.app import Options, choose_playbook
from desktop.cli_parser import EXIT_USAGE
from desktop.sync import team_actions
from desktop.sync.client import TeamConfig, TeamError, access_token
from desktop.sync.leaving import Removal, drop_lost
from desktop.sync.reviews import fetch_reviews, send_review
from desktop.sync.team_playbook import Fetched, TeamPlaybookState, fetch_playbook
from desktop.sync.worker import SyncStatus, SyncWorker, status_after, sync_cycle

EXIT_OK, EXIT_ERROR = 0, 1


def _folder(args: argparse.Namespace) -> Path:
    return paths.data_dir(args.data_dir)


def cmd_team(services: Any, args: argparse.Namespace) -> int:
    if args.what == "join":
        return _join(args)
    if args.what == "share":
        return _share(services, args)
    if args.what == "leave":
        _tell(team_actions.leave_share(services, _folder(args), args.account))
        return EXIT_OK
    return _status(services, args)


def _join(args: argparse.Namespace) -> int:
    try:
        password = Path(args.password_file).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as error:
        raise TeamError(f"The password file cannot be read ({error.strerror}).") from error
    config = team_actions.join(_folder(args), args.url, args.user, password, args.ca_file)
    print(f"Joined {config.url} as {config.user}. Run callbrief sync to receive shared accounts.")
    return EXIT_OK


def _share(services: Any, args: argparse.Namespace) -> int:
    """``--user``, ``--team`` or ``--territory`` names the kind; ``--with`` lets it be guessed."""
    folder = _folder(args)
    kind, grantee = None, args.grantee
    for named in team_actions.KINDS:
        if getattr(args, f"share_{named}") is not None:
            kind, grantee = named, getattr(args, f"share_{named}")
    message = team_actions.share(
        services, folder, args.account, grantee, read_only=args.read_only, kind=kind
    )
    print(f"Account {args.account} {message}. Run callbrief sync to send it.")
    return EXIT_OK


def _tell(removal: Removal) -> None:
    """What left this laptop, and where its backup is."""
    for uid in removal.removed:
        print(f"Account {uid} removed from this laptop; a backup is at {removal.backup}.")
    for uid in removal.kept:
        print(
            f"Account {uid} is no longer shared with you but has changes that were never sent;"
            " it is kept here as a local account, no longer synced."
        )


def _cycle(services: Any, folder: Path) -> Any:
    """One sync round: first the accounts whose grant was taken back leave, then the sync."""
    config = TeamConfig.load(folder)
    token = access_token(config, folder)  # one refresh for the whole round
    fetched = fetch_playbook(config, token, folder)  # skipped, never failing, when offline
    if fetched is Fetched.UPDATED:
        print("The team's playbook was updated; callbrief uses it from its next start.")
    elif fetched is Fetched.REFUSED:
        refused = TeamPlaybookState.load(folder).refused
        print(f"The team's playbook was refused ({refused}); the previous one is kept.")
    _tell(drop_lost(services, folder, token))
    report = sync_cycle(services.team_sync, folder, token)
    fetch_reviews(services, folder, token)
    return report


def _status(services: Any, args: argparse.Namespace) -> int:
    folder = _folder(args)
    config = TeamConfig.load(folder)
    last = SyncStatus.load(folder)
    pending = services.team_sync.pending()
    shared = services.team_sync.shared()
    lost = services.lost_values.counts()
    report = {
        "server": config.url,
        "user": config.user,
        "state": last.state.value if last else "not synced yet",
        "pending": pending,
        "last_sync": last.at if last else None,
        "message": last.message if last else "",
        "changed_by_others": sum(lost.values()),  # values of ours a concurrent edit replaced
        "accounts": [
            {
                "uid": uid,
                "permission": p,
                "id": services.team_sync.account_id(uid),
                "changed_by_others": lost.get(uid, 0),
            }
            for uid, p in sorted(shared.items())
        ],
        "playbook": _playbook(args, folder),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        waiting = f", {_count(pending, 'change')} waiting" if pending else ""
        others = report["changed_by_others"]
        changed = f", {_count(others, 'value')} changed by someone else" if others else ""
        print(f"{config.user} @ {config.url}: {report['state']}{waiting}{changed}")
        playbook = report["playbook"]
        print(f"Playbook: {playbook['source']} ({playbook['file']})")
        if playbook["refused"]:
            why = playbook["refused"]
            print(f"The team's playbook was refused ({why}); the previous one is kept.")
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    """ "1 account", "2 accounts" (these lines are in English, like the rest of the CLI)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _playbook(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """The playbook a start uses now, and what the team server last published."""
    choice = choose_playbook(Options(data_dir=args.data_dir, playbook=args.playbook))
    team = TeamPlaybookState.load(folder)
    return {
        "source": choice.source,  # option / configured / team / bundled
        "file": str(choice.path),
        "etag": team.etag,  # of the team's playbook kept here, if any
        "received_at": team.received_at,
        "refused": team.refused or None,  # why the server's latest was refused
        "refused_at": team.refused_at,
    }


def cmd_sync(services: Any, args: argparse.Namespace) -> int:
    folder = _folder(args)
    TeamConfig.load(folder)  # not joined: say so at once
    if args.once:
        error: BaseException | None = None
        try:
            report = _cycle(services, folder)
        except Exception as caught:  # the status says what stopped it (refused, offline…)
            error = caught
            raise
        finally:
            status_after(services.team_sync, error).save(folder)
        accounts = _count(report.accounts, "account")
        print(f"Synced {accounts}: {report.received} updated from the team, {report.sent} sent.")
        for notice in report.notices:
            print(f"Repaired after the merge: {notice.text}")
        return EXIT_OK
    if args.interval <= 0:
        print("callbrief: --interval must be more than 0 seconds", file=sys.stderr)
        return EXIT_USAGE

    def show(status: SyncStatus) -> None:
        status.save(folder)
        waiting = f" ({_count(status.pending, 'change')} waiting)" if status.pending else ""
        print(f"{status.at} {status.state}{waiting} {status.message}".rstrip(), flush=True)

    worker = SyncWorker(
        lambda: _cycle(services, folder),
        lambda error: status_after(services.team_sync, error),
        show,
        interval=args.interval,
    )
    worker.start()
    try:
        threading.Event().wait()  # until Ctrl+C
    finally:
        worker.stop()
        worker.join()
    return EXIT_OK


def cmd_review(services: Any, args: argparse.Namespace) -> int:
    if args.what == "show":
        review = services.reviews.for_visit(args.visit)
        if args.json:
            print(json.dumps(asdict(review), ensure_ascii=False, indent=1))
            return EXIT_OK
        if review.reviewed_by:
            print(f"Reviewed by {review.reviewed_by} at {review.reviewed_at}")
        for c in review.comments:
            print(f"[{c.step}] {c.by} ({c.at}): {c.text}")
        if not review.reviewed_by and not review.comments:
            print("No review yet.")
        return EXIT_OK
    folder = _folder(args)
    if args.what == "comment":
        body: dict[str, Any] = {"step": args.step, "text": args.text}
        print(send_review(services, folder, args.visit, "comments", body).capitalize() + ".")
    else:
        body = {"reviewed": not args.undo}
        print(send_review(services, folder, args.visit, "marks", body).capitalize() + ".")
    return EXIT_OK
