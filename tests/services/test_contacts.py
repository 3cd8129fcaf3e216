"""Contacts and the org chart: reporting lines, moves, cycles refused."""

from __future__ import annotations

import pytest

from desktop.domain.validation import ValidationError


@pytest.fixture
def chart(services):
    account = services.accounts.create(name="华东电力")
    ceo = services.contacts.create(account.id, name="王建国", title="总经理")
    cio = services.contacts.create(account.id, name="李明", title="CIO", reports_to_id=ceo.id)
    dev = services.contacts.create(account.id, name="张伟", title="开发经理", reports_to_id=cio.id)
    return account, ceo, cio, dev


def test_contact_fields_are_validated(services, chart):
    account = chart[0]
    with pytest.raises(ValidationError) as caught:
        services.contacts.create(
            account.id,
            name="王芳",
            email="wang at example",
            phone_mobile="ask her assistant",  # no digit: cannot be a phone number
            priorities=["x"],
        )
    assert set(caught.value.by_field()) == {"email", "phone_mobile", "priorities"}


def test_reports_to_cycle_is_refused_with_a_message(services, chart):
    _, ceo, _, dev = chart
    with pytest.raises(ValidationError) as caught:
        services.contacts.move(ceo.id, dev.id)
    assert "loop" in caught.value.text()
    assert "循环" in caught.value.text("zh")
    assert services.contacts.get(ceo.id).reports_to_id is None


def test_reporting_to_oneself_is_refused(services, chart):
    ceo = chart[1]
    with pytest.raises(ValidationError, match="themselves"):
        services.contacts.move(ceo.id, ceo.id)


def test_manager_must_be_at_the_same_account(services, chart):
    other = services.accounts.create(name="Other")
    stranger = services.contacts.create(other.id, name="Stranger")
    with pytest.raises(ValidationError, match="same account"):
        services.contacts.move(chart[3].id, stranger.id)


def test_move_to_top_and_back(services, chart):
    _, ceo, cio, dev = chart
    services.contacts.move(dev.id, None)
    assert services.contacts.get(dev.id).reports_to_id is None
    services.contacts.move(dev.id, ceo.id)
    assert services.contacts.get(dev.id).reports_to_id == ceo.id


def test_deleting_a_manager_moves_their_reports_up(services, chart):
    _, ceo, cio, dev = chart
    services.contacts.delete(cio.id)
    assert services.contacts.get(dev.id).reports_to_id == ceo.id
    assert [c.name for c in services.contacts.for_account(chart[0].id)] == ["王建国", "张伟"]


def test_priorities_keep_the_reps_ranking(services, chart):
    contact = services.contacts.update(
        chart[1].id, priorities=["price", "results", "price", "details"]
    )
    assert contact.priorities == ["price", "results", "details"]
