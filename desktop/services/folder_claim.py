"""The data folder's claim for the window and the commands (see desktop/store/claim.py).

``shared`` is held by everything that opens the data file, for as long as it is open;
``exclusive`` by what replaces or converts it (restore, encrypt), which is refused while anyone
else holds the claim. The window and the command line take it here, not from the store.
"""

from __future__ import annotations

from desktop.store.claim import ClaimWaitError, exclusive, hold_shared, shared

__all__ = ["ClaimWaitError", "exclusive", "hold_shared", "shared"]
