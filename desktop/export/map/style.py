"""How the map encodes a person: colours, border patterns, weights, glyphs, and its words.

Attitude is shown three ways at once so it survives black-and-white printing: a fill colour,
a border pattern (supporter solid, neutral dashed, opponent double, unknown dotted) and a corner
glyph (+ = − ?). Influence is the border weight plus one to three dots. Labels of playbook terms
come from the playbook in the map's language; the few words of the legend are below.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase

from desktop import paths
from desktop.domain.playbook import Playbook, Text

FONT_FAMILY_FALLBACK = "Sans Serif"


@dataclass(frozen=True)
class AttitudeStyle:
    fill: str
    edge: str
    dash: Qt.PenStyle
    glyph: str  # "+", "=", "-", "?"
    double: bool = False


ATTITUDES: dict[str, AttitudeStyle] = {
    "supporter": AttitudeStyle("#dcefd8", "#2e7d32", Qt.PenStyle.SolidLine, "+"),
    "neutral": AttitudeStyle("#fff1c7", "#9a6700", Qt.PenStyle.DashLine, "="),
    "opponent": AttitudeStyle("#f8d5d8", "#c62828", Qt.PenStyle.SolidLine, "-", double=True),
    "unknown": AttitudeStyle("#e8edf0", "#546e7a", Qt.PenStyle.DotLine, "?"),
}
# Someone at the account with no part in this decision: drawn plainly.
PLAIN = AttitudeStyle("#ffffff", "#9aa5ab", Qt.PenStyle.SolidLine, "")

# Border weight and number of dots per influence level; None: not assessed.
INFLUENCE_WIDTH = {"high": 4.0, "medium": 2.4, "low": 1.3, None: 1.3}
INFLUENCE_DOTS = {"high": 3, "medium": 2, "low": 1}

INK = QColor("#1f2a30")
MUTED = QColor("#55636b")
LINE = QColor("#5f7480")
BADGE = QColor("#37474f")
COACH = QColor("#f2a900")
HIGHLIGHT = QColor("#1e88e5")
DROP_TARGET = QColor("#43a047")

HEADINGS = {
    "legend": Text("Legend", "图例"),
    "roles": Text("Roles", "角色"),
    "attitude": Text("Attitude", "态度"),
    "influence": Text("Influence", "影响力"),
    "not_in_circle": Text("No part in this decision", "未参与此决策"),
    "reports_to": Text("Reports to (manager above)", "汇报关系(上级在上)"),
    "not_assessed": Text("not assessed", "未评估"),
    "as_of": Text("as of {date}", "截至 {date}"),
}


@dataclass(frozen=True)
class MapLabels:
    """Every word drawn on the map, in one language."""

    lang: str
    roles: tuple[tuple[str, str, str], ...]  # (key, badge text, label) in playbook order
    attitudes: tuple[tuple[str, str], ...]  # (key, label)
    influence: tuple[tuple[str, str], ...]  # (key, label)

    @classmethod
    def build(cls, playbook: Playbook, lang: str) -> MapLabels:
        roles = [(e.key, e.text(lang)) for e in playbook.group("roles")]
        shorts = _badges([label for _, label in roles])
        return cls(
            lang,
            tuple((key, short, label) for (key, label), short in zip(roles, shorts, strict=True)),
            tuple((e.key, e.text(lang)) for e in playbook.group("attitudes")),
            tuple((e.key, e.text(lang)) for e in playbook.group("influence_levels")),
        )

    def heading(self, key: str, **params: str) -> str:
        return HEADINGS[key].get(self.lang).format(**params)

    def badge(self, role: str) -> str:
        for key, short, _ in self.roles:
            if key == role:
                return short
        return role[:1].upper()

    def role_label(self, role: str) -> str:
        return next((label for key, _, label in self.roles if key == role), role)

    def attitude_label(self, attitude: str) -> str:
        return next((label for key, label in self.attitudes if key == attitude), attitude)

    def influence_label(self, level: str | None) -> str:
        if level is None:
            return self.heading("not_assessed")
        return next((label for key, label in self.influence if key == level), level)


def _badges(labels: list[str]) -> list[str]:
    """One or two characters per role label, distinct from each other where possible."""
    out: list[str] = []
    for label in labels:
        compact = label.strip()
        short = compact[:1].upper()
        if short in out:
            short = compact[:2].title() if compact.isascii() else compact[:2]
        out.append(short or "?")
    return out


def attitude_style(attitude: str | None, in_circle: bool) -> AttitudeStyle:
    if not in_circle:
        return PLAIN
    return ATTITUDES.get(attitude or "unknown", ATTITUDES["unknown"])


_family: str | None = None


def font_family() -> str:
    """The bundled CJK font's family, registered once (needs a QGuiApplication)."""
    global _family
    if _family is None:
        wanted = "WenQuanYi Micro Hei"
        if wanted in QFontDatabase.families():
            _family = wanted
        else:
            font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
            found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _family = found[0] if found else FONT_FAMILY_FALLBACK
    return _family


_fallbacks: list[str] | None = None


def fallback_families() -> list[str]:
    """The bundled fallback fonts' families (emoji, CJK Ext A and B), registered once."""
    global _fallbacks
    if _fallbacks is None:
        _fallbacks = []
        for path in paths.fallback_font_paths():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _fallbacks += QFontDatabase.applicationFontFamilies(font_id)[:1]
    return _fallbacks


def font(pixels: float, bold: bool = False) -> QFont:
    """The map's font at a size in scene units, the same on screen, in images and in PDF.

    Characters the CJK font lacks (emoji, 𠮷) are taken from the fallback fonts, in order.
    """
    f = QFont(font_family())
    f.setFamilies([font_family(), *fallback_families()])
    f.setPixelSize(max(1, round(pixels)))
    f.setBold(bold)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f
