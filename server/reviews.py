"""Manager review of visit plans: comments on a plan's steps and a "reviewed" mark.

Kept on the server beside the grants, not in the account's CRDT document: a manager reads the
account (a read-only grant) and must not be able to change the rep's rows, and a comment is
the manager's own text, not a field of the plan.

  GET  /accounts/{uid}/reviews           anyone with a grant for the account
  POST /accounts/{uid}/reviews/comments  {"visit", "step", "text"}   a team manager who reads it
  POST /accounts/{uid}/reviews/marks     {"visit", "reviewed": bool} a team manager who reads it

``GET`` answers ``{"visits": {visit_uid: {"reviewed": {"by", "at"} | null,
"comments": [{"step", "text", "by", "at"}]}}}`` (comments oldest first).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from server.auth import permissions
from server.db import ReviewComment, ReviewMark, TeamMember, User

# The five steps of the visit model, and the plan as a whole.
STEPS = ("plan", "prepare", "open", "consult", "propose", "close")
VISIT_UID = re.compile(r"^[0-9a-fA-F-]{32,36}$")
MAX_TEXT = 2000


def _may_read(session: Session, user: User, account_uid: str) -> bool:
    return account_uid in permissions(session, user.id)


def _is_manager(session: Session, user: User) -> bool:
    query = select(TeamMember.team_id).where(
        TeamMember.user_id == user.id, TeamMember.is_manager.is_(True)
    )
    return session.scalar(query.limit(1)) is not None


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def reviews_for(engine: Engine, user: User, account_uid: str) -> tuple[int, dict[str, Any]]:
    with Session(engine) as session:
        if not _may_read(session, user, account_uid):
            return 403, {"error": "this account is not shared with you"}
        visits: dict[str, dict[str, Any]] = {}

        def entry(visit_uid: str) -> dict[str, Any]:
            return visits.setdefault(visit_uid, {"reviewed": None, "comments": []})

        marks = session.execute(
            select(ReviewMark, User.username)
            .join(User, User.id == ReviewMark.reviewer_id)
            .where(ReviewMark.account_uid == account_uid)
        )
        for mark, name in marks:
            entry(mark.visit_uid)["reviewed"] = {"by": name, "at": _stamp(mark.reviewed_at)}
        comments = session.execute(
            select(ReviewComment, User.username)
            .join(User, User.id == ReviewComment.author_id)
            .where(ReviewComment.account_uid == account_uid)
            .order_by(ReviewComment.id)
        )
        for comment, name in comments:
            entry(comment.visit_uid)["comments"].append(
                {
                    "step": comment.step,
                    "text": comment.text,
                    "by": name,
                    "at": _stamp(comment.created_at),
                }
            )
    return 200, {"visits": visits}


def _manager_check(session: Session, user: User, account_uid: str) -> tuple[int, str] | None:
    if not _may_read(session, user, account_uid):
        return 403, "this account is not shared with you"
    if not _is_manager(session, user):
        return 403, "only a team manager reviews visit plans"
    return None


def comment(
    engine: Engine, user: User, account_uid: str, body: dict[str, object], now: datetime
) -> tuple[int, str]:
    visit, step, text = body.get("visit"), body.get("step", "plan"), body.get("text")
    if not isinstance(visit, str) or not VISIT_UID.match(visit):
        return 400, "visit must be a visit plan's uid"
    if step not in STEPS:
        return 400, "step must be one of " + ", ".join(STEPS)
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        return 400, f"text must be 1 to {MAX_TEXT} characters"
    with Session(engine) as session, session.begin():
        if refused := _manager_check(session, user, account_uid):
            return refused
        session.add(
            ReviewComment(
                account_uid=account_uid,
                visit_uid=visit,
                step=str(step),
                text=text.strip(),
                author_id=user.id,
                created_at=now,
            )
        )
    return 200, "comment added"


def mark(
    engine: Engine, user: User, account_uid: str, body: dict[str, object], now: datetime
) -> tuple[int, str]:
    visit, reviewed = body.get("visit"), body.get("reviewed", True)
    if not isinstance(visit, str) or not VISIT_UID.match(visit):
        return 400, "visit must be a visit plan's uid"
    if not isinstance(reviewed, bool):
        return 400, "reviewed must be true or false"
    with Session(engine) as session, session.begin():
        if refused := _manager_check(session, user, account_uid):
            return refused
        session.execute(
            delete(ReviewMark).where(
                ReviewMark.account_uid == account_uid, ReviewMark.visit_uid == visit
            )
        )
        if reviewed:
            session.add(
                ReviewMark(
                    account_uid=account_uid, visit_uid=visit, reviewer_id=user.id, reviewed_at=now
                )
            )
    return 200, "marked reviewed" if reviewed else "mark taken back"
