"""``callbrief-server``: set up the database, manage people and grants, and serve.

    callbrief-server --config server.toml init
    callbrief-server --config server.toml add-user NAME [--password-file FILE]   # else stdin
    callbrief-server --config server.toml add-team NAME [--member USER]... [--manager USER]...
    callbrief-server --config server.toml add-territory NAME [--team TEAM] [--member USER]...
    callbrief-server --config server.toml add-member USER (--team T [--manager] | --territory X)
    callbrief-server --config server.toml remove-member USER (--team T | --territory X)
    callbrief-server --config server.toml grant ACCOUNT_UID (--user U | --team T | --territory X)
                                          [--permission read|write]
    callbrief-server --config server.toml revoke ACCOUNT_UID (--user U | --team T | --territory X)
    callbrief-server --config server.toml serve

A password is read from a file or standard input, never from the command line, where every
other user of the machine could see it in the process list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.auth import hash_password
from server.config import Config, ConfigError, load_config
from server.db import (
    READ,
    WRITE,
    Grant,
    Team,
    TeamMember,
    Territory,
    TerritoryMember,
    User,
    make_engine,
)
from server.migrate import upgrade

T = TypeVar("T")


class CommandError(Exception):
    """A plain message for the admin; the command exits with status 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="callbrief-server", description=__doc__.split("\n")[0], allow_abbrev=False
    )
    # No abbreviated options anywhere: "--password x" must not pass for "--password-file x".
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("server.toml"),
        help="the server's TOML configuration (default: ./server.toml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", allow_abbrev=False, help="create or upgrade the database schema")
    add_user = commands.add_parser(
        "add-user", allow_abbrev=False, help="add a user (password from a file or stdin)"
    )
    add_user.add_argument("username")
    add_user.add_argument(
        "--password-file",
        type=Path,
        help="a file whose first line is the password (default: stdin)",
    )
    add_team = commands.add_parser(
        "add-team", allow_abbrev=False, help="add a team with members and managers"
    )
    add_team.add_argument("name")
    add_team.add_argument("--member", action="append", default=[])
    add_team.add_argument("--manager", action="append", default=[])
    territory = commands.add_parser(
        "add-territory", allow_abbrev=False, help="add a territory with members"
    )
    territory.add_argument("name")
    territory.add_argument("--team")
    territory.add_argument("--member", action="append", default=[])
    add_member = commands.add_parser(
        "add-member",
        allow_abbrev=False,
        help="add a user to an existing team or territory (or make a member a team manager)",
    )
    add_member.add_argument("username")
    into = add_member.add_mutually_exclusive_group(required=True)
    into.add_argument("--team")
    into.add_argument("--territory")
    add_member.add_argument(
        "--manager", action="store_true", help="as a manager of the team (reads its accounts)"
    )
    remove_member = commands.add_parser(
        "remove-member",
        allow_abbrev=False,
        help="take a user out of a team or territory; connections it allowed close within seconds",
    )
    remove_member.add_argument("username")
    out_of = remove_member.add_mutually_exclusive_group(required=True)
    out_of.add_argument("--team")
    out_of.add_argument("--territory")
    grant = commands.add_parser(
        "grant", allow_abbrev=False, help="share one account with a user, team or territory"
    )
    grant.add_argument("account_uid")
    who = grant.add_mutually_exclusive_group(required=True)
    who.add_argument("--user")
    who.add_argument("--team")
    who.add_argument("--territory")
    grant.add_argument("--permission", choices=[READ, WRITE], default=WRITE)
    revoke = commands.add_parser(
        "revoke",
        allow_abbrev=False,
        help="take back one grant; open connections it allowed close within seconds",
    )
    revoke.add_argument("account_uid")
    whom = revoke.add_mutually_exclusive_group(required=True)
    whom.add_argument("--user")
    whom.add_argument("--team")
    whom.add_argument("--territory")
    commands.add_parser("serve", allow_abbrev=False, help="run the server (uvicorn) as configured")
    return parser


def _read_password(path: Path | None) -> str:
    try:
        raw = path.read_text(encoding="utf-8") if path else sys.stdin.read()
    except OSError as error:
        raise CommandError(f"Cannot read the password file: {error.strerror}") from error
    password = raw.splitlines()[0] if raw.splitlines() else ""
    if len(password) < 8:
        raise CommandError("The password must have at least 8 characters.")
    return password


def _named(session: Session, model: type[T], value: str, what: str) -> T:
    """The user, team or territory with this name (users by username), or a plain error."""
    column = model.username if model is User else model.name  # type: ignore[attr-defined]  # T is User, Team or Territory; each has the column
    row = session.scalar(select(model).where(column == value))
    if row is None:
        raise CommandError(f"No {what} named {value!r}.")
    return row


