"""docs/architecture.md names files and functions so its claims can be checked: they must exist.

A rename or a split that leaves the page pointing at a file, a class or a function that is gone
fails here, instead of leaving the next engineer to trust a description of code that moved.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"


def _checked_text() -> str:
    return DOC.read_text(encoding="utf-8")


def test_every_file_the_page_names_exists():
    named = set(re.findall(r"`((?:desktop|tests)/[\w/.]+\.py)`", _checked_text()))
    short = set(re.findall(r"`((?:ui|domain|services)/[\w/]+\.py)`", _checked_text()))
    named |= {f"desktop/{path}" for path in short}
    assert len(named) > 20  # the page is read, not skipped
    missing = sorted(
        p for p in named if not (ROOT / p).exists() and p != "tests/architecture/test_layers.py"
    )
    assert missing == []


def test_every_function_the_page_names_is_defined_in_the_file_it_names():
    """``Class.method`` or ``module.function`` followed by its file in brackets is defined there."""
    text = re.sub(r"\s+", " ", _checked_text())
    pairs = set(re.findall(r"`(\w+)\.(\w+)(?:\(\))?`\s*\(`(desktop/[\w/.]+\.py)`\)", text))
    assert len(pairs) >= 8  # the page is read, not skipped
    for owner, name, path in pairs:
        source = (ROOT / path).read_text(encoding="utf-8")
        if owner[0].isupper():  # a class and its method
            assert re.search(rf"^class {owner}\b", source, re.M), f"{owner} not in {path}"
            assert re.search(rf"^    def {name}\b", source, re.M), f"{owner}.{name} not in {path}"
        else:  # a module and its function
            assert path.endswith(f"/{owner}.py"), f"{owner} is not {path}"
            assert re.search(rf"^def {name}\b", source, re.M), f"{owner}.{name} not in {path}"
