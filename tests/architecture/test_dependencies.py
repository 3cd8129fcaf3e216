"""What the app imports is what ``make run`` installs.

``make run`` installs the package's own dependencies (``pip install -e .``), not the test or
server extras. A module the laptop imports, even lazily inside a function, that only an extra
brings fails on a rep's machine and nowhere in the test run, whose environment has every extra:
the Team menu's "Join a team…" needed pycrdt, httpx and httpx-ws, which only the test and
server extras installed.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _name(distribution: str) -> str:
    """A distribution's normalised name (PEP 503)."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _installed_with(extras: tuple[str, ...]) -> set[str]:
    """The project's dependencies and those of ``extras`` and, through the installed metadata,
    theirs (without their own extras)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + [
        r for e in extras for r in project["optional-dependencies"][e]
    ]
    wanted = [_name(Requirement(r).name) for r in lines]
    found: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name in found:
            continue
        found.add(name)
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)  # this machine's platform; no extras
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                wanted.append(_name(requirement.name))
    return found


def _imported_by(package: Path) -> dict[str, set[str]]:
    """Top-level third-party modules imported anywhere in ``package``, with where."""
    where: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("desktop", "server"):
                    where.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return where


@pytest.mark.parametrize(
    ("package", "extras"),
    [("desktop", ()), ("server", ("server",))],
    ids=["the app: pip install -e .", "the team server: pip install -e '.[server]'"],
)
def test_every_module_imported_is_installed_by_its_install_command(package, extras):
    installed = _installed_with(extras)
    providers = metadata.packages_distributions()
    missing = {
        module: sorted(paths)[:3]
        for module, paths in _imported_by(ROOT / package).items()
        if not {_name(d) for d in providers.get(module, [module])} & installed
    }
    assert not missing, f"imported by {package}/ but not installed with it: {missing}"
