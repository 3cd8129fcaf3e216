"""What the window can show before the services are open: the first page of accounts.

``StartView`` stands in for ``Services`` while SQLAlchemy loads on a worker thread: it has the
playbook and answers the account list's opening query (no filter, by name, first page) from rows
read with the stdlib driver (``desktop/store/start_view.py``). Any other query waits for the
real services; the list keeps its filters and sorting disabled until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.domain.playbook import Playbook
from desktop.store import start_view

from .account_rows import (
    AccountFilter,
    AccountRow,
    is_opening_query,
    open_stages,
    stage_at,
    stage_ranks,
)

PAGE = 200


class NotReadyError(RuntimeError):
    """A query the start view cannot answer: the caller waits for the real services."""


@dataclass(frozen=True)
class StartQueries:
    total: int
    rows: list[AccountRow]

    def count_accounts(self, flt: AccountFilter | None = None) -> int:
        self._only_default(flt, "name", False, 0)
        return self.total

    def account_rows(
        self,
        flt: AccountFilter | None = None,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = PAGE,
    ) -> list[AccountRow]:
        self._only_default(flt, sort, descending, offset)
        return self.rows[:limit]

    @staticmethod
    def _only_default(flt: AccountFilter | None, sort: str, descending: bool, offset: int) -> None:
        if offset or not is_opening_query(flt, sort, descending):
            raise NotReadyError("only the first page is known before the data file is open")


@dataclass(frozen=True)
class StartView:
    """Duck-types the parts of ``Services`` the first paint uses: ``playbook`` and ``queries``."""

    playbook: Playbook
    queries: StartQueries
    settings_values: dict[str, str]

    def setting(self, key: str, default: str = "") -> str:
        return self.settings_values.get(key, default)


def load_start_view(
    db_path: Path, playbook: Playbook, today: date | None = None
) -> StartView | None:
    """The first page of accounts by name, or None when the file needs the ordinary path."""
    ranks, still_open = stage_ranks(playbook), open_stages(playbook)
    page = start_view.read_first_page(db_path, ranks, still_open, today or date.today(), PAGE)
    if page is None:
        return None
    keys = playbook.keys("funnel_stages")
    rows = [
        AccountRow(
            r[0],
            r[1],
            r[2] or "",
            r[3] or "",
            r[4] or "",
            r[5],
            r[6] or "",
            stage_at(keys, r[7]),
            datetime.fromisoformat(r[8]) if r[8] else None,
        )
        for r in page.rows
    ]
    return StartView(playbook, StartQueries(page.total, rows), page.settings)
