"""Search: Latin and Chinese, 1-, 2- and 3+-character queries, ranked, through the index."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.domain.text_search import match_query
from desktop.store import search_index


@pytest.fixture
def people(services):
    acme = services.accounts.create(
        name="华东电力设计院", alt_name="East China Power", industry="能源"
    )
    other = services.accounts.create(name="Wangfujing Retail", industry="零售 王府井")
    for name, title in (
        ("王建国", "总经理"),
        ("王芳", "采购经理"),
        ("李王明", "工程师"),
        ("张伟", "CIO"),
    ):
        services.contacts.create(acme.id, name=name, title=title, email="x@acme.cn")
    services.contacts.create(
        other.id, name="Wang Lei", title="Buyer", phone_mobile="+86 138-0013-8000"
    )
    services.opportunities.create(acme.id, name="智能电网监控平台", pains="停电定位太慢")
    return acme, other


def titles(services, query):
    return [h.title for h in services.queries.search(query)]


def test_one_character_chinese_query_finds_every_name_with_it(services, people):
    found = titles(services, "王")
    assert set(found[:3]) == {"王建国", "王芳", "李王明"}
    # The account whose other text mentions 王 comes after the names.
    assert found[-1] == "Wangfujing Retail"


def test_two_character_query_matches_adjacent_characters_only(services, people):
    assert titles(services, "王芳") == ["王芳"]
    assert titles(services, "建国") == ["王建国"]
    assert titles(services, "国王") == []


def test_three_and_more_character_queries(services, people):
    assert titles(services, "王建国") == ["王建国"]
    assert titles(services, "监控平台") == ["智能电网监控平台"]
    assert titles(services, "设计院") == ["华东电力设计院"]


def test_latin_prefix_case_and_width_insensitive(services, people):
    assert titles(services, "east chi") == ["华东电力设计院"]
    assert set(titles(services, "WANG")) == {"Wang Lei", "Wangfujing Retail"}
    assert titles(services, "ｃｉｏ") == ["张伟"]  # full-width letters from a Chinese IME


def test_mixed_query_requires_both_parts(services, people):
    assert titles(services, "王 buyer") == []
    assert titles(services, "Wang buyer") == ["Wang Lei"]


def test_phone_digits_match_however_they_were_typed(services, people):
    assert titles(services, "13800138000") == ["Wang Lei"]


def test_matches_in_other_fields_and_subtitles_tell_hits_apart(services, people):
    hits = services.queries.search("停电")
    assert [(h.kind, h.title, h.subtitle) for h in hits] == [
        ("opportunity", "智能电网监控平台", "华东电力设计院")
    ]
    (hit,) = services.queries.search("采购")
    assert hit.subtitle == "华东电力设计院 · 采购经理"


def test_punctuation_only_or_quotes_do_not_break_the_query(services, people):
    assert match_query("  ，。!!") is None
    assert titles(services, '"王') == titles(services, "王")
    assert titles(services, "AND OR NOT") == []


def test_edits_and_deletes_keep_the_index_in_step(services, people):
    acme, _ = people
    contact = services.contacts.create(acme.id, name="赵敏")
    assert titles(services, "赵") == ["赵敏"]
    services.contacts.update(contact.id, name="钱敏")
    assert titles(services, "赵") == []
    assert titles(services, "钱") == ["钱敏"]
    services.contacts.delete(contact.id)
    assert titles(services, "钱") == []


def test_search_uses_the_full_text_index_not_a_table_scan(db, services, people):
    with db.read() as s:
        plan = s.execute(
            text("EXPLAIN QUERY PLAN SELECT rowid FROM search_fts WHERE search_fts MATCH :q"),
            {"q": match_query("王")},
        ).all()
    details = " ".join(str(r[-1]) for r in plan)
    assert "VIRTUAL TABLE INDEX" in details


def test_rebuild_restores_a_cleared_index(db, services, people):
    with db.write() as s:
        s.execute(text("DELETE FROM search_fts"))
    assert titles(services, "王芳") == []
    with db.write() as s:
        count = search_index.rebuild(s.connection())
    assert count == 8
    assert titles(services, "王芳") == ["王芳"]


def test_a_single_letter_lists_names_that_start_with_it_first(services):
    acme = services.accounts.create(name="Acme Motors", industry="Machinery")
    services.contacts.create(acme.id, name="Anna Müller", title="Buyer")
    services.contacts.create(acme.id, name="Mike Zhang", title="CIO")
    services.contacts.create(acme.id, name="Li Lei", title="Maintenance manager")
    found = titles(services, "m")
    assert found[0] == "Mike Zhang"
    assert set(found[1:3]) == {"Acme Motors", "Anna Müller"}  # a later word starts with m
    assert found[3:] == ["Li Lei"]  # only his job title does
    assert titles(services, "M") == titles(services, "ｍ") == found


def test_a_single_letter_fills_a_short_list_with_names_that_start_with_it(services):
    acme = services.accounts.create(name="Kunshan Works")
    for i in range(6):
        services.contacts.create(acme.id, name=f"Lin Kai {i}")
        services.contacts.create(acme.id, name=f"Kai Lin {i}")
    # Seven places, seven names that start with k: no name where k only starts a later word.
    found = [h.title for h in services.queries.search("k", limit=7)]
    assert sorted(found) == [f"Kai Lin {i}" for i in range(6)] + ["Kunshan Works"]
    assert sorted(titles(services, "k")[7:]) == [f"Lin Kai {i}" for i in range(6)]


def test_a_single_digit_finds_numbered_names_then_phone_numbers(services):
    plant = services.accounts.create(name="Plant 1 Suzhou", industry="CNC")
    services.contacts.create(plant.id, name="王芳", phone_mobile="138-0013-8000")
    services.contacts.create(plant.id, name="李娜", phone_mobile="186-2155-4910")
    assert titles(services, "1") == ["Plant 1 Suzhou", "王芳", "李娜"]
    assert titles(services, "13") == ["王芳"]
    assert titles(services, "138") == ["王芳"]
    assert titles(services, "18621554910") == ["李娜"]


def test_every_email_and_phone_of_a_person_is_found_not_only_the_preferred(services, people):
    from desktop.domain.contact_details import Detail

    acme, _ = people
    person = services.contacts.create(acme.id, name="周强", phone_mobile="13800000001")
    details = services.contact_details
    details.replace(
        person.id,
        [
            Detail("phone", "mobile", "13800000001", preferred=True),
            Detail("phone", "mobile", "+86 139 1234 5678"),
            Detail("email", "work", "zhou@acme.cn", preferred=True),
            Detail("email", "home", "qiang.zhou@example.org"),
        ],
    )
    assert titles(services, "13912345678") == ["周强"]
    assert titles(services, "139 1234 5678") == ["周强"]
    assert titles(services, "qiang.zhou@example.org") == ["周强"]
    # Removing the second mobile takes it out of the index; the rest stays found.
    kept = [d for d in details.details(person.id) if not d.value.startswith("139")]
    details.replace(person.id, kept)
    assert titles(services, "13912345678") == []
    assert titles(services, "qiang.zhou") == ["周强"]
    # A rebuild from the tables writes the same entry the saves did.
    with services.db.read() as s:
        before = sorted(s.connection().exec_driver_sql("SELECT rowid, * FROM search_fts"))
    with services.db.write() as s:
        search_index.rebuild(s.connection())
    with services.db.read() as s:
        after = sorted(s.connection().exec_driver_sql("SELECT rowid, * FROM search_fts"))
    assert after == before
    services.contacts.delete(person.id)
    assert titles(services, "qiang.zhou") == []


def _zhou_at_the_plant(services, second):
    """An account with 周强, his preferred mobile and ``second`` (a detail beside it)."""
    from desktop.domain.contact_details import Detail

    plant = services.accounts.create(name="苏州工厂")
    person = services.contacts.create(plant.id, name="周强", phone_mobile="13800000001")
    details = [Detail("phone", "mobile", "13800000001", preferred=True), second]
    services.contact_details.replace(person.id, details)
    return plant, person


def test_a_file_indexed_by_an_older_version_finds_everyone_after_the_upgrade(db_path):
    """A rep's file from before every phone was indexed: the second mobile number is in the
    person's details but not in the search entry. Opening it with this version rebuilds the
    entries once; the number is found, and a later opening does not rebuild again."""
    from desktop.domain.contact_details import Detail
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services, datafile
    from desktop.store.database import open_database

    db = open_database(db_path)
    services = Services.build(db, default_playbook())
    plant, person = _zhou_at_the_plant(services, Detail("phone", "work", "+86 512 6666 7777"))
    # What the older version left: an entry with the preferred number only, and no version.
    with db.write() as s:
        conn = s.connection()
        rowid = person.id * 4 + search_index.KIND_CODES["contact"]
        conn.exec_driver_sql(
            f"UPDATE {search_index.FTS_TABLE} SET body = '13800000001' WHERE rowid = ?", (rowid,)
        )
        conn.exec_driver_sql("PRAGMA user_version = 0")
    assert titles(services, "0512 6666 7777") == []
    db.close()
    # The window shows "Upgrading your data…" while it opens such a file.
    assert datafile.upgrade_pending(db_path)

    db = open_database(db_path)
    services = Services.build(db, default_playbook())
    assert titles(services, "0512 6666 7777") == ["周强"]
    assert titles(services, "13800000001") == ["周强"]
    with db.read() as s:
        assert search_index.written_version(s.connection()) == search_index.INDEX_VERSION
    assert search_index.ensure_fresh(db.engine) is None  # current: nothing rebuilt at opening
    db.close()
    assert not datafile.upgrade_pending(db_path)


def test_a_restored_backup_from_an_older_version_is_reindexed(services, tmp_path):
    from desktop.domain.contact_details import Detail

    plant, _person = _zhou_at_the_plant(services, Detail("email", "home", "qiang@example.org"))
    with services.db.write() as s:
        s.connection().exec_driver_sql(f"DELETE FROM {search_index.FTS_TABLE}")
        s.connection().exec_driver_sql("PRAGMA user_version = 1")
    saved = services.backups.back_up_now("manual").path
    services.contacts.create(plant.id, name="李娜")  # the backup is older than this
    services.backups.restore(saved)
    assert titles(services, "qiang@example.org") == ["周强"]
    assert titles(services, "苏州工厂") == ["苏州工厂"]
