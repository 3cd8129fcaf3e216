"""What goes into a visit brief, gathered from the services as plain text in one language.

``gather()`` reads the visit, its opportunity, account, decision circle and settings and turns
every key into the playbook's label for the brief's language. The result is pure data (no
reportlab), so the layout only arranges strings and the tests can read it directly.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain.readiness import visit_readiness

from .brief_data import (
    BriefData,
    CompetitorRow,
    CustomerAttendee,
    FabRow,
    Flag,
    Item,
    MapLegend,
    MapPerson,
    ObjectionRow,
    Question,
    QuestionGroup,
    TeamMember,
    _long_date,
)
from .labels import label

QUESTION_FRAMEWORKS = (("eric", "eric_steps"), ("spin", "spin_types"), ("type", "question_types"))
FRAMEWORK_NAMES = {"eric": "ERIC", "spin": "SPIN"}


def gather(services: Any, visit_id: int, lang: str, today: date | None = None) -> BriefData:
    """Read one visit and everything around it; raises ValidationError if it does not exist."""
    pb = services.playbook
    visit = services.visits.get(visit_id)
    opp = services.opportunities.get(visit.opportunity_id)
    account = visit.opportunity.account
    contacts = {c.id: c for c in services.contacts.for_account(account.id)}
    roles = {r.contact_id: r for r in opp.roles}
    percent = services.opportunities.probability(opp)
    stage = f"{opp.stage} · {pb.label('funnel_stages', opp.stage, lang)}"
    data = BriefData(
        lang=lang,
        visit_id=visit.id,
        starts_at=visit.starts_at,
        title=_clean(visit.title),
        account=_clean(account.name),
        account_alt=_clean(account.alt_name),
        opportunity=_clean(opp.name),
        stage=f"{stage}  ({label('probability', lang, percent=percent)})",
        step_labels={e.key: e.text(lang) for e in pb.visit_steps},
    )
    data.step_labels["objections"] = pb.respond_objections.text(lang)
    parts = [pb.get("fab_parts", k) for k in ("feature", "advantage", "benefit")]
    if all(parts):
        data.fab_labels = tuple(e.text(lang) for e in parts)

    _header(data, visit, services.settings.all())
    # Red flags: the decision circle's coverage warnings, then the plan's gaps.
    warned: set[int] = set()
    for warning in services.opportunities.warnings(opp.id, lang, today):
        data.flags.append(Flag(warning.severity, warning.text(pb, lang)))
        if warning.contact_id is not None and warning.severity == "danger":
            warned.add(warning.contact_id)
    # The deal's stall reasons, by the rule the pipeline and the list share (issue 16).
    now = datetime.combine(today or date.today(), datetime.max.time())
    reasons = [r.text(lang) for r in services.deals.stall_reasons(opp.id, now)]
    if reasons:  # one line for them all: the brief keeps within three sheets
        data.flags.append(Flag("caution", label("stalled", lang, reason="; ".join(reasons))))
    for _step, message in visit_readiness(visit).gaps():
        data.flags.append(Flag("gap", message.text(lang)))
    attending = _attendees(data, services, visit, contacts, roles)
    _decision_map(data, pb, contacts, roles, attending, warned)
    data.snapshot = _snapshot(pb, account, opp, lang)
    data.competitors = [_competitor(c, lang) for c in opp.competitors]
    _plan(data, pb, visit, contacts)
    from .deal_content import coach_items, negotiation_items, outside_items, referral_items

    data.negotiation = negotiation_items(services, opp.id, lang)
    data.coaches = coach_items(services, opp.id, lang)
    data.referrals = referral_items(services, opp.id, lang)
    data.outside = outside_items(services, opp.id, lang)
    from .since_last import since_last_visit

    data.since_last_title, data.since_last = since_last_visit(services, visit, lang)
    from .review import review_items

    data.review_title, data.review = review_items(services, visit.id, lang, data.step_labels)
    return data


def _header(data: BriefData, visit: Any, settings: dict[str, str]) -> None:
    """Who, what, when, where; then the objective and the commitments to ask for."""
    lang = data.lang
    data.header_left = _items(
        (label("account", lang), _join_alt(data.account, data.account_alt)),
        (label("opportunity", lang), data.opportunity),
        (label("stage", lang), data.stage),
    )
    data.header_right = _items(
        (label("when", lang), _when(visit.starts_at, visit.duration_min, visit.timezone, lang)),
        (label("where", lang), _clean(visit.place)),
        (label("prepared_by", lang), _dot(settings["rep_name"], settings["company_name"])),
    )
    data.commitments = _items(
        (label("objective", lang), visit.objective),
        (label("best_commitment", lang), visit.best_commitment),
        (label("min_commitment", lang), visit.min_commitment),
        (label("info_needed", lang), visit.info_needed),
    )


def _attendees(
    data: BriefData, services: Any, visit: Any, contacts: dict[int, Any], roles: dict[int, Any]
) -> set[int]:
    """The customer's people with their part, style and how to reach them, then our team;
    returns who attends."""
    lang, pb = data.lang, services.playbook
    sep = "、" if lang.startswith("zh") else ", "
    attending: set[int] = set()
    for a in visit.attendees:
        contact = contacts.get(a.contact_id) if a.contact_id else None
        if contact is None:
            if _clean(a.name):
                data.team.append(TeamMember(_clean(a.name), _clean(a.meeting_role)))
            continue
        attending.add(contact.id)
        role = roles.get(contact.id)
        style = pb.get("communication_styles", contact.communication_style)
        influence = pb.label("influence_levels", role.influence, lang) if role else ""
        data.customer.append(
            CustomerAttendee(
                name=_join_alt(_clean(contact.name), _clean(contact.alt_name)),
                title=_dot(contact.title, contact.department),
                roles=sep.join(pb.label("roles", r, lang) for r in (role.roles if role else [])),
                attitude=pb.label("attitudes", role.attitude, lang) if role else "",
                influence=label("influence_level", lang, level=influence) if influence else "",
                style=style.text(lang) if style else "",
                pitch_tip=(style.extra_text("pitch_tip", lang) or "") if style else "",
                reach=_reach(services, contact.id),
            )
        )
    return attending


def _reach(services: Any, contact_id: int) -> str:
    """The preferred phone and e-mail of a person (several of each may be stored)."""
    from desktop.domain.contact_details import preferred

    details = services.contact_details.details(contact_id)
    found = [preferred(details, kind) for kind in ("phone", "email")]
    return "  ·  ".join(_clean(d.value) for d in found if d is not None)


def _decision_map(
    data: BriefData,
    pb: Any,
    contacts: dict[int, Any],
    roles: dict[int, Any],
    attending: set[int],
    warned: set[int],
) -> None:
    """Everyone with a part in this decision, plus anyone attending, with the legend."""
    lang = data.lang
    badges = {e.key: _badge(e.key, e.text(lang), lang.startswith("zh")) for e in pb.roles}
    for contact in contacts.values():
        role = roles.get(contact.id)
        if role is None and contact.id not in attending:
            continue
        dragged = contact.map_x is not None and contact.map_y is not None
        data.map_people.append(
            MapPerson(
                id=contact.id,
                manager_id=contact.reports_to_id,
                pinned=(contact.map_x, contact.map_y) if dragged else None,
                name=_clean(contact.name),
                title=_clean(contact.title),
                badges=tuple(badges.get(r, r) for r in (role.roles if role else [])),
                attitude=(role.attitude if role else "") or "unknown",
                influence=role.influence if role else None,
                attending=contact.id in attending,
                decision_maker=bool(role and "decision_maker" in (role.roles or [])),
                warned=contact.id in warned,
            )
        )
    if data.map_people:
        used = {r for p in data.map_people for r in p.badges}
        data.map_legend = MapLegend(
            attitudes=tuple((e.key, e.text(lang)) for e in pb.attitudes),
            roles=tuple((badges[e.key], e.text(lang)) for e in pb.roles if badges[e.key] in used),
            attending=label("attending", lang),
            influence=label("influence_bars", lang),
        )


def _competitor(c: Any, lang: str) -> CompetitorRow:
    level = _clean(c.insider_level)
    if level:
        insider = label("insider", lang, level=level)
    elif c.has_insider is None:
        insider = ""
    else:
        insider = label("insider_yes" if c.has_insider else "insider_no", lang)
    return CompetitorRow(
        name=_clean(c.name),
        insider=insider,
        strengths=_clean(c.strengths),
        weaknesses=_clean(c.weaknesses),
        strategy=_clean(c.strategy),
    )


def _plan(data: BriefData, pb: Any, visit: Any, contacts: dict[int, Any]) -> None:
    """Open, consult, propose, close and the objections: the steps of the visit model."""
    lang = data.lang

    def lab(group: str, key: str | None) -> str:
        return pb.label(group, key, lang) if key else ""

    # The value statement: its three parts when written that way, else the whole statement.
    parts = [(k, _clean(getattr(visit, k))) for k in ("vs_who", "vs_what", "vs_why")]
    if all(text for _, text in parts) or not _clean(visit.value_statement):
        data.value_statement = _items(*((label(k, lang), text) for k, text in parts))
    else:
        data.value_statement = _items((label("value_statement", lang), visit.value_statement))
    data.value_statement += _items((label("reference", lang), visit.reference))

    data.question_groups = _question_groups(pb, visit.questions, contacts, lang)

    for o in visit.objections:
        kind = _dot(lab("objection_types", o.type), lab("objection_natures", o.nature))
        handling = _dot(lab("objection_methods", o.method), lab("objection_timings", o.timing))
        data.objections.append(ObjectionRow(_clean(o.text), kind, _clean(o.response), handling))

    needs = {n.id: _clean(n.description) for n in visit.needs}
    for f in visit.fabs:
        need = needs.get(f.need_id, "") if f.need_id is not None else ""
        row = FabRow(_clean(f.feature), _clean(f.advantage), _clean(f.benefit), need)
        if row.feature or row.advantage or row.benefit:
            data.fabs.append(row)

    data.next_action = _lead(lab("next_actions", visit.next_action), visit.next_action_detail)
    data.close_plan = _lead(lab("close_techniques", visit.close_technique), visit.close_plan)


def _snapshot(pb: Any, account: Any, opp: Any, lang: str) -> list[Item]:
    def lab(group: str, key: str | None) -> str:
        return pb.label(group, key, lang) if key else ""

    if opp.budget_exists is False:
        budget = label("budget_none", lang)
    elif opp.budget_amount is not None:
        amount = f"{opp.budget_currency} {opp.budget_amount:,}"
        who = _clean(opp.budget_confirmed_by)
        if who:
            status = label("budget_confirmed_by", lang, who=who)
        else:
            status = label("budget_not_confirmed", lang)
        budget = f"{amount} ({status})"
    elif opp.budget_exists:
        budget = label("budget_amount_unknown", lang)
    else:
        budget = ""
    source = _clean(opp.budget_source)
    if source:
        budget = f"{budget}\n{label('source_of_funds', lang)}: {source}" if budget else source
    tender = "" if opp.is_tender is None else label("yes" if opp.is_tender else "no", lang)
    steps = [s for s in (opp.decision_steps or []) if _clean(s)]
    process = lab("decision_processes", opp.decision_process)
    if steps:
        numbered = "  ".join(f"{i}) {_clean(s)}" for i, s in enumerate(steps, start=1))
        process = f"{process}: {numbered}" if process else numbered
    close = _long_date(opp.expected_close, lang) if opp.expected_close else ""
    return _items(
        (label("segment", lang), account.segment_code),
        (label("pyramid", lang), lab("pyramid_tiers", account.pyramid_tier)),
        (label("buying_behaviour", lang), lab("buying_behaviours", account.buying_behaviour)),
        (label("tender", lang), tender),
        (label("expected_close", lang), close),
        (label("budget", lang), budget, True),
        (label("timeline", lang), opp.purchase_timeline, True),
        (label("decision_process", lang), process, True),
    )


def _question_groups(
    pb: Any, questions: list[Any], contacts: dict[int, Any], lang: str
) -> list[QuestionGroup]:
    """Questions grouped by framework step in the playbook's order, asking order inside."""
    groups: list[QuestionGroup] = []
    for framework, group in QUESTION_FRAMEWORKS:
        for entry in pb.group(group):
            rows = tuple(
                Question(_clean(q.text), _target(contacts, q.target_contact_id), bool(q.asked))
                for q in questions
                if q.framework == framework and q.step == entry.key and _clean(q.text)
            )
            if rows:
                name = FRAMEWORK_NAMES.get(framework)
                title = f"{name} · {entry.text(lang)}" if name else entry.text(lang)
                groups.append(QuestionGroup(title, rows))
    # Questions under a step the playbook no longer has still belong on paper.
    known = {(fw, e.key) for fw, g in QUESTION_FRAMEWORKS for e in pb.group(g)}
    stray = tuple(
        Question(_clean(q.text), _target(contacts, q.target_contact_id), bool(q.asked))
        for q in questions
        if (q.framework, q.step) not in known and _clean(q.text)
    )
    if stray:
        groups.append(QuestionGroup("…", stray))
    return groups


