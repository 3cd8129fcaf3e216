"""The bundled playbook and its loader: content checks and malformed-file errors."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.playbook import (
    OPTIONAL_GROUPS,
    REQUIRED_GROUPS,
    Entry,
    Playbook,
    PlaybookError,
    Text,
    default_playbook,
    default_playbook_path,
    load_playbook,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(default_playbook_path())


@pytest.fixture
def data() -> dict[str, Any]:
    """A fresh parsed copy of the bundled file, for a test to break."""
    return tomllib.loads(default_playbook_path().read_text(encoding="utf-8"))


# -- a tiny TOML writer, enough for the playbook's shapes --------------------------------------


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON strings are TOML basic strings
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dump_toml(data: dict[str, Any]) -> str:
    # Plain values first: after the first [table] header they would belong to that table.
    plain = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_table_array(v)}
    lines = [f"{_key(k)} = {_value(v)}" for k, v in plain.items()]
    for name, value in data.items():
        if isinstance(value, dict):
            lines.append(f"\n[{_key(name)}]")
            lines += [f"{_key(k)} = {_value(v)}" for k, v in value.items()]
        elif _is_table_array(value):
            for item in value:
                lines.append(f"\n[[{_key(name)}]]")
                lines += [f"{_key(k)} = {_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, data: dict[str, Any], name: str = "custom.toml") -> Path:
    path = tmp_path / name
    path.write_text(dump_toml(data), encoding="utf-8")
    return path


def test_writer_round_trips_the_bundled_file(tmp_path: Path, data: dict[str, Any]) -> None:
    path = write(tmp_path, data)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == data
    assert load_playbook(path).keys("roles") == load_playbook(default_playbook_path()).keys("roles")


# -- the bundled playbook ----------------------------------------------------------------------


def test_bundled_playbook_loads(playbook: Playbook) -> None:
    assert playbook.id == "callbrief-standard"
    assert playbook.version == "2026.1"
    assert playbook.name.en and CJK.search(playbook.name.zh)
    assert playbook.source == default_playbook_path()
    assert default_playbook_path().name == "playbook.toml"
    for group in REQUIRED_GROUPS:
        assert playbook.group(group), group


def test_default_playbook_is_cached() -> None:
    assert default_playbook() is default_playbook()
    assert default_playbook().keys("roles") == (
        "decision_maker",
        "user",
        "technical_expert",
        "influencer",
        "coach",
    )


def _all_entries(playbook: Playbook) -> list[tuple[str, Entry]]:
    out = [("respond_objections", playbook.respond_objections)]
    for group in REQUIRED_GROUPS + OPTIONAL_GROUPS:
        for entry in playbook.group(group):
            out.append((f"{group}.{entry.key}", entry))
            out += [(f"{group}.{entry.key}.{c.key}", c) for c in entry.checklist]
    return out


def _texts(entry: Entry) -> list[Text]:
    texts = [entry.label] + ([entry.description] if entry.description else [])
    for value in entry.extras.values():
        if isinstance(value, Text):
            texts.append(value)
        elif isinstance(value, tuple):
            texts += [v for v in value if isinstance(v, Text)]
    return texts


def test_every_label_is_bilingual_and_zh_is_chinese(playbook: Playbook) -> None:
    entries = _all_entries(playbook)
    assert len(entries) > 200
    for where, entry in entries:
        assert entry.label.en.strip(), where
        assert entry.label.zh.strip(), where
        assert CJK.search(entry.label.zh), f"{where}: zh label has no Chinese: {entry.label.zh!r}"
        for text in _texts(entry):
            assert text.en.strip() and CJK.search(text.zh), f"{where}: {text}"
            assert not CJK.search(text.en), f"{where}: Chinese in the English text {text.en!r}"


def test_keys_are_stable_identifiers(playbook: Playbook) -> None:
    for where, entry in _all_entries(playbook):
        assert re.fullmatch(r"[a-z0-9_]+|[A-F]", entry.key), where


def test_methodology_terms(playbook: Playbook) -> None:
    zh = {k: playbook.label("roles", k, "zh") for k in playbook.keys("roles")}
    assert zh == {
        "decision_maker": "决策者",
        "user": "使用者",
        "technical_expert": "技术专家",
        "influencer": "影响者",
        "coach": "线人",
    }
    steps = [(s.key, s.text("zh")) for s in playbook.visit_steps]
    assert steps == [
        ("prepare", "准备"),
        ("open", "开始"),
        ("consult", "协商"),
        ("propose", "提议"),
        ("close", "完成"),
    ]
    assert playbook.respond_objections.key == "objections"
    assert playbook.respond_objections.text("zh") == "回应客户问题"
    assert [s.probability for s in playbook.funnel_stages] == [10, 25, 50, 75, 90, 100]
    assert [s.text("zh") for s in playbook.funnel_stages] == [
        "了解商机",
        "确认商机",
        "方案论证",
        "商务谈判",
        "销售成交",
        "交接回款",
    ]
    assert [s.text("zh") for s in playbook.eric_steps] == ["探索", "改进", "影响", "确认"]
    assert [s.text("zh") for s in playbook.spin_types] == [
        "背景问题",
        "难点问题",
        "暗示问题",
        "需求-效益问题",
    ]
    styles = {s.key: s.text("zh") for s in playbook.communication_styles}
    assert styles == {
        "controlling": "控制型",
        "analyzing": "分析型",
        "advocating": "倡导型",
        "facilitating": "平易型",
    }
    methods = {m.key: m.text("zh") for m in playbook.group("objection_methods")}
    assert methods["reframe"] == "太极法" and methods["yes_if"] == "是的…如果法"
    assert {e.text("zh") for e in playbook.group("need_clarity")} == {"隐含需求", "明确需求"}
    assert [c.key for c in playbook.group("buying_cycle")][0] == "satisfied"
    assert len(playbook.group("buying_cycle")) == 8
    assert "不充分准备就是准备失败" in (playbook.visit_steps[0].extra_text("motto", "zh") or "")


def test_role_powers_and_style_axes(playbook: Playbook) -> None:
    deciders = [r.key for r in playbook.roles if r.flag("decides")]
    vetoers = [r.key for r in playbook.roles if r.flag("can_veto")]
    assert deciders == ["decision_maker"]
    assert vetoers == ["user", "technical_expert"]
    for role in playbook.roles:
        assert role.extra_text("advice", "zh"), role.key
    axes = {s.key: (s.flag("assertive"), s.flag("warm")) for s in playbook.communication_styles}
    assert axes == {
        "controlling": (True, False),
        "analyzing": (False, False),
        "advocating": (True, True),
        "facilitating": (False, True),
    }
    for style in playbook.communication_styles:
        assert style.extra_text("pitch_tip", "en") and style.extra_text("pitch_tip", "zh")


def test_question_banks_have_at_least_five_questions(playbook: Playbook) -> None:
    for entry in playbook.eric_steps + playbook.spin_types:
        assert len(entry.questions) >= 5, entry.key
        for q in entry.questions:
            assert q.en.strip().endswith("?"), q.en
            assert CJK.search(q.zh) and q.zh.strip()
        # No question is repeated inside a bank.
        assert len({q.en for q in entry.questions}) == len(entry.questions)


def test_visit_steps_have_prompts_and_checklists(playbook: Playbook) -> None:
    for step in playbook.visit_steps:
        assert 3 <= len(step.prompts) <= 6, step.key
        assert 3 <= len(step.checklist) <= 7, step.key
        assert all(isinstance(item, Entry) for item in step.checklist)
        assert step.extra_text("summary", "zh")
    assert len(playbook.respond_objections.prompts) >= 3


def test_group_sizes_follow_the_methodology(playbook: Playbook) -> None:
    assert len(playbook.next_actions) == 9
    assert playbook.keys("objection_types") == (
        "need",
        "price",
        "product",
        "timing",
        "salesperson",
        "service",
        "ability_to_pay",
    )
    assert playbook.keys("objection_natures") == ("genuine", "excuse", "hidden")
    assert playbook.keys("profit_tiers") == ("1", "2", "3")
    assert playbook.keys("segment_status") == ("A", "B", "C", "D")
    assert 12 <= len(playbook.group("qualification_items")) <= 16
    assert all(q.label.en.endswith("?") for q in playbook.group("qualification_items"))
    assert playbook.keys("commitment_outcomes") == ("best", "minimum", "below_minimum")


def test_coverage_warning_templates_format(playbook: Playbook) -> None:
    for warning in playbook.group("coverage_warnings"):
        for lang in ("en", "zh"):
            text = warning.text(lang).format(name="王经理", role="技术专家")
            assert "{" not in text and text
            assert warning.extra_text("advice", lang)
    met = playbook.entry("coverage_warnings", "decision_maker_not_met")
    assert "张总" in met.text("zh").format(name="张总", role="")


# -- the API -----------------------------------------------------------------------------------


def test_text_language_selection() -> None:
    t = Text(en="Coach", zh="线人")
    assert t.get("en") == "Coach"
    assert t.get("zh") == t.get("zh_CN") == t.get("zh-Hans") == t.get("ZH") == "线人"
    assert t.get("de") == t.get("") == "Coach"


def test_lookups(playbook: Playbook) -> None:
    assert playbook.entry("roles", "coach").text("zh") == "线人"
    assert playbook.get("roles", None) is None
    assert playbook.get("roles", "nobody") is None
    assert playbook.get("attitudes", "opponent") is playbook.entry("attitudes", "opponent")
    assert playbook.label("roles", "coach", "en") == "Coach"
    assert playbook.label("roles", None, "zh") == ""
    assert playbook.label("roles", "retired_key", "zh") == "retired_key"
    with pytest.raises(KeyError, match="roles.*nobody"):
        playbook.entry("roles", "nobody")
    with pytest.raises(PlaybookError, match="no_such_group"):
        playbook.group("no_such_group")
    with pytest.raises(PlaybookError, match="no_such_group"):
        playbook.get("no_such_group", "x")


def test_entry_helpers(playbook: Playbook) -> None:
    style = playbook.entry("communication_styles", "analyzing")
    assert style.extra_text("pitch_tip", "zh") == style.extras["pitch_tip"].zh  # type: ignore[attr-defined]
    assert style.extra_text("no_such_field", "en") is None
    assert style.questions == () and style.prompts == () and style.checklist == ()
    assert style.probability is None
    assert not style.flag("no_such_flag")
    assert playbook.entry("funnel_stages", "C").probability == 50
    assert playbook.entry("funnel_stages", "F").extra_text("focus", "zh")
    assert playbook.entry("attitudes", "supporter").description_text("zh")
    assert playbook.entry("influence_levels", "high").description_text("en") == ""
    hash(style)  # entries are hashable despite their mapping of extras


def test_playbook_is_immutable(playbook: Playbook) -> None:
    with pytest.raises(AttributeError):
        playbook.id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        playbook.groups["roles"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        playbook.roles[0].extras["decides"] = False  # type: ignore[index]


def test_custom_playbook_with_extra_data(tmp_path: Path, data: dict[str, Any]) -> None:
    data["meta"]["id"] = "acme"
    data["roles"][4]["label"] = {"en": "Insider", "zh": "内线"}
    data["our_regions"] = [{"key": "north", "label": {"en": "North", "zh": "北区"}}]
    data["roles"][0]["notes"] = [{"en": "Board", "zh": "董事会"}]
    data["roles"][0]["owner"] = {"key": "ceo", "label": {"en": "CEO", "zh": "总经理"}}
    data["roles"][0]["weight"] = 3
    del data["fab_parts"]
    playbook = load_playbook(write(tmp_path, data))
    assert playbook.id == "acme"
    assert playbook.label("roles", "coach", "zh") == "内线"
    # Unknown top-level tables are ignored; known optional groups read as empty when absent.
    with pytest.raises(PlaybookError):
        playbook.group("our_regions")
    assert playbook.group("fab_parts") == ()
    extras = playbook.roles[0].extras
    assert extras["notes"] == (Text("Board", "董事会"),)
    owner = extras["owner"]
    assert isinstance(owner, Entry) and owner.text("zh") == "总经理"
    assert extras["weight"] == 3


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + default_playbook_path().read_bytes())
    assert load_playbook(path).id == "callbrief-standard"


def test_default_path_falls_back_to_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.paths

    monkeypatch.delattr(desktop.paths, "resources_dir")
    path = default_playbook_path()
    assert path == Path(__file__).resolve().parents[2] / "resources" / "playbook" / "playbook.toml"
    assert path.is_file()


# -- malformed playbooks -----------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A mutation that sets data[a][b]... (list indexes as ints) to value."""
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in path.split(".")]

    def mutate(d: dict[str, Any]) -> None:
        target: Any = d
        for p in parts[:-1]:
            target = target[p]
        target[parts[-1]] = value

    return mutate


