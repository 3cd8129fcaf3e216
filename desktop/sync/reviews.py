"""The laptop's side of manager review: fetch each shared account's reviews, send a manager's
comment or mark (``callbrief review ...``). The server decides who may (server/reviews.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from .client import TeamConfig, TeamError, access_token

if TYPE_CHECKING:
    from desktop.services.registry import Services


def _call(config: TeamConfig, token: str, method: str, path: str, body: Any = None) -> Any:
    try:
        response = httpx.request(
            method,
            f"{config.url}{path}",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
            verify=config.verify(),
            timeout=30,
        )
    except httpx.HTTPError as error:
        raise TeamError(f"The team server cannot be reached ({error}).") from error
    answer = response.json()
    if response.status_code != 200:
        raise TeamError(f"The team server refused: {answer.get('error')}")
    return answer


def fetch_reviews(services: Services, folder: Path, token: str | None = None) -> int:
    """Bring every shared account's reviews into the data file; how many accounts changed."""
    config = TeamConfig.load(folder)
    token = token or access_token(config, folder)
    changed = 0
    for uid in services.team_sync.shared():
        answer = _call(config, token, "GET", f"/accounts/{uid}/reviews")
        changed += services.reviews.store(uid, answer["visits"])
    return changed


def send_review(services: Services, folder: Path, visit_id: int, what: str, body: Any) -> str:
    """Post a comment (``what="comments"``) or a mark (``"marks"``) on a visit plan, then
    refresh this laptop's copy of the account's reviews; the server's message."""
    found = services.reviews.uids(visit_id)
    if found is None:
        raise TeamError(f"There is no visit plan with id {visit_id}.")
    account_uid, visit_uid = found
    if account_uid not in services.team_sync.shared():
        raise TeamError("That visit plan's account is not shared with the team.")
    config = TeamConfig.load(folder)
    token = access_token(config, folder)
    path = f"/accounts/{account_uid}/reviews"
    answer = _call(config, token, "POST", f"{path}/{what}", {"visit": visit_uid, **body})
    services.reviews.store(account_uid, _call(config, token, "GET", path)["visits"])
    return str(answer["message"])