def _target(contacts: dict[int, Any], contact_id: int | None) -> str:
    contact = contacts.get(contact_id) if contact_id is not None else None
    return _clean(contact.name) if contact is not None else ""


def _dot(*parts: Any) -> str:
    """The non-blank parts joined with a middle dot."""
    return " · ".join(p for p in (_clean(x) for x in parts) if p)


def _items(*rows: tuple[Any, ...]) -> list[Item]:
    """Items whose value is not blank; a third element marks a full-width row."""
    out = []
    for row in rows:
        name, value = row[0], _clean(row[1])
        if value:
            out.append(Item(name, value, bool(row[2]) if len(row) > 2 else False))
    return out


def _lead(choice: str, detail: str) -> list[Item]:
    """A playbook choice (as the lead) with the rep's words; either may be missing."""
    detail = _clean(detail)
    if not choice and not detail:
        return []
    return [Item(choice, detail)]


def _clean(text: Any) -> str:
    """Text without surrounding blanks; None becomes ""."""
    return "" if text is None else str(text).strip()


def _join_alt(name: str, alt: str) -> str:
    return f"{name} ({alt})" if alt and alt not in name else name


def _badge(key: str, text: str, zh: bool) -> str:
    """A role's badge on the map: the Chinese label, or the English label's initials."""
    if zh:
        return text
    words = [w for w in text.replace("-", " ").split() if w]
    return "".join(w[0].upper() for w in words) or key[:2].upper()


def _when(start: datetime | None, minutes: int | None, tz: str, lang: str) -> str:
    if start is None:
        return ""
    minutes = minutes or 60
    end = start + timedelta(minutes=minutes)
    span = f"{start:%H:%M}–{end:%H:%M}"
    extra = ", ".join(p for p in (_clean(tz), label("minutes", lang, n=minutes)) if p)
    return f"{_long_date(start.date(), lang)}  {span}  ({extra})"
