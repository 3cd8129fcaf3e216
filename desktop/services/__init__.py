"""Use cases the UI and the command line call; the only code that opens transactions.

``Services`` (the bundle of every service) lives in ``registry.py`` and is imported on first
use: importing a light module of this package (``recovery``, ``start_view``, ``account_rows``)
must not pull in SQLAlchemy, so the window can paint before the ORM is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .registry import Services

__all__ = ["Services"]


def __getattr__(name: str) -> Any:
    if name == "Services":
        from .registry import Services

        return Services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
