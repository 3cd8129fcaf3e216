"""The brief's content as plain data: every section's rows, already in the brief's language
(filled by ``content.gather``, laid out by ``layout``; no reportlab here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.map_layout import MapNode

from .labels import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Item:
    """A labelled value in a key/value grid."""

    label: str
    value: str
    wide: bool = False  # needs a full row


@dataclass(frozen=True)
class Flag:
    kind: str  # "danger", "caution" or "gap"
    text: str


@dataclass(frozen=True)
class CustomerAttendee:
    name: str
    title: str
    roles: str
    attitude: str
    influence: str
    style: str
    pitch_tip: str
    reach: str = ""  # the preferred phone and e-mail: how to reach them on the day


@dataclass(frozen=True)
class TeamMember:
    name: str
    meeting_role: str


@dataclass(frozen=True)
class MapPerson:
    """One box of the decision map."""

    id: int
    manager_id: int | None
    pinned: tuple[float, float] | None
    name: str
    title: str
    badges: tuple[str, ...]  # short role labels
    attitude: str  # playbook key: supporter / neutral / opponent / unknown
    influence: str | None  # playbook key: high / medium / low
    attending: bool
    decision_maker: bool = False
    warned: bool = False  # named by a coverage warning

    @property
    def node(self) -> MapNode:
        return MapNode(self.id, self.manager_id, self.pinned)


@dataclass(frozen=True)
class MapLegend:
    attitudes: tuple[tuple[str, str], ...]  # (key, label)
    roles: tuple[tuple[str, str], ...]  # (badge, full label)
    attending: str
    influence: str


@dataclass(frozen=True)
class CompetitorRow:
    name: str
    insider: str
    strengths: str
    weaknesses: str
    strategy: str


@dataclass(frozen=True)
class Question:
    text: str
    target: str
    asked: bool


@dataclass(frozen=True)
class QuestionGroup:
    title: str  # e.g. "ERIC · Explore"
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class ObjectionRow:
    text: str
    kind: str  # type and nature, e.g. "Price · Genuine objection"
    response: str
    handling: str  # method and timing


@dataclass(frozen=True)
class FabRow:
    feature: str
    advantage: str
    benefit: str
    need: str


@dataclass
class BriefData:
    """Everything one brief shows, already in its language; empty values are left out."""

    lang: str
    visit_id: int
    starts_at: datetime | None
    title: str
    account: str
    account_alt: str
    opportunity: str
    stage: str
    header_left: list[Item] = field(default_factory=list)  # account, opportunity, stage
    header_right: list[Item] = field(default_factory=list)  # when, where, prepared by
    commitments: list[Item] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    customer: list[CustomerAttendee] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    map_people: list[MapPerson] = field(default_factory=list)
    map_legend: MapLegend | None = None
    snapshot: list[Item] = field(default_factory=list)
    competitors: list[CompetitorRow] = field(default_factory=list)
    value_statement: list[Item] = field(default_factory=list)
    question_groups: list[QuestionGroup] = field(default_factory=list)
    objections: list[ObjectionRow] = field(default_factory=list)
    fabs: list[FabRow] = field(default_factory=list)
    next_action: list[Item] = field(default_factory=list)
    close_plan: list[Item] = field(default_factory=list)
    step_labels: dict[str, str] = field(default_factory=dict)  # visit step key -> label
    fab_labels: tuple[str, str, str] = ("Feature", "Advantage", "Benefit")
    negotiation: list[Item] = field(default_factory=list)  # deal_content.py (issue 16)
    coaches: list[Item] = field(default_factory=list)
    referrals: list[Item] = field(default_factory=list)  # "1+2" (issue 16 item 10)
    outside: list[Item] = field(default_factory=list)  # outside influencers (item 6)
    since_last: list[Item] = field(default_factory=list)  # since_last.py (issue 16)
    since_last_title: str = ""
    review: list[Item] = field(default_factory=list)  # review.py (issue 17)
    review_title: str = ""

    @property
    def running_title(self) -> str:
        """The short line at the top of later pages."""
        parts = [self.account, self.title, _short_date(self.starts_at, self.lang)]
        return "  ·  ".join(p for p in parts if p)


def _long_date(day: date, lang: str) -> str:
    if lang.startswith("zh"):
        return f"{day.year}年{day.month}月{day.day}日 {WEEKDAYS['zh'][day.weekday()]}"
    return f"{WEEKDAYS['en'][day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _short_date(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return ""
    return f"{_long_date(moment.date(), lang)} {moment:%H:%M}"
