"""Referrals "1+2" of a handed-over deal (issue 16, item 10), at the service door."""

from __future__ import annotations

import pytest

from desktop.domain.validation import ValidationError
from desktop.services.referrals import ReferralCount


def handed_over(services, stage="E"):
    account = services.accounts.create(name="恒远机械")
    opp = services.opportunities.create(account.id, name="MES 一期", stage=stage)
    return account, opp


def test_two_slots_once_handed_over_then_linked_to_the_new_account(services):
    _account, opp = handed_over(services)
    first = services.referrals.ask(opp.id, "华丰电子", "采购部王经理的老同学")
    services.referrals.ask(opp.id, "Delta Tools")
    with pytest.raises(ValidationError) as full:
        services.referrals.ask(opp.id, "A third")
    assert "1+2" in full.value.text("en")
    new = services.accounts.create(name="华丰电子有限公司")
    row = services.referrals.link(first.id, new.id)
    assert row.received and row.account_id == new.id and row.account_name == "华丰电子有限公司"
    slots = services.referrals.slots(opp.id)
    assert [r.name for r in slots.open_asks] == ["Delta Tools"]
    assert services.referrals.counts([opp.id])[opp.id] == ReferralCount(asked=2, received=1)
    services.referrals.delete(slots.open_asks[0].id)
    assert services.referrals.slots(opp.id).free_slots == 1


def test_no_referral_before_handover_nor_from_the_same_account(services):
    account, opp = handed_over(services, stage="C")
    with pytest.raises(ValidationError) as early:
        services.referrals.ask(opp.id, "Someone")
    assert "stage E" in early.value.text("en")
    with pytest.raises(ValidationError):
        services.referrals.ask(opp.id, "   ")  # a name is required
    services.opportunities.update(opp.id, stage="F")
    row = services.referrals.ask(opp.id, "Someone")
    with pytest.raises(ValidationError):
        services.referrals.link(row.id, account.id)
    assert not services.referrals.slots(opp.id).rows[0].received
