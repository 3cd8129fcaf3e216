"""Joining a team, sharing an account and leaving a share: the one path for the command line
(desktop/cli_team.py) and the window's Team menu (desktop/ui/team_menu.py).

Each refusal the rep can act on is a ``TeamRefused``: its English message for the terminal, a
``reason`` the window words in the rep's language, and the ``field`` of the dialog it concerns
(the server's address, the password, the name of the teammate, team or territory…). A refused
join or share writes nothing: ``team.json`` is saved only once the server accepted the login, and
an account becomes shared on this laptop only once the server granted it to the teammate, team or
territory.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from .client import (
    CONFIG_NAME,
    AuthRefused,
    ServerRefused,
    TeamConfig,
    TeamError,
    Unreachable,
    access_token,
    grant,
    login,
)
from .engine import SyncEngine
from .leaving import Removal, leave

if TYPE_CHECKING:
    from desktop.services.registry import Services

__all__ = [
    "KINDS",
    "Removal",
    "TeamRefused",
    "is_joined",
    "is_shared",
    "join",
    "leave_share",
    "share",
]

# Fields a refusal points at (the dialogs show the message next to that field).
URL, USER, PASSWORD, CA_FILE, GRANTEE, ACCOUNT = (
    "url",
    "user",
    "password",
    "ca_file",
    "grantee",
    "account",
)


class TeamRefused(TeamError):
    """A join, share or leave that did not happen; nothing was written.

    ``reason`` (one of the names below) lets the window say it in the rep's language;
    ``detail`` is the server's or the network's own words, for the log and support."""

    def __init__(self, message: str, reason: str, field: str, detail: str = "") -> None:
        super().__init__(message)
        self.reason, self.field, self.detail = reason, field, detail


def is_joined(folder: Path) -> bool:
    """This laptop has joined a team (``team.json`` in the data folder)."""
    return (folder / CONFIG_NAME).exists()


def is_shared(services: Services, account_id: int) -> bool:
    """The account is mirrored with the team on this laptop."""
    uid = services.team_sync.account_uid(account_id)
    return uid is not None and uid in services.team_sync.shared()


def join(
    folder: Path, url: str, user: str, password: str, ca_file: str | None = None
) -> TeamConfig:
    """Log in to the team server at ``url`` and keep the login in ``team.json``.

    A bare host name gets ``https://``. Refused (``TeamRefused``, nothing saved): an empty
    field, an address that is not one, a server that cannot be reached or whose certificate
    is not trusted, a wrong user name or password, too many failed logins."""
    url, user = url.strip(), user.strip()
    if not url:
        raise TeamRefused("Enter the team server's address.", "url_missing", URL)
    if "://" not in url:
        url = "https://" + url
    if not user:
        raise TeamRefused("Enter your user name on the team server.", "user_missing", USER)
    if not password:
        raise TeamRefused("Enter your password.", "password_missing", PASSWORD)
    if ca_file:
        ca_file = str(Path(ca_file).expanduser().resolve())
        try:
            ssl.create_default_context(cafile=ca_file)
        except (OSError, ssl.SSLError) as error:
            message = f"The certificate file {ca_file} cannot be used ({error})."
            raise TeamRefused(message, "ca_file", CA_FILE, str(error)) from error
    try:
        config = login(url, user, password, ca_file)
    except AuthRefused as error:
        message = "The team server refused the login: wrong user name or password."
        raise TeamRefused(message, "password", PASSWORD) from error
    except Unreachable as error:
        raise _unreachable(error, url) from error
    except ServerRefused as error:
        if error.status == 429:
            raise TeamRefused(str(error), "too_many", PASSWORD, str(error)) from error
        raise TeamRefused(str(error), "server", URL, str(error)) from error
    config.save(folder)
    return config


def _unreachable(error: Unreachable, url: str) -> TeamRefused:
    """Why the server did not answer: a bad address, an untrusted certificate, the network."""
    cause = error.__cause__
    if isinstance(cause, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return TeamRefused(f"{url} is not a team server's address.", "url_invalid", URL)
    chain: list[BaseException] = []
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in chain) or any(
        "CERTIFICATE_VERIFY_FAILED" in str(c) for c in chain
    ):
        message = f"The certificate of {url} is not trusted by this laptop ({error.__cause__})."
        return TeamRefused(message, "certificate", CA_FILE, str(error.__cause__))
    return TeamRefused(str(error), "unreachable", URL, str(error.__cause__))


# Whom an account can be shared with, in the order a bare name is tried (the server's body keys).
KINDS = ("user", "team", "territory")
_WORDS = {"user": "teammate", "team": "team", "territory": "territory"}


def share(
    services: Services,
    folder: Path,
    account_id: int,
    grantee: str,
    *,
    read_only: bool = False,
    kind: str | None = None,
) -> str:
    """Share the account with the teammate (user name), team or territory named ``grantee``;
    the server's words ("shared with user bo (write)"). ``kind`` ("user", "team" or
    "territory") says which; without it the name is tried as a user, then a team, then a
    territory (the server's 404 moves on to the next). The account is mirrored here only once
    the server granted it; the next sync sends it."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    kinds = KINDS if kind is None else (kind,)
    grantee = grantee.strip()
    if not grantee:
        raise TeamRefused(_ask_for(kind), "grantee_missing", GRANTEE)
    uid = services.team_sync.account_uid(account_id)
    if uid is None:
        raise TeamRefused(f"There is no account with id {account_id}.", "no_account", ACCOUNT)
    config = TeamConfig.load(folder)
    token = access_token(config, folder)
    permission = "read" if read_only else "write"
    try:
        message = _grant_first_known(config, token, uid, kinds, grantee, permission)
    except ServerRefused as error:
        if error.status == 404:
            text = f"The team server has no {_named(kind)} named {grantee}."
            reason = "unknown_name" if kind is None else f"unknown_{kind}"
            raise TeamRefused(text, reason, GRANTEE, error.reason) from error
        if error.status == 403:
            raise TeamRefused(str(error), "not_owner", ACCOUNT, error.reason) from error
        raise TeamRefused(str(error), "server", GRANTEE, error.reason) from error
    except Unreachable as error:
        raise TeamRefused(str(error), "unreachable", GRANTEE, str(error.__cause__)) from error
    SyncEngine(services.team_sync).start_sharing(account_id)
    return message


def _grant_first_known(
    config: TeamConfig, token: str, uid: str, kinds: tuple[str, ...], name: str, permission: str
) -> str:
    """Grant to the first of ``kinds`` the server knows ``name`` as; its 404 for the last."""
    for number, kind in enumerate(kinds):
        try:
            return grant(config, token, uid, {kind: name, "permission": permission})
        except ServerRefused as error:
            if error.status != 404 or number == len(kinds) - 1:
                raise
    raise AssertionError("no kind to try")  # kinds is never empty


def _named(kind: str | None) -> str:
    """How ``kind`` is said: teammate, team, territory, or all three for a name of any kind."""
    return _WORDS[kind] if kind is not None else "teammate, team or territory"


def _ask_for(kind: str | None) -> str:
    if kind is None:
        return "Name a teammate, a team or a territory."
    return f"Name a {_WORDS[kind]}."


def leave_share(services: Services, folder: Path, account_id: int) -> Removal:
    """Leave a shared account: the server drops this user's grant, then the account leaves this
    laptop after a backup (desktop/sync/leaving.py)."""
    try:
        return leave(services, folder, account_id)
    except ServerRefused as error:
        reason = "owner" if error.status == 409 else "server"
        raise TeamRefused(str(error), reason, ACCOUNT, error.reason) from error
    except Unreachable as error:
        raise TeamRefused(str(error), "unreachable", ACCOUNT, str(error.__cause__)) from error
