"""Values no exporter could write out are refused where they come in (services/fields.py):
control characters and lone surrogates in any text, dates outside 1900-01-01..2999-12-31."""

from __future__ import annotations

import pytest

from desktop.domain.validation import ValidationError


@pytest.fixture
def setup(services):
    account = services.accounts.create(name="恒远精密")
    person = services.contacts.create(account.id, name="王建国", title="总经理")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, person, opp


@pytest.mark.parametrize("bad", ["王\x00建国", "王\x1b[31m建国", "王\ud800建国", "a\x0bb"])
def test_a_name_with_a_character_no_file_can_hold_is_refused(services, setup, bad):
    account, person, _ = setup
    with pytest.raises(ValidationError) as caught:
        services.contacts.update(person.id, name=bad)
    assert "cannot be saved" in caught.value.text("en")
    assert "无法保存" in caught.value.text("zh")
    assert services.contacts.get(person.id).name == "王建国"
    with pytest.raises(ValidationError):
        services.accounts.update(account.id, notes=f"line one\n{bad}")


def test_tabs_and_line_breaks_are_still_welcome(services, setup):
    account, _, _ = setup
    services.accounts.update(account.id, notes="one\ttwo\r\nthree\n")
    assert services.accounts.get(account.id).notes == "one\ttwo\r\nthree\n"


@pytest.mark.parametrize("when", ["9999-12-31 23:00", "0001-01-01 00:00", "1899-12-31 10:00"])
def test_a_visit_date_no_calendar_can_write_is_refused(services, setup, when):
    _, _, opp = setup
    with pytest.raises(ValidationError) as caught:
        services.visits.plan(opp.id, starts_at=when)
    assert "between 1900-01-01 and 2999-12-31" in caught.value.text("en")
    visit = services.visits.plan(opp.id, starts_at="2027-01-05 10:00")
    with pytest.raises(ValidationError):
        services.visits.update(visit.id, starts_at=when)
