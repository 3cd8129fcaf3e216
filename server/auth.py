"""Accounts of people, their passwords and tokens, and who may open which room.

Passwords are hashed with Argon2id (argon2-cffi's defaults). Tokens are 256-bit random strings
handed to the client once; the server keeps only their SHA-256 digest (a token has enough
entropy that a fast hash is safe, unlike a password). Access tokens live minutes, refresh tokens
days; a refresh token is used once and replaced (rotation), so a stolen one is noticed.

A laptop may propose the refresh token it wants next (``next_refresh_token``), after writing it
to its own disk: if the laptop dies between our commit and its saving our answer (lid closed,
power lost, a SIGKILL), it still knows the token we registered and stays logged in, where a
token of our choosing would have been lost with the answer and the rep locked out.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeGuard

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.orm import Session

from server.db import READ, WRITE, Grant, TeamMember, Territory, TerritoryMember, Token, User

Clock = Callable[[], datetime]
HASHER = PasswordHasher()
# Verified against when the user does not exist, so that a wrong name costs as long as a wrong
# password and the response time does not tell which names exist.
_DUMMY_HASH = HASHER.hash("no such user")


def utc_now() -> datetime:
    return datetime.now(UTC)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds until the access token expires


@dataclass(frozen=True)
class Authority:
    """Issues and checks tokens against the database, with an injectable clock for tests."""

    engine: Engine
    access_ttl: timedelta
    refresh_ttl: timedelta
    clock: Clock = utc_now

    def login(self, username: str, password: str) -> TokenPair | None:
        """A new token pair for a correct name and password of an enabled user, else None."""
        with Session(self.engine) as session, session.begin():
            user = session.scalar(select(User).where(User.username == username))
            stored = user.password_hash if user is not None else _DUMMY_HASH
            try:
                HASHER.verify(stored, password)
            except (VerificationError, InvalidHashError):
                return None
            if user is None or user.disabled:
                return None
            if HASHER.check_needs_rehash(stored):
                user.password_hash = HASHER.hash(password)
            # Expired tokens are swept at login, which bounds the table without a cron job.
            session.execute(delete(Token).where(Token.expires_at < self.clock()))
            return self._issue(session, user.id)

    def refresh(self, refresh_token: str, proposed: str | None = None) -> TokenPair | None:
        """Trade a valid refresh token for a new pair; the old one can never be used again.

        ``proposed`` (checked by ``acceptable_proposal``) becomes the new refresh token; a
        proposal that is already a token is refused with the old one left unspent."""
        now = self.clock()
        with Session(self.engine) as session, session.begin():
            if proposed is not None and session.get(Token, digest(proposed)) is not None:
                return None
            # The spent token is deleted, not marked: a laptop refreshes every sync round, and
            # marked rows would pile up for the refresh lifetime (30 days) between logins.
            row = session.execute(
                delete(Token)
                .where(
                    Token.digest == digest(refresh_token),
                    Token.kind == "refresh",
                    Token.revoked.is_(False),
                    Token.expires_at > now,
                )
                .returning(Token.user_id)
            ).first()
            if row is None:
                return None
            user = session.get(User, row.user_id)
            if user is None or user.disabled:
                return None
            # The user's expired access tokens go too (by the user_id index): the table holds
            # what is live, whatever the time between logins.
            session.execute(delete(Token).where(Token.user_id == user.id, Token.expires_at < now))
            return self._issue(session, user.id, proposed)

    def user_for(self, access_token: str) -> User | None:
        """The enabled user an unexpired, unrevoked access token belongs to, else None."""
        with Session(self.engine) as session:
            return self._user_for(session, access_token)

    def room_access(self, access_token: str, account_uid: str) -> tuple[User | None, str | None]:
        """The token's user and their permission on one account (None when there is none), on
        one pooled connection: what a laptop opening a room needs."""
        with Session(self.engine) as session:
            user = self._user_for(session, access_token)
            if user is None:
                return None, None
            return user, permissions(session, user.id, only=[account_uid]).get(account_uid)

    def _user_for(self, session: Session, access_token: str) -> User | None:
        user = session.scalar(
            select(User)
            .join(Token, Token.user_id == User.id)
            .where(
                Token.digest == digest(access_token),
                Token.kind == "access",
                Token.revoked.is_(False),
                Token.expires_at > self.clock(),
                User.disabled.is_(False),
            )
        )
        if user is not None:
            session.expunge(user)
        return user

    def live_tokens(self, access_tokens: set[str]) -> set[str]:
        """Those of ``access_tokens`` that ``user_for`` would still accept (a few queries for
        any number of open connections)."""
        by_digest = {digest(token): token for token in access_tokens}
        wanted = sorted(by_digest)
        live: set[str] = set()
        with Session(self.engine) as session:
            for start in range(0, len(wanted), 1000):
                found = session.scalars(
                    select(Token.digest)
                    .join(User, Token.user_id == User.id)
                    .where(
                        Token.digest.in_(wanted[start : start + 1000]),
                        Token.kind == "access",
                        Token.revoked.is_(False),
                        Token.expires_at > self.clock(),
                        User.disabled.is_(False),
                    )
                )
                live.update(by_digest[d] for d in found)
        return live

    def _issue(self, session: Session, user_id: int, refresh: str | None = None) -> TokenPair:
        now = self.clock()
        access, refresh = secrets.token_urlsafe(32), refresh or secrets.token_urlsafe(32)
        session.add_all(
            [
                Token(
                    digest=digest(access),
                    kind="access",
                    user_id=user_id,
                    expires_at=now + self.access_ttl,
                    revoked=False,
                ),
                Token(
                    digest=digest(refresh),
                    kind="refresh",
                    user_id=user_id,
                    expires_at=now + self.refresh_ttl,
                    revoked=False,
                ),
            ]
        )
        return TokenPair(access, refresh, int(self.access_ttl.total_seconds()))


def acceptable_proposal(token: object) -> TypeGuard[str]:
    """A refresh token a laptop proposes must be as hard to guess as one of ours: at least 43
    URL-safe characters (``secrets.token_urlsafe(32)``, 256 bits), at most 128."""
    return isinstance(token, str) and _PROPOSAL.fullmatch(token) is not None


_PROPOSAL = re.compile(r"[A-Za-z0-9_-]{43,128}")


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def permissions(
    session: Session, user_id: int, only: Collection[str] | None = None
) -> dict[str, str]:
    """Every account uid the user may open, with ``read`` or ``write`` (the stronger wins);
    with ``only``, just those of these accounts (what a connection check needs: reading every
    grant of a user with 10,000 accounts for each of them made the checks quadratic).

    A grant reaches a user directly, through a team they belong to, or through a territory they
    belong to. A team's manager also reads every account granted to the team, to one of its
    territories or to one of its members.
    """
    if only is not None:
        wanted = sorted(only)
        result: dict[str, str] = {}
        for start in range(0, len(wanted), 5000):
            result.update(_permissions(session, user_id, wanted[start : start + 5000]))
        return result
    return _permissions(session, user_id, None)


def _permissions(session: Session, user_id: int, only: list[str] | None) -> dict[str, str]:
    teams = select(TeamMember.team_id).where(TeamMember.user_id == user_id)
    territories = select(TerritoryMember.territory_id).where(TerritoryMember.user_id == user_id)
    result: dict[str, str] = {}
    direct = select(Grant.account_uid, Grant.permission).where(
        or_(
            Grant.user_id == user_id,
            Grant.team_id.in_(teams),
            Grant.territory_id.in_(territories),
        )
    )
    if only is not None:
        direct = direct.where(Grant.account_uid.in_(only))
    for uid, permission in session.execute(direct):
        if result.get(uid) != WRITE:
            result[uid] = permission
    managed = select(TeamMember.team_id).where(
        TeamMember.user_id == user_id, TeamMember.is_manager.is_(True)
    )
    members = select(TeamMember.user_id).where(TeamMember.team_id.in_(managed))
    managed_territories = select(Territory.id).where(Territory.team_id.in_(managed))
    member_territories = select(TerritoryMember.territory_id).where(
        TerritoryMember.user_id.in_(members)
    )
    overseen = select(Grant.account_uid).where(
        or_(
            Grant.team_id.in_(managed),
            Grant.user_id.in_(members),
            Grant.territory_id.in_(managed_territories),
            Grant.territory_id.in_(member_territories),
        )
    )
    if only is not None:
        overseen = overseen.where(Grant.account_uid.in_(only))
    for (uid,) in session.execute(overseen):
        result.setdefault(uid, READ)
    return result
