"""Matching a bundle against the database: uids that already belong to another account.

A bundle may replace the account with its own uid, but a contact, opportunity, visit or any row
under them whose uid belongs to a different account is refused, naming that account. One query
per kind of row, joined up the tree to the owning account along the parent keys of ``LAYOUT``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.exchange.bundle_format import LAYOUT, Node
from desktop.store.models import Account

from .bundle_words import JsonPath, format_path, show

_IN_CHUNK = 500  # uids per IN (...) list

# What each kind of row is called in a message.
_KIND_NAMES = {
    "contacts": "a contact",
    "contact_details": "a contact's e-mail, phone or address",
    "opportunities": "an opportunity",
    "buying_roles": "a buying role",
    "competitors": "a competitor",
    "stage_task_checks": "a stage task",
    "decision_points": "a decision point",
    "concessions": "a concession",
    "referrals": "a referral",
    "outside_influencers": "an outside influencer",
    "visits": "a visit",
    "attendees": "an attendee",
    "planned_questions": "a planned question",
    "needs": "a need",
    "fab_statements": "a FAB statement",
    "objections": "an objection",
    "next_steps": "a next step",
}


@cache
def _owner_queries() -> tuple[tuple[Node, Any], ...]:
    """For every kind of row under an account: (its node, a query of its uids with the uid and
    name of the account that owns each), joined up the tree along the parent keys. Built once:
    a first sync asks them for every account it receives."""

    def walk(path: list[Node]) -> Iterator[tuple[Node, Any]]:
        node = path[-1]
        if len(path) > 1:
            stmt = select(node.model.uid, Account.uid, Account.name)  # type: ignore[attr-defined]  # the tree's models all have a uid; Base declares none
            for child, parent in zip(reversed(path[1:]), reversed(path[:-1]), strict=True):
                link = getattr(child.model, child.parent_fk or "")
                stmt = stmt.join(parent.model, link == parent.model.id)  # type: ignore[attr-defined]  # as above: an id on every model
            yield node, stmt
        for _, child in node.children:
            yield from walk([*path, child])

    return tuple(walk([LAYOUT]))


def conflicts(session: Session, uids: dict[str, dict[str, JsonPath]]) -> list[str]:
    """uids in the bundle that already belong to rows of another account."""
    return conflicts_of_each(session, {"": uids})[""]


def conflicts_of_each(
    session: Session, bundles: dict[str, dict[str, dict[str, JsonPath]]]
) -> dict[str, list[str]]:
    """``conflicts`` of several bundles (by any key), asked in one query per kind of row for
    all of them: a sync batch's 50 accounts cost 16 queries, not 800."""
    problems: dict[str, list[str]] = {key: [] for key in bundles}
    for node, stmt in _owner_queries():
        claims: dict[str, list[tuple[str, str | None, JsonPath]]] = {}
        for key, uids in bundles.items():
            own = next(iter(uids.get("accounts", {})), None)
            for uid, path in uids.get(node.table_name, {}).items():
                claims.setdefault(uid, []).append((key, own, path))
        for chunk in _chunks(list(claims), _IN_CHUNK):
            for uid, account_uid, account_name in session.execute(
                stmt.where(node.model.uid.in_(chunk))  # type: ignore[attr-defined]  # as above: a uid
            ):
                for key, own, path in claims[uid]:
                    if account_uid != own:
                        problems[key].append(
                            f"{format_path(path + ('uid',))}: {show(uid)} is already the uid "
                            f"of {_KIND_NAMES[node.table_name]} of another account, "
                            f"{show(account_name)}"
                        )
    return problems


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
