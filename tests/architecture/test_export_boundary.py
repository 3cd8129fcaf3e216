"""Exports take data: ``desktop/export`` and ``desktop/services`` never import each other.

What they share — the decision map's data, an account's contacts as rows, the bundle format's
shape — lives in ``desktop/exchange``, which imports neither. The check reads every module's
imports with ``ast`` (absolute, relative, inside functions and under ``TYPE_CHECKING`` alike),
so a lazy import inside a function is caught as well as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path``, relative imports made absolute.

    ``from desktop import services`` counts as importing ``desktop.services``: one entry per
    import statement.
    """
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # "from desktop import services" imports desktop.services: name it so.
            named = [f"{target}.{alias.name}" for alias in node.names]
            crossing = [n for n in named if n.startswith(("desktop.services", "desktop.export"))]
            out.append((node.lineno, crossing[0] if crossing else target))
    return out


def crossings(root: Path, source: str, forbidden: tuple[str, ...]) -> list[str]:
    """Each import under ``root/<source>`` of a module in (or below) one of ``forbidden``."""
    found = []
    for path in sorted((root / source).rglob("*.py")):
        for line, target in imported_modules(path, root):
            if any(target == f or target.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(root.parent)}:{line} imports {target}")
    return found


def test_nothing_under_export_imports_the_services():
    assert crossings(DESKTOP, "export", ("desktop.services",)) == []


def test_nothing_under_services_imports_an_exporter():
    assert crossings(DESKTOP, "services", ("desktop.export",)) == []


def test_the_shared_data_imports_neither_side():
    forbidden = ("desktop.services", "desktop.export", "desktop.ui", "PySide6")
    assert crossings(DESKTOP, "exchange", forbidden) == []


@pytest.mark.parametrize(
    ("source", "text", "forbidden"),
    [
        ("export", "from desktop.services import fields\n", "desktop.services"),
        ("export", "def f():\n    from ..services import decision_map\n", "desktop.services"),
        ("services", "from desktop.export.bundle import LAYOUT\n", "desktop.export"),
        ("services", "from desktop import export\n", "desktop.export"),
        ("services", "import desktop.export.contacts as c\n", "desktop.export"),
    ],
)
def test_the_check_sees_every_way_of_crossing(tmp_path, source, text, forbidden):
    # The same check over a copy of the layout holding one offending module: it must be found,
    # however the import is written (absolute, relative, lazy, "from desktop import x").
    root = tmp_path / "desktop"
    (root / source).mkdir(parents=True)
    (root / source / "offender.py").write_text(text, encoding="utf-8")
    found = crossings(root, source, (forbidden,))
    assert len(found) == 1 and found[0].startswith(f"desktop/{source}/offender.py:")
