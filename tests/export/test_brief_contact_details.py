"""Issue 15: the brief prints each attending customer's preferred phone and e-mail, read back
with pdftotext, when a person has several of each."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.contact_details import Detail
from desktop.export.brief import render_brief

from .test_brief import body_text, squash


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_prints_the_preferred_phone_and_email_of_each_attendee(services, tmp_path, lang):
    account = services.accounts.create(name="苏州恒远精密制造有限公司")
    wang = services.contacts.create(account.id, name="王建国", title="总经理")
    services.contact_details.replace(
        wang.id,
        [
            Detail("phone", "work", "0512-6588-1001"),
            Detail("phone", "mobile", "13915542088", preferred=True),
            Detail("email", "work", "wangjg@hengyuan.example"),
            Detail("email", "home", "wjg@163.com", preferred=True),
        ],
    )
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    visit = services.visits.plan(
        opp.id,
        title="需求调研",
        starts_at=dt.datetime(2026, 12, 8, 9, 30),
        timezone="Asia/Shanghai",
    )
    services.visits.add_item(visit.id, "attendee", contact_id=wang.id)
    out = tmp_path / "brief.pdf"
    render_brief(services, visit.id, out, lang=lang)
    text = squash(body_text(out))
    assert squash("139 1554 2088 · wjg@163.com") in text
    assert "65881001" not in text and "wangjg@" not in text  # only the preferred ones
