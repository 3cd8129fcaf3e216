"""An account leaves this laptop: the rep left its share, or the team took the grant back.

Either way the data file is backed up first (``BackupService.back_up_now``, kind
``before-leave``, never rotated away), then the account, its document and its unsent updates
are deleted in one transaction (``TeamSyncService.remove``). The backup is the way back.

A lost grant is noticed from the server's list of granted accounts (the same list the room's
door checks: a room without a grant is refused with 403 at the handshake, and an open one is
closed with 4403). An account with local changes the server never acknowledged is *not*
deleted on a lost grant (edits made since the last sync are captured first, so they count):
those edits exist nowhere else (e.g. a share that failed half-way). It stops being shared and
stays on the laptop as a local account, and the rep is told.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from .client import ServerRefused, TeamConfig, TeamError, Unreachable, access_token, granted
from .engine import WRITE, SyncEngine

if TYPE_CHECKING:
    from desktop.services.registry import Services

log = logging.getLogger(__name__)
BACKUP_KIND = "before-leave"


@dataclass
class Removal:
    removed: list[str] = field(default_factory=list)  # account uids taken off this laptop
    kept: list[str] = field(default_factory=list)  # lost, but with unsent local changes
    backup: Path | None = None


def remove_accounts(services: Services, uids: list[str]) -> Removal:
    """Back the file up once, then remove each account (see the module docstring)."""
    result = Removal()
    if not uids:
        return result
    result.backup = services.backups.back_up_now(BACKUP_KIND).path
    for uid in uids:
        services.team_sync.remove(uid)
        result.removed.append(uid)
        log.info("sync: account %s removed from this laptop (backup %s)", uid, result.backup)
    return result


def drop_lost(services: Services, folder: Path, token: str | None = None) -> Removal:
    """Remove the shared accounts the server no longer grants this user (``token``: an access
    token this round already holds, else a new one)."""
    config = TeamConfig.load(folder)
    token = token or access_token(config, folder)
    still = granted(config, token)
    shared = services.team_sync.shared()
    lost = [uid for uid in shared if uid not in still]
    engine = SyncEngine(services.team_sync)
    for uid in lost:
        if shared[uid] == WRITE:
            engine.capture(uid)  # edits made since the last sync count as unsent too
    unsent = [uid for uid in lost if services.team_sync.pending(uid)]
    result = remove_accounts(services, [uid for uid in lost if uid not in unsent])
    result.kept = unsent
    for uid in unsent:
        services.team_sync.remove(uid, keep_rows=True)
        log.warning("sync: account %s is no longer shared with you but has unsent changes", uid)
    return result


def leave(services: Services, folder: Path, account_id: int) -> Removal:
    """Leave a shared account: the server drops this user's grant, then the laptop its copy."""
    uid = services.team_sync.account_uid(account_id)
    if uid is None or uid not in services.team_sync.shared():
        raise TeamError(f"Account {account_id} is not shared with this laptop.")
    config = TeamConfig.load(folder)
    token = access_token(config, folder)
    try:
        response = httpx.delete(
            f"{config.url}/accounts/{uid}/grants/me",
            headers={"Authorization": f"Bearer {token}"},
            verify=config.verify(),
            timeout=30,
        )
    except httpx.HTTPError as error:
        raise Unreachable(f"The team server cannot be reached ({error}).") from error
    # 404: the server has no grant for us any more (taken back already): leave locally too.
    if response.status_code not in (200, 404):
        reason = str(response.json().get("error"))
        raise ServerRefused(f"The team server refused: {reason}", response.status_code, reason)
    return remove_accounts(services, [uid])
