"""Accounts of people, their passwords and tokens, and who may open which room.

Passwords are hashed with Argon2id (argon2-cffi's defaults). Tokens are 256-bit random strings
handed to the client once; the server keeps only their SHA-256 digest (a token has enough
entropy that a fast hash is safe, unlike a password). Access tokens live minutes, refresh tokens
days; a refresh token is used once and replaced (rotation), so a stolen one is noticed.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, or_, select, update
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

    def refresh(self, refresh_token: str) -> TokenPair | None:
        """Trade a valid refresh token for a new pair; the old one can never be used again."""
        now = self.clock()
        with Session(self.engine) as session, session.begin():
            row = session.execute(
                update(Token)
                .where(
                    Token.digest == digest(refresh_token),
                    Token.kind == "refresh",
                    Token.revoked.is_(False),
                    Token.expires_at > now,
                )
                .values(revoked=True)
                .returning(Token.user_id)
            ).first()
            if row is None:
                return None
            user = session.get(User, row.user_id)
            if user is None or user.disabled:
                return None
            return self._issue(session, user.id)

    def user_for(self, access_token: str) -> User | None:
        """The enabled user an unexpired, unrevoked access token belongs to, else None."""
        with Session(self.engine) as session:
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

    def _issue(self, session: Session, user_id: int) -> TokenPair:
        now = self.clock()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
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


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def permissions(session: Session, user_id: int) -> dict[str, str]:
    """Every account uid the user may open, with ``read`` or ``write`` (the stronger wins).

    A grant reaches a user directly, through a team they belong to, or through a territory they
    belong to. A team's manager also reads every account granted to the team, to one of its
    territories or to one of its members.
    """
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
    for (uid,) in session.execute(overseen):
        result.setdefault(uid, READ)
    return result


def permission_for(engine: Engine, user_id: int, account_uid: str) -> str | None:
    """``read``, ``write`` or None for one account (checked on every connect)."""
    with Session(engine) as session:
        return permissions(session, user_id).get(account_uid)