def _del(path: str) -> Mutation:
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in path.split(".")]

    def mutate(d: dict[str, Any]) -> None:
        target: Any = d
        for p in parts[:-1]:
            target = target[p]
        del target[parts[-1]]

    return mutate


def _swap_steps(d: dict[str, Any]) -> None:
    steps = d["visit_steps"]
    steps[1], steps[2] = steps[2], steps[1]


def _drop_coach(d: dict[str, Any]) -> None:
    d["roles"] = [r for r in d["roles"] if r["key"] != "coach"]


def _duplicate_key(d: dict[str, Any]) -> None:
    d["influence_levels"].append(copy.deepcopy(d["influence_levels"][0]))


def _few_questions(d: dict[str, Any]) -> None:
    d["eric_steps"][1]["questions"] = d["eric_steps"][1]["questions"][:4]


def _no_spin_questions(d: dict[str, Any]) -> None:
    del d["spin_types"][3]["questions"]


MALFORMED: list[tuple[str, Mutation, str, str]] = [
    # (id, mutation, key path expected in the message, problem expected in the message)
    ("format-missing", _del("meta.format"), "meta.format", "missing"),
    ("format-newer", _set("meta.format", 2), "meta.format", "unsupported format 2"),
    ("format-string", _set("meta.format", "1"), "meta.format", "must be an integer"),
    ("meta-missing", _del("meta"), "meta", "required table is missing"),
    ("id-not-string", _set("meta.id", 7), "meta.id", "must be a string"),
    ("name-missing-zh", _del("meta.name.zh"), "meta.name.zh", "missing translation"),
    ("group-missing", _del("pain_levels"), "pain_levels", "required group is missing"),
    ("group-empty", _set("attitudes", []), "attitudes", "group is empty"),
    ("group-not-array", _set("priorities", "results"), "priorities", "array of tables"),
    ("respond-missing", _del("respond_objections"), "respond_objections", "missing"),
    ("entry-without-key", _del("roles.2.key"), "roles[2].key", "missing"),
    ("entry-bad-key", _set("roles.2.key", "tech expert"), "roles[2].key", "identifier"),
    ("entry-without-label", _del("attitudes.1.label"), "attitudes[1].label", "missing"),
    ("duplicate-key", _duplicate_key, "influence_levels[3].key", "duplicate key 'high'"),
    ("label-missing-zh", _del("roles.2.label.zh"), "roles[2].label.zh", "missing translation"),
    ("label-empty-en", _set("roles.1.label.en", "  "), "roles[1].label.en", "is empty"),
    ("label-not-string", _set("roles.0.label.zh", 5), "roles[0].label.zh", "must be a string"),
    ("label-plain-string", _set("attitudes.0.label", "Fan"), "attitudes[0].label", "en ="),
    (
        "description-empty",
        _set("spin_types.0.description.zh", ""),
        "spin_types[0].description.zh",
        "is empty",
    ),
    (
        "question-missing-en",
        _del("spin_types.2.questions.3.en"),
        "spin_types[2].questions[3].en",
        "missing translation",
    ),
    (
        "checklist-item-without-label",
        _del("visit_steps.0.checklist.1.label"),
        "visit_steps[0].checklist[1].label",
        "missing",
    ),
    (
        "checklist-duplicate",
        _set("visit_steps.4.checklist.1.key", "buying_signals"),
        "visit_steps[4].checklist[1].key",
        "duplicate key",
    ),
    ("steps-out-of-order", _swap_steps, "visit_steps", "prepare, open, consult, propose, close"),
    ("step-missing", _del("visit_steps.4"), "visit_steps", "in this order"),
    ("role-missing", _drop_coach, "roles", "missing required role(s): coach"),
    ("bool-not-bool", _set("roles.0.decides", "yes"), "roles[0].decides", "true or false"),
    (
        "probability-string",
        _set("funnel_stages.2.probability", "50%"),
        "funnel_stages[2].probability",
        "integer percentage",
    ),
    (
        "probability-over-100",
        _set("funnel_stages.5.probability", 110),
        "funnel_stages[5].probability",
        "from 0 to 100",
    ),
    (
        "probability-missing",
        _del("funnel_stages.0.probability"),
        "funnel_stages[0].probability",
        "missing",
    ),
    (
        "probability-decreasing",
        _set("funnel_stages.3.probability", 40),
        "funnel_stages[3].probability",
        "must not decrease",
    ),
    ("eric-few-questions", _few_questions, "eric_steps[1].questions", "at least 5"),
    ("spin-no-questions", _no_spin_questions, "spin_types[3].questions", "got 0"),
    (
        "warning-bad-placeholder",
        _set("coverage_warnings.2.label.zh", "{person}不明"),
        "coverage_warnings[2].label.zh",
        "unknown placeholder {person}",
    ),
    (
        "warning-broken-brace",
        _set("coverage_warnings.3.advice.en", "Meet {name"),
        "coverage_warnings[3].advice.en",
        "malformed placeholder",
    ),
    (
        "optional-group-bad-entry",
        _del("fab_parts.1.label.en"),
        "fab_parts[1].label.en",
        "missing translation",
    ),
]


