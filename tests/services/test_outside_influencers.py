"""Influencers outside the account (issue 16, item 6), at the service door: a contact of another
account, a person of another company typed in, a colleague of ours; never counted in the
circle's role coverage."""

from __future__ import annotations

import pytest

from desktop.domain.validation import ValidationError


def test_outside_influencers_are_listed_and_not_counted_in_coverage(services):
    account = services.accounts.create(name="恒远精密")
    insider = services.contacts.create(account.id, name="李娜")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    institute = services.accounts.create(name="苏州设计院")
    zhao = services.contacts.create(institute.id, name="赵工", title="总工程师")
    before = [w.code for w in services.opportunities.warnings(opp.id)]

    linked = services.outside_influencers.add_contact(opp.id, zhao.id, "写技术规范")
    assert (linked.name, linked.organisation, linked.title) == ("赵工", "苏州设计院", "总工程师")
    assert linked.contact_id == zhao.id and linked.account_id == institute.id
    services.outside_influencers.add(opp.id, "other", "Mr Keller", "TÜV", "auditor")
    services.outside_influencers.add(opp.id, "ours", "Lena Wu", title="解决方案专家")
    rows = services.outside_influencers.list(opp.id)
    assert [(r.name, r.side) for r in rows] == [
        ("赵工", "other"),
        ("Mr Keller", "other"),
        ("Lena Wu", "ours"),
    ]
    assert rows[2].where("our side") == "our side"
    # The circle's coverage reads the account's own roles only: nothing changes.
    assert [w.code for w in services.opportunities.warnings(opp.id)] == before
    assert services.opportunities.circle(opp.id) == []

    with pytest.raises(ValidationError) as inside:
        services.outside_influencers.add_contact(opp.id, insider.id)
    assert "belongs to this account" in inside.value.text("en")
    with pytest.raises(ValidationError) as nowhere:
        services.outside_influencers.add(opp.id, "other", "Someone")
    assert "company" in nowhere.value.text("en")
    services.outside_influencers.delete(rows[1].id)
    assert [r.name for r in services.outside_influencers.list(opp.id)] == ["赵工", "Lena Wu"]
