"""The light reads behind the decision circle: the org chart's rows and one person's role."""

from __future__ import annotations

import datetime as dt

from desktop.domain.coverage import CirclePerson


def test_chart_lists_the_accounts_people_by_id_with_what_the_tree_shows(services):
    account = services.accounts.create(name="恒远精密")
    other = services.accounts.create(name="Other Co.")
    boss = services.contacts.create(
        account.id, name="王建国", title="总经理", communication_style="controlling"
    )
    cfo = services.contacts.create(
        account.id,
        name="刘芳",
        title="CFO",
        department="财务部",
        reports_to_id=boss.id,
        last_contact="2026-11-03",
    )
    services.contacts.create(other.id, name="Someone else")

    rows = services.contacts.chart(account.id)
    assert [r.id for r in rows] == [boss.id, cfo.id]
    first, second = rows
    assert (first.name, first.title, first.communication_style) == (
        "王建国",
        "总经理",
        "controlling",
    )
    assert (second.department, second.reports_to_id) == ("财务部", boss.id)
    assert second.last_contact == dt.date(2026, 11, 3)
    assert services.contacts.chart(account.id + other.id + 100) == []


def test_role_is_one_persons_part_in_one_deal(services):
    account = services.accounts.create(name="恒远精密")
    deal = services.opportunities.create(account.id, name="MES phase 1")
    other_deal = services.opportunities.create(account.id, name="Spare parts")
    gm = services.contacts.create(account.id, name="王建国")
    assistant = services.contacts.create(account.id, name="李娜")
    services.opportunities.set_role(
        deal.id, gm.id, roles=["decision_maker"], attitude="neutral", notes="最终拍板"
    )

    role = services.opportunities.role(deal.id, gm.id)
    assert role is not None
    assert (role.roles, role.attitude, role.notes) == (["decision_maker"], "neutral", "最终拍板")
    assert services.opportunities.role(deal.id, assistant.id) is None
    assert services.opportunities.role(other_deal.id, gm.id) is None


def test_circle_reads_the_parts_and_last_contact_of_everyone_in_the_deal(services):
    account = services.accounts.create(name="恒远精密")
    deal = services.opportunities.create(account.id, name="MES phase 1")
    gm = services.contacts.create(account.id, name="王建国", last_contact="2026-09-25")
    services.contacts.create(account.id, name="李娜")  # no part in this deal
    services.opportunities.set_role(deal.id, gm.id, roles=["decision_maker"], influence="high")

    assert services.opportunities.circle(deal.id) == [
        CirclePerson(gm.id, "王建国", ("decision_maker",), "unknown", "high", dt.date(2026, 9, 25))
    ]
