"""The house's layering, read from the source with ``ast`` (nothing is imported):

- screens (desktop/ui/**) and the command line (desktop/cli.py) import no desktop.store module,
  anywhere: at the top, inside a function, or under ``TYPE_CHECKING``;
- they never use ``services.db`` and never publish a change themselves (services announce);
- desktop/domain imports neither Qt nor SQLAlchemy;
- nothing outside desktop/ui imports Qt widgets.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, root: Path = DESKTOP) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in ``path``, relative ones resolved; for
    ``from X import a`` both ``X`` and ``X.a`` (``a`` may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = _module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def _files(root: Path, *under: str) -> list[Path]:
    found: list[Path] = []
    for part in under:
        target = root / part
        found += [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def store_imports_in_screens(root: Path = DESKTOP) -> list[str]:
    return sorted(
        {
            f"{path.relative_to(root.parent)}:{line} imports {name}"
            for path in _files(root, "ui", "cli.py")
            for line, name in imports(path, root)
            if _within(name, "desktop.store")
        }
    )


def qt_or_sql_in_domain(root: Path = DESKTOP) -> list[str]:
    return [
        f"{path.relative_to(root.parent)}:{line} imports {name}"
        for path in _files(root, "domain")
        for line, name in imports(path, root)
        if _within(name, "PySide6") or _within(name, "sqlalchemy")
    ]


def widgets_outside_ui(root: Path = DESKTOP) -> list[str]:
    ui = root / "ui"
    return [
        f"{path.relative_to(root.parent)}:{line} imports {name}"
        for path in sorted(root.rglob("*.py"))
        if ui not in path.parents
        for line, name in imports(path, root)
        if _within(name, "PySide6.QtWidgets")
    ]


def door_bypasses(root: Path = DESKTOP) -> list[str]:
    """``services.db`` handed around, or a change published, by a screen or the CLI."""
    found: list[str] = []
    for path in _files(root, "ui", "cli.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = path.relative_to(root.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "db":
                owner = node.value
                name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if name == "services":
                    found.append(f"{where}:{node.lineno} uses services.db")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "publish":
                    found.append(f"{where}:{node.lineno} publishes a change itself")
    return sorted(found, key=lambda text: (text.split(":")[0], int(text.split(":")[1].split()[0])))


def test_screens_and_the_cli_import_no_store_module():
    assert store_imports_in_screens() == []


def test_screens_and_the_cli_go_through_the_services_door():
    assert door_bypasses() == []


def test_domain_imports_neither_qt_nor_sqlalchemy():
    assert qt_or_sql_in_domain() == []


def test_only_the_ui_imports_qt_widgets():
    assert widgets_outside_ui() == []


def test_the_checks_see_imports_hidden_in_functions_and_type_checking(tmp_path):
    """The scanner itself: an import inside a function, under TYPE_CHECKING, relative or
    ``from desktop import store`` is found; a comment or a string naming the store is not."""
    root = tmp_path / "desktop"
    (root / "ui" / "sub").mkdir(parents=True)
    (root / "domain").mkdir()
    (root / "export").mkdir()
    (root / "ui" / "sub" / "screen.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.store.models import Visit\n"
        "def f():\n"
        "    from ...store import crypto\n"
        "    import desktop.store.errors\n"
        "    from desktop import store\n"
        "    text = 'from desktop.store import x'  # desktop.store in a comment\n"
        "    services.db.close()\n"
        "    ctx.services.notifier.publish(None)\n",
        encoding="utf-8",
    )
    (root / "cli.py").write_text("import desktop.store.backups as b\n", encoding="utf-8")
    (root / "domain" / "rule.py").write_text(
        "def g():\n    from sqlalchemy import select\n    from PySide6 import QtCore\n",
        encoding="utf-8",
    )
    (root / "export" / "paint.py").write_text(
        "from PySide6.QtWidgets import QWidget\n", encoding="utf-8"
    )
    found = store_imports_in_screens(root)
    assert [line.split(" imports ")[0] for line in found] == [
        "desktop/cli.py:1",
        "desktop/ui/sub/screen.py:3",
        "desktop/ui/sub/screen.py:3",
        "desktop/ui/sub/screen.py:5",
        "desktop/ui/sub/screen.py:5",
        "desktop/ui/sub/screen.py:6",
        "desktop/ui/sub/screen.py:7",
    ]
    assert door_bypasses(root) == [
        "desktop/ui/sub/screen.py:9 uses services.db",
        "desktop/ui/sub/screen.py:10 publishes a change itself",
    ]
    assert len(qt_or_sql_in_domain(root)) == 4  # sqlalchemy(.select), PySide6(.QtCore)
    assert widgets_outside_ui(root) == [
        "desktop/export/paint.py:1 imports PySide6.QtWidgets",
        "desktop/export/paint.py:1 imports PySide6.QtWidgets.QWidget",
    ]