@pytest.mark.parametrize(
    ("mutation", "key_path", "problem"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_malformed_playbook_is_rejected(
    tmp_path: Path, data: dict[str, Any], mutation: Mutation, key_path: str, problem: str
) -> None:
    mutation(data)
    path = write(tmp_path, data, "broken.toml")
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {key_path}: "), message
    assert problem in message, message
    assert info.value.key_path == key_path
    assert info.value.source == path


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "playbook.toml"
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    assert str(path) in str(info.value)
    assert "there is no playbook file" in str(info.value)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError, match="is a folder, not a playbook file"):
        load_playbook(tmp_path)


def test_invalid_toml_reports_the_line(tmp_path: Path) -> None:
    text = default_playbook_path().read_text(encoding="utf-8")
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith('key = "consult"'))
    lines[target] = 'key = "consult'  # unterminated string
    path = tmp_path / "syntax.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    message = str(info.value)
    assert message.startswith(f"{path}: invalid TOML: ")
    assert f"line {target + 1}" in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[meta]\nid = "caf\u00e9"\n'.encode("latin-1"))
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    assert str(path) in str(info.value) and "not valid UTF-8" in str(info.value)


def test_a_cached_parse_is_used_until_the_file_changes(tmp_path: Path) -> None:
    """The parsed file is kept in the cache folder; an edited playbook is read afresh and a
    damaged cache is ignored, so the rep always gets the file as it is on disk."""
    import os
    import shutil

    own = tmp_path / "ours.toml"
    shutil.copy(default_playbook_path(), own)
    cache = tmp_path / "cache"
    first = load_playbook(own, cache)
    (cached,) = cache.glob("playbook-*.marshal")
    assert load_playbook(own, cache) == first

    text = own.read_text(encoding="utf-8")
    own.write_text(text.replace('zh = "了解商机"', 'zh = "摸清商机"', 1), encoding="utf-8")
    stat = own.stat()
    os.utime(own, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    edited = load_playbook(own, cache)
    assert edited.label("funnel_stages", "A", "zh") == "摸清商机"
    assert first.label("funnel_stages", "A", "zh") == "了解商机"
    assert not cached.exists()  # the stale parse was replaced, not kept beside

    (current,) = cache.glob("playbook-*.marshal")
    current.write_bytes(b"\x00garbage")
    assert load_playbook(own, cache).label("funnel_stages", "A", "zh") == "摸清商机"
