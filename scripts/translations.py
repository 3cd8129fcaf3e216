"""Update and build the Chinese translation of the window.

    .venv/bin/python scripts/translations.py            # extract, then compile
    .venv/bin/python scripts/translations.py --check    # also fail if anything is untranslated
    .venv/bin/python scripts/translations.py --lint     # change nothing; fail if out of date

``--lint`` (run by ``make lint``) extracts into a scratch copy and fails when a string of the code
is missing from the committed catalogue or unfinished there, when the catalogue still holds
strings the code no longer has, or when the committed .qm is not what the .ts compiles to.

``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` string under
desktop/ui into resources/translations/callbrief_zh_CN.ts. It merges: translations already in
the file are kept, new strings are added as unfinished, strings no longer in the code are kept
but marked vanished (pass --drop-obsolete to remove them). ``pyside6-lrelease`` then compiles
the .qm that the app loads (desktop/ui/i18n.py). Fill in new strings with Qt Linguist or any
editor, then run this again to rebuild the .qm.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "ui"
TS = ROOT / "resources" / "translations" / "callbrief_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """The PySide6 tool next to this Python, else the one on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every current message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if message.get("numerus") == "yes" and translation is not None:
                # Plural strings keep their text in <numerusform> children, one per form.
                forms = translation.findall("numerusform")
                text = text if forms and all((f.text or "").strip() for f in forms) else ""
            if kind == "unfinished" or not text:
                missing.append((name, message.findtext("source", "")))
    return missing


def messages(ts: Path, *, vanished: bool) -> set[tuple[str, str]]:
    """(context, source) of the catalogue's current messages, or of its vanished ones."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if (kind in ("vanished", "obsolete")) == vanished:
                found.add((name, message.findtext("source", "")))
    return found


def update_command(ts: Path, *, drop_obsolete: bool) -> list[str]:
    command = [
        tool("pyside6-lupdate"),
        *sources(),
        "-source-language",
        "en",
        "-target-language",
        "zh_CN",
        "-locations",
        "relative",
        "-ts",
        str(ts),
    ]
    if drop_obsolete:
        command.insert(-2, "-no-obsolete")
    return command


def compile_command(ts: Path, qm: Path) -> list[str]:
    return [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]


def lint() -> list[str]:
    """What is out of date in the committed catalogue, changing nothing; empty when current."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / TS.name
        shutil.copy(TS, fresh)
        subprocess.run(
            update_command(fresh, drop_obsolete=False), cwd=ROOT, check=True, capture_output=True
        )
        committed = messages(TS, vanished=False)
        in_code = messages(fresh, vanished=False)
        problems += [f"not in the catalogue: [{c}] {s}" for c, s in sorted(in_code - committed)]
        problems += [f"no longer in the code: [{c}] {s}" for c, s in sorted(committed - in_code)]
        problems += [
            f"obsolete, drop it: [{c}] {s}" for c, s in sorted(messages(TS, vanished=True))
        ]
        problems += [f"untranslated: [{c}] {s}" for c, s in untranslated(TS)]
        compiled = Path(scratch) / QM.name
        subprocess.run(compile_command(TS, compiled), cwd=ROOT, check=True, capture_output=True)
        if not QM.exists() or not filecmp.cmp(compiled, QM, shallow=False):
            problems.append(f"{QM.relative_to(ROOT)} is not what the .ts compiles to: rebuild it")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    parser.add_argument("--drop-obsolete", action="store_true", help="remove vanished strings")
    parser.add_argument("--lint", action="store_true", help="change nothing; fail if out of date")
    args = parser.parse_args(argv)
    if args.lint:
        problems = lint()
        for problem in problems:
            print(problem)
        hint = "run: .venv/bin/python scripts/translations.py --drop-obsolete, then translate"
        print(f"{TS.relative_to(ROOT)}: " + ("up to date" if not problems else hint))
        return 1 if problems else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(update_command(TS, drop_obsolete=args.drop_obsolete), cwd=ROOT, check=True)
    subprocess.run(compile_command(TS, QM), cwd=ROOT, check=True)
    missing = untranslated(TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