def _user(session: Session, name: str) -> User:
    return _named(session, User, name, "user")


def run(config: Config, args: argparse.Namespace) -> str:
    """Carry out one admin command; returns what to print."""
    if args.command == "serve":
        from server.serve import serve

        serve(config)
        return ""
    engine = make_engine(config.database_url)
    try:
        if args.command == "init":
            upgrade(engine)
            return "The database schema is up to date."
        with Session(engine) as session, session.begin():
            return _change(session, args)
    except IntegrityError as error:
        raise CommandError("That already exists.") from error
    finally:
        engine.dispose()


def _change(session: Session, args: argparse.Namespace) -> str:
    if args.command == "add-user":
        password = _read_password(args.password_file)
        session.add(
            User(
                username=args.username,
                password_hash=hash_password(password),
                disabled=False,
                created_at=datetime.now(UTC),
            )
        )
        return f"User {args.username} added."
    if args.command == "add-team":
        team = Team(name=args.name)
        session.add(team)
        session.flush()
        managers = set(args.manager)
        for name in dict.fromkeys([*args.member, *args.manager]):
            session.add(
                TeamMember(
                    team_id=team.id, user_id=_user(session, name).id, is_manager=name in managers
                )
            )
        return f"Team {args.name} added."
    if args.command == "add-territory":
        team_id = _named(session, Team, args.team, "team").id if args.team else None
        territory = Territory(name=args.name, team_id=team_id)
        session.add(territory)
        session.flush()
        for name in dict.fromkeys(args.member):
            session.add(TerritoryMember(territory_id=territory.id, user_id=_user(session, name).id))
        return f"Territory {args.name} added."
    if args.command == "revoke":
        return _revoke(session, args)
    if args.command == "add-member":
        return _add_member(session, args)
    if args.command == "remove-member":
        return _remove_member(session, args)
    assert args.command == "grant"
    grant = Grant(account_uid=args.account_uid, permission=args.permission)
    if args.user:
        grant.user_id = _user(session, args.user).id
    elif args.team:
        grant.team_id = _named(session, Team, args.team, "team").id
    else:
        grant.territory_id = _named(session, Territory, args.territory, "territory").id
    session.add(grant)
    who = args.user or args.team or args.territory
    return f"Account {args.account_uid} shared with {who} ({args.permission})."


def _membership(
    session: Session, args: argparse.Namespace
) -> tuple[User, int, TeamMember | TerritoryMember | None, str]:
    """The user, the id of the team or territory named, the user's membership of it (None if
    not a member), and how to name that group in a message."""
    user = _user(session, args.username)
    if args.team:
        team_id = _named(session, Team, args.team, "team").id
        return user, team_id, session.get(TeamMember, (team_id, user.id)), f"team {args.team}"
    territory_id = _named(session, Territory, args.territory, "territory").id
    in_territory = session.get(TerritoryMember, (territory_id, user.id))
    return user, territory_id, in_territory, f"territory {args.territory}"


def _add_member(session: Session, args: argparse.Namespace) -> str:
    if args.manager and not args.team:
        raise CommandError("--manager goes with --team: a territory has members only.")
    user, group_id, member, where = _membership(session, args)
    if isinstance(member, TeamMember) and args.manager and not member.is_manager:
        member.is_manager = True
        return f"{args.username} is now a manager of {where}."
    if member is not None:
        raise CommandError(f"{args.username} is already a member of {where}.")
    if args.team:
        session.add(TeamMember(team_id=group_id, user_id=user.id, is_manager=args.manager))
    else:
        session.add(TerritoryMember(territory_id=group_id, user_id=user.id))
    return f"{args.username} is now {'a manager' if args.manager else 'a member'} of {where}."


def _remove_member(session: Session, args: argparse.Namespace) -> str:
    _user_row, _group_id, member, where = _membership(session, args)
    if member is None:
        raise CommandError(f"{args.username} is not a member of {where}.")
    session.delete(member)
    return f"{args.username} is no longer a member of {where}."


def _revoke(session: Session, args: argparse.Namespace) -> str:
    if args.user:
        grantee = Grant.user_id == _user(session, args.user).id
    elif args.team:
        grantee = Grant.team_id == _named(session, Team, args.team, "team").id
    else:
        grantee = Grant.territory_id == _named(session, Territory, args.territory, "territory").id
    removed = session.execute(
        delete(Grant).where(Grant.account_uid == args.account_uid, grantee).returning(Grant.id)
    ).all()
    who = args.user or args.team or args.territory
    if not removed:
        raise CommandError(f"Account {args.account_uid} is not shared with {who}.")
    return f"Account {args.account_uid} no longer shared with {who}."


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
        message = run(config, args)
    except (ConfigError, CommandError) as error:
        print(error, file=sys.stderr)
        return 1
    if message:
        print(message)
    return 0
