"""Writes of whole accounts: a colleague's bundle imported, the demo account loaded.

The importer (bundle_import.py) and the demo (demo.py) each write in one transaction of their
own; these services call them and, once that transaction has committed, announce the account
(and its visits) to every screen, with who asked: the screen or command in
``events.initiated_by``, else ``Origin.IMPORT`` / ``Origin.DEMO``. The window never announces a
change itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .events import Change, ChangeKind, Notifier, Origin, current_initiator

if TYPE_CHECKING:
    from desktop.domain.playbook import Playbook
    from desktop.store.database import Database

    from .bundle_import import ImportResult


class _AccountWriter:
    def __init__(self, db: Database, notifier: Notifier, playbook: Playbook | None = None) -> None:
        self._db = db
        self.notifier = notifier
        self.playbook = playbook  # the keys a bundle may use; the bundled playbook when None

    def _announce_account(self, account_id: int, default: Origin) -> None:
        initiator = current_initiator() or default
        self.notifier.publish(
            Change(ChangeKind.ACCOUNT, frozenset({account_id}), account_id, initiator=initiator)
        )
        # The account came with its visits: the upcoming list and the plans hear it too.
        self.notifier.publish(Change(ChangeKind.VISIT, account_id=account_id, initiator=initiator))


class BundleService(_AccountWriter):
    def import_file(self, src: Path) -> ImportResult:
        """Check ``src`` completely, then write its account in one transaction; BundleError
        (nothing written) if anything in it is wrong. Safe to call on a worker thread."""
        from .bundle_import import import_bundle

        result = import_bundle(self._db, src, self.playbook)
        self._announce_account(result.account_id, Origin.IMPORT)
        return result


class DemoService(_AccountWriter):
    def load(self, today: dt.date | None = None) -> int:
        """Create the bilingual demo account (one transaction); its id."""
        from .demo import load_demo

        account_id = load_demo(self._db, today=today)
        self._announce_account(account_id, Origin.DEMO)
        return account_id
