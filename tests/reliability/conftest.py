"""Fixtures of the reliability checks; sizes and figures are in reliability_support.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


@pytest.fixture
def demo_db(db_path):
    """A data file holding the demo account, closed."""
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    db = open_database(db_path)
    load_demo(db)
    db.close()
    return db_path
