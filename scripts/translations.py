"""Update and build the Chinese translation of the window.

    .venv/bin/python scripts/translations.py            # extract, then compile
    .venv/bin/python scripts/translations.py --check    # also fail if anything is untranslated

``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` string under
desktop/ui into resources/translations/callbrief_zh_CN.ts. It merges: translations already in
the file are kept, new strings are added as unfinished, strings no longer in the code are kept
but marked vanished (pass --drop-obsolete to remove them). ``pyside6-lrelease`` then compiles
the .qm that the app loads (desktop/ui/i18n.py). Fill in new strings with Qt Linguist or any
editor, then run this again to rebuild the .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    parser.add_argument("--drop-obsolete", action="store_true", help="remove vanished strings")
    args = parser.parse_args(argv)
    TS.parent.mkdir(parents=True, exist_ok=True)
    update = [
        tool("pyside6-lupdate"),
        *sources(),
        "-source-language",
        "en",
        "-target-language",
        "zh_CN",
        "-locations",
        "relative",
        "-ts",
        str(TS.relative_to(ROOT)),
    ]
    if args.drop_obsolete:
        update.insert(-2, "-no-obsolete")
    subprocess.run(update, cwd=ROOT, check=True)
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS.relative_to(ROOT)), "-qm", str(QM.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
    )
    missing = untranslated(TS)
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
