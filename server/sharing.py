"""Sharing from a laptop: ``POST /accounts/{account_uid}/grants``.

Body ``{"user": NAME}`` or ``{"team": NAME}`` or ``{"territory": NAME}``, with ``"permission"``
``"write"`` (default) or ``"read"``. Who may share:

* an account nobody has a grant for yet is claimed by the first user who shares it: they get a
  direct ``write`` grant themselves (they are its owner) and the grant they asked for;
* after that, only that owner (the user of the account's first grant, a ``write``) may grant
  it further. Someone it was shared with, even for writing, or a manager who reads, may not.

Leaving: ``DELETE /accounts/{account_uid}/grants/me`` drops the caller's own grant (``leave``).

Admins grant with ``callbrief-server grant`` on the server itself.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.auth import permissions
from server.db import READ, WRITE, Grant, Team, Territory, User

GRANTEES: dict[str, type[User] | type[Team] | type[Territory]] = {
    "user": User,
    "team": Team,
    "territory": Territory,
}


def share(
    engine: Engine, caller: User, account_uid: str, body: dict[str, object]
) -> tuple[int, str]:
    """Grant ``account_uid`` as ``body`` asks; (HTTP status, message)."""
    permission = body.get("permission", WRITE)
    if permission not in (READ, WRITE):
        return 400, "permission must be read or write"
    asked = [(kind, body[kind]) for kind in GRANTEES if isinstance(body.get(kind), str)]
    if len(asked) != 1:
        return 400, "name exactly one of user, team or territory"
    kind, name = asked[0]
    model = GRANTEES[kind]
    with Session(engine) as session, session.begin():
        column = User.username if model is User else model.name  # type: ignore[union-attr]  # Team/Territory have name, User has username
        grantee_row = session.scalar(select(model).where(column == name))
        if grantee_row is None:
            return 404, f"no {kind} named {name}"
        grantee_id: int = grantee_row.id  # type: ignore[attr-defined]  # every grantee model has an id
        existing = session.scalars(
            select(Grant).where(Grant.account_uid == account_uid).order_by(Grant.id)
        ).all()
        # The owner is whoever's own write grant came first: the first sharer (no migration
        # needed for an owner column; an admin's grants from the CLI make no laptop owner).
        first = existing[0] if existing else None
        owner = first is not None and first.user_id == caller.id and first.permission == WRITE
        if existing and not owner:
            return 403, "only the account's owner may share it"
        if not existing:
            session.add(Grant(account_uid=account_uid, permission=WRITE, user_id=caller.id))
            session.flush()  # the owner's grant gets the first id
        same = [g for g in existing if getattr(g, f"{kind}_id") == grantee_id]
        if same:
            same[0].permission = str(permission)
        elif not (kind == "user" and grantee_id == caller.id):
            session.add(
                Grant(
                    account_uid=account_uid,
                    permission=str(permission),
                    **{f"{kind}_id": grantee_id},
                )
            )
        try:
            session.flush()
        except IntegrityError:
            return 409, "that grant already exists"
    return 200, f"shared with {kind} {name} ({permission})"


def leave(engine: Engine, caller: User, account_uid: str) -> tuple[int, str]:
    """Drop the caller's own direct grant for ``account_uid``; (HTTP status, message).

    Refused when the caller owns the account (leaving would orphan it: the owner revokes the
    others' grants instead) or would keep it through a team, territory or as a manager (the
    laptop would only receive it again; the owner or an admin must take that grant back).
    """
    through_team = 409, "you have this account through a team or territory; ask its owner"
    with Session(engine) as session:
        session.begin()
        grants = session.scalars(
            select(Grant).where(Grant.account_uid == account_uid).order_by(Grant.id)
        ).all()
        mine = [g for g in grants if g.user_id == caller.id]
        if not mine:
            if account_uid in permissions(session, caller.id):
                return through_team
            return 404, "this account is not shared with you"
        if grants[0].user_id == caller.id and grants[0].permission == WRITE:
            return 409, "you own this account; take back the others' grants instead"
        for grant in mine:
            session.delete(grant)
        session.flush()
        if account_uid in permissions(session, caller.id):
            session.rollback()
            return through_team
        session.commit()
    return 200, "left"
