"""The quick schema check (desktop/services/bundle_schema.py) never says yes where the full
JSON Schema validator finds a problem.

The demo account's bundle (every kind of row) is altered the way a broken or hostile bundle
would be (1,000 altered bundles): a value replaced by an odd one of any JSON kind, a key
dropped or added, a list emptied; whenever the quick check passes the result, ``jsonschema``
must find nothing wrong with it.
And it passes the untouched bundle, or it would never save anything.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from desktop.export.bundle import bundle_dict
from desktop.services.bundle_checks import _quick_check, _validator
from desktop.services.bundle_read import check_document
from desktop.services.demo import load_demo

ODD_VALUES = [None, True, False, 0, -1, 1.5, 2**70, "", "yes", "email", "ours", "x" * 501]
ODD_VALUES += ["2026-13-40", "callbrief-bundle", [], [1], {}, {"uid": "a"}, "0" * 32]


def _value(rng: random.Random) -> Any:
    if rng.random() < 0.2:
        return [_value(rng)] if rng.random() < 0.5 else {"k": _value(rng)}
    return copy.deepcopy(rng.choice(ODD_VALUES))


@pytest.fixture(scope="module")
def demo_bundle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from desktop.store.database import open_database

    db = open_database(tmp_path_factory.mktemp("demo") / "callbrief.sqlite3")
    try:
        return bundle_dict(db, load_demo(db))
    finally:
        db.engine.dispose()


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (dict keys and list indexes)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _places(item, (*path, index))
    return found


def test_the_untouched_bundle_passes_the_quick_check(demo_bundle):
    quick = _quick_check()
    assert quick is not None and quick(demo_bundle)
    assert not list(_validator().iter_errors(demo_bundle))
    assert check_document(demo_bundle).problems == []


@pytest.mark.parametrize("seed", range(40))
def test_an_altered_bundle_passes_the_quick_check_only_if_the_schema_agrees(demo_bundle, seed):
    rng = random.Random(seed)
    places = _places(demo_bundle)[1:]
    quick = _quick_check()
    assert quick is not None
    for _ in range(25):
        doc = copy.deepcopy(demo_bundle)
        for path in rng.sample(places, rng.randint(1, 3)):
            try:
                parent = doc
                for step in path[:-1]:
                    parent = parent[step]
                last = path[-1]
                action = rng.choice(["replace", "drop", "add", "empty"])
                if action == "replace":
                    parent[last] = _value(rng)
                elif action == "drop":
                    del parent[last]
                elif action == "add" and isinstance(parent, dict):
                    parent[rng.choice(["uid", "extra", "name", "notes"])] = _value(rng)
                elif action == "empty" and isinstance(parent[last], list):
                    parent[last] = []
            except (KeyError, IndexError, TypeError):
                continue  # an earlier change removed this place
        errors = list(_validator().iter_errors(doc))
        if quick(doc):
            assert errors == [], [e.message for e in errors]
