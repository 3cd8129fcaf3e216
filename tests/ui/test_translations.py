"""The Chinese catalog is complete for the main window's screens and keeps the placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from desktop import paths

TS = paths.resources_dir() / "translations" / "callbrief_zh_CN.ts"
# Files of the main window, the account list and page, search, upcoming visits, preferences.
OURS = (
    "desktop/ui/account/",
    "desktop/ui/accounts/",
    "desktop/ui/search/",
    "desktop/ui/upcoming/",
    "desktop/ui/widgets/",
    "desktop/ui/main_window.py",
    "desktop/ui/preferences.py",
    "desktop/ui/first_run.py",
)


def our_messages() -> list[tuple[str, str, ET.Element]]:
    out = []
    last = ""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            files = []
            for location in message.iter("location"):
                last = location.get("filename") or last
                files.append(last)
            if files and any(part in files[0] for part in OURS):
                out.append((name, message.findtext("source", ""), message))
    return out


def test_every_string_of_our_screens_is_translated():
    messages = our_messages()
    assert len(messages) > 250
    missing = []
    for context, source, message in messages:
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        if kind == "unfinished" or not (translation.text or "").strip():
            missing.append(f"[{context}] {source}")
    assert missing == []


def test_translations_keep_placeholders_and_accelerators():
    for context, source, message in our_messages():
        text = message.findtext("translation") or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), f"[{context}] {source} lost its accelerator"
        # Chinese, not English left in place (names such as Callbrief may stay).
        assert re.search("[\u4e00-\u9fff]", text) or source.startswith("Callbrief"), source


def test_the_compiled_catalog_is_shipped_and_loads():
    translator = QTranslator()
    assert translator.load("callbrief_zh_CN", str(TS.parent))
    assert translator.translate("MainWindow", "Accounts") == "客户"
    assert translator.translate("CircleTab", "Delete contact") == "删除联系人"
