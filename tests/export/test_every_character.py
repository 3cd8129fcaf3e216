"""Every character a rep may type prints: emoji, CJK Extension B (𠮷), Latin diacritics,
Cyrillic and Greek, in names, titles and notes, on the brief, the map PDF and the screens.

WenQuanYi Micro Hei lacks emoji and CJK Ext A/B; the bundled fallbacks (a Symbola subset and
HanaMin subsets, resources/fonts) supply them, embedded as subsets. A character no bundled
font has (🫠, Unicode 14) prints as its code instead of an empty box.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from desktop.export.brief import render_brief
from desktop.export.brief.fonts import FONT, _covered, runs
from desktop.export.map.render import export_map

NAME = "𠮷田 太郎 🙂"  # Ext B in a Japanese surname, an emoji
OTHER = "Жанна Ελένη 👍"  # Cyrillic, Greek, emoji
TITLE = "Generaldirektor Zoë Müller-Łukasiewicz 🚀"  # Latin diacritics
OBJECTIVE = "Objectif : café ☕ et 𠮷 — Ещё 😀"
UNKNOWN = "🫠"  # U+1FAE0: in no bundled font


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


@pytest.fixture
def account(services):
    """A two-person circle whose names, titles and visit hold every kind of character."""
    acc = services.accounts.create(name="𠮷野家 Yoshinoya 🍜")
    opp = services.opportunities.create(acc.id, name="Ramen 🚀 Ελλάδα")
    boss = services.contacts.create(acc.id, name=NAME, title=TITLE)
    other = services.contacts.create(
        acc.id, name=OTHER, title=f"Директор · Διευθύντρια {UNKNOWN}", reports_to_id=boss.id
    )
    for person, role in ((boss, "decision_maker"), (other, "user")):
        services.opportunities.set_role(opp.id, person.id, roles=[role], attitude="neutral")
    visit = services.visits.plan(
        opp.id,
        title="Visite 😀 𠮷",
        starts_at=dt.datetime(2026, 12, 1, 9),
        timezone="Asia/Shanghai",
        objective=OBJECTIVE,
    )
    services.visits.add_item(visit.id, "attendee", contact_id=other.id)
    return opp.id, visit.id


def test_brief_embeds_the_fallback_fonts_and_gives_every_character_back(
    services, account, tmp_path
):
    _, visit_id = account
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit_id, pdf, lang="en")
    text = pdf_text(pdf)
    for typed in (NAME, OTHER, TITLE.split()[-1], "Müller", "café ☕", "Ещё 😀", "𠮷野家"):
        assert typed in text
    assert "U+1FAE0" in text  # shown as its code, not dropped
    embedded = {row[0].split("+")[-1]: row for row in pdf_fonts(pdf)}
    for face in ("WenQuanYiMicroHei-0", "Symbola", "HanaMinB"):
        row = embedded[face]
        assert row[-5:-3] == ["yes", "yes"]  # embedded, subset
        assert row[0].startswith("AAAA")  # reportlab's subset tag


def test_every_piece_of_text_is_set_in_a_font_that_has_it():
    """What keeps boxes off the page: no character reaches a font lacking its glyph."""
    for text in (NAME, OTHER, TITLE, OBJECTIVE, f"A {UNKNOWN} B", "平假名ひらがな 한국어"):
        pieces = runs(text)
        assert "".join(p for _, p in pieces).replace("U+1FAE0", UNKNOWN) == text
        for font, piece in pieces:
            if piece != "U+1FAE0":
                assert all(ord(ch) in _covered(font) for ch in piece), (font, piece)
    assert runs("plain 中文 text") == [(FONT, "plain 中文 text")]


def test_map_pdf_embeds_the_fallback_fonts(services, qapp, account, tmp_path):
    opp_id, _ = account
    pdf = tmp_path / "map.pdf"
    export_map(services, opp_id, pdf, lang="en")
    faces = {row[0] for row in pdf_fonts(pdf)}
    assert {"Symbola", "HanaMinB"} <= faces  # the emoji and 𠮷 drawn from the fallbacks
    text = pdf_text(pdf)
    # Qt's PDF engine maps characters beyond U+FFFF to nothing in its ToUnicode tables, so a
    # copy of the map PDF loses 𠮷 and emoji (they print; the brief copies them correctly).
    for typed in ("Жанна Ελένη", "Zoë Mülle", "野家 Yoshinoya", "U"):
        assert typed in text


def test_screens_fall_back_to_the_bundled_fonts(qapp):
    from PySide6.QtGui import QFontMetricsF

    from desktop.ui.fonts import install_cjk_font

    install_cjk_font(qapp)
    families = qapp.font().families()
    assert {"Symbola", "HanaMinB"} <= set(families)
    metrics = QFontMetricsF(qapp.font())
    for ch in "𠮷🙂👍🚀Łë":
        assert metrics.inFontUcs4(ord(ch)), ch
