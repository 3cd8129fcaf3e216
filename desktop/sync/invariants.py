"""Rules that must hold after two laptops' edits are merged, and the repairs that restore them.

A CRDT merges field by field, so it can produce rows that neither laptop wrote on its own:

* **Reporting cycles.** Ana sets "Li reports to Wang" while Bo, offline, sets "Wang reports to
  Li". Each edit was valid where it was made; merged, they loop. The cycle is cut by one rule
  every laptop applies to the same merged document: the person in the cycle with the *lowest
  uid* loses their manager link. Same input, same cut, so the laptops stay identical, and the
  cut value is reported (``Notice``) so the reps can see what was undone. Only the laptops
  whose merge held the loop make the cut; desktop/sync/repairs.py records it in the shared
  document, so that every rep is told.
* **One buying role per person and deal.** Both laptops add the same person to the same deal:
  two role rows with different uids. They are folded into the row with the lowest uid (role
  keys and trust methods united, blank plain fields filled), the other row is dropped and
  reported. Its texts are *not* copied in: every laptop makes the same repair, and the same
  words inserted into a shared text on two laptops merge into the words twice. They are
  reported instead (field and value, so the rep can restore them once, as a normal edit).

Plain functions on the bundle's ``account`` body (dicts and lists): no database, no pycrdt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

CYCLE = "reporting_cycle"
DUPLICATE_ROLE = "duplicate_role"
_UNITED = ("roles", "trust_methods")  # list fields: keep every key either side chose
_TEXTS = ("notes", "coach_next")  # shared texts: reported, never copied (see above)


@dataclass(frozen=True)
class Notice:
    """One repair: which row and field changed, the value it had, and a line for the rep."""

    rule: str
    row_uid: str
    field: str
    lost: Any
    text: str  # English, for the log and the command line
    names: tuple[str, ...] = ()  # what ``text`` names, for the window to say in the rep's language
    uids: tuple[str, ...] = ()  # the rows involved (the loop's people; both role rows), sorted


def repair(body: dict[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
    """``body`` with the invariants restored (a copy; the argument is untouched)."""
    fixed = copy.deepcopy(body)
    notices = cut_cycles(fixed.get("contacts") or [])
    for opportunity in fixed.get("opportunities") or []:
        notices += fold_roles(opportunity, _names(fixed))
    return fixed, notices


def _names(body: dict[str, Any]) -> dict[str, str]:
    return {c["uid"]: str(c.get("name") or "") for c in body.get("contacts") or []}


def find_cycle(managers: dict[str, str | None]) -> list[str] | None:
    """A reporting loop among ``managers`` (uid -> manager uid), started from the lowest uid
    that leads into one; None if every line ends."""
    for start in sorted(managers):
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in managers:
            if current in chain:
                return chain[chain.index(current) :]
            chain.append(current)
            current = managers[current]
    return None


def cut_cycles(contacts: list[dict[str, Any]]) -> list[Notice]:
    """Cut every reporting loop at its lowest uid (in place); what was cut."""
    by_uid = {c["uid"]: c for c in contacts}
    notices: list[Notice] = []
    while True:
        managers = {u: c.get("reports_to") for u, c in by_uid.items()}
        cycle = find_cycle(managers)
        if cycle is None:
            return notices
        loser = min(cycle)
        boss = managers[loser]
        by_uid[loser]["reports_to"] = None
        names = [str(by_uid[u].get("name") or u) for u in cycle]
        loop = " → ".join([*names, names[0]])
        said = (loop, str(by_uid[loser].get("name")), str(by_uid[boss].get("name")))
        text = (
            f"Two edits made the reporting lines loop ({said[0]}); "
            f"{said[1]} no longer reports to {said[2]}."
        )
        involved = tuple(sorted(cycle))
        notices.append(Notice(CYCLE, loser, "reports_to", boss, text, said, involved))


def fold_roles(opportunity: dict[str, Any], names: dict[str, str]) -> list[Notice]:
    """Fold an opportunity's role rows for the same person into the lowest uid (in place)."""
    roles = opportunity.get("roles") or []
    by_contact: dict[Any, list[dict[str, Any]]] = {}
    for role in roles:
        by_contact.setdefault(role.get("contact"), []).append(role)
    notices: list[Notice] = []
    dropped: set[str] = set()
    for contact, rows in by_contact.items():
        if contact is None or len(rows) < 2:
            continue
        rows.sort(key=lambda r: str(r["uid"]))
        kept = rows[0]
        for other in rows[1:]:
            _fold(kept, other)
            dropped.add(other["uid"])
            who = names.get(contact, contact)
            text = (
                f"{who} was added to the deal “{opportunity.get('name', '')}” on two laptops; "
                "the two buying-role entries were merged into one."
            )
            deal = str(opportunity.get("name", ""))
            both = (str(kept["uid"]), str(other["uid"]))
            notices.append(Notice(DUPLICATE_ROLE, kept["uid"], "", None, text, (who, deal), both))
            for field in _TEXTS:
                words = str(other.get(field) or "")
                if words and words not in str(kept.get(field) or ""):
                    aside = f"{who}'s {field.replace('_', ' ')} “{words}” was set aside."
                    said = (who, field, words)
                    notices.append(
                        Notice(DUPLICATE_ROLE, kept["uid"], field, words, aside, said, both)
                    )
    opportunity["roles"] = [r for r in roles if r["uid"] not in dropped]
    return notices


def _fold(kept: dict[str, Any], other: dict[str, Any]) -> None:
    for field in _UNITED:
        if field in kept or field in other:
            mine = list(kept.get(field) or [])
            kept[field] = mine + [k for k in other.get(field) or [] if k not in mine]
    for field, value in other.items():  # plain fields the kept row left blank
        if field in _TEXTS:
            continue
        if kept.get(field) in (None, "", "unknown") and value not in (None, ""):
            kept[field] = value
