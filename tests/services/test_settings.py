"""Preferences stored with the data: defaults, changes, refused values."""

from __future__ import annotations

import pytest


def test_defaults_then_changes_persist_in_the_file(services, db_path):
    assert services.settings.get("paper_size") == "A4"
    services.settings.set(paper_size="Letter", rep_name="陈嘉怡", company_name="智联云工")
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    again = Services.build(open_database(db_path), default_playbook())
    stored = again.settings.all()
    again.db.close()
    assert (stored["paper_size"], stored["rep_name"], stored["company_name"]) == (
        "Letter",
        "陈嘉怡",
        "智联云工",
    )


def test_unknown_choice_or_key_is_refused_and_nothing_changes(services):
    with pytest.raises(ValueError, match="A4, Letter"):
        services.settings.set(rep_name="Anna", paper_size="A3")
    with pytest.raises(KeyError):
        services.settings.set(favourite_colour="blue")
    assert services.settings.get("rep_name") == ""
