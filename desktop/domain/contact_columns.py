"""A contact's columns, declared once: every importer, exporter, the field rules and the index.

Each ``ContactColumn`` says what one column of a contact is — where it is stored, its label in
both languages, how the field rules read it, the header names other apps and people give it,
whether the CSV/XLSX export writes it, which vCard property carries it and which part of the
search index holds it. Readers of this table:

* ``desktop.services.fields.CONTACT`` (the field rules every service applies),
* the contact import (``desktop.services.contact_import`` and its readers): the columns a file
  can be mapped to, the header tables for Outlook, Google, Salesforce and hand-made sheets,
  the values a row carries, and the blanks a new contact gets,
* the vCard reader and writer (plain text properties such as ``X-WECHAT``),
* the contacts export (``desktop.export.contacts``): its CSV/XLSX columns, in this order,
* the search index (``desktop.store.search_index``): which fields are the name and the body.

So a new plain text field is one entry here (plus its database column); the rest follows.
Pure data: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .playbook import Text

# How the field rules read a value (``desktop.services.fields._clean_one``): the kinds a
# contact uses. Plain text kinds start blank as "", lists as [], the rest as None.
_TEXT_KINDS = frozenset({"text", "phone", "email"})


@dataclass(frozen=True)
class ContactColumn:
    """One column of a contact, stored or only met in files."""

    key: str  # the import's target and the export's column key
    label: Text  # the field's label; the export's header
    field: str | None = None  # the Contact attribute it is stored in (None: not stored as is)
    kind: str = "text"  # how the field rules read it
    required: bool = False
    group: str | None = None  # the playbook group of a "key"/"keys" field
    pick: Text | None = None  # how the import's column chooser names it, when not ``label``
    imported: bool = True  # offered as a target when a file's columns are mapped
    exported: bool = False  # a column of the CSV/XLSX export
    aliases: tuple[str, ...] = ()  # header names people give it in their own sheets
    outlook: tuple[str, ...] = ()  # Outlook's CSV header(s) for it
    google: tuple[str, ...] = ()  # Google Contacts' CSV header(s)
    salesforce: tuple[str, ...] = ()  # Salesforce report / Data Loader header(s)
    vcard: tuple[str, ...] = ()  # plain text vCard property: written as the first, read as any
    search: str | None = None  # "title" (the name part of the index) or "body"
    # Where in its part of the index the field goes (stable; ties keep declaration order). It
    # matters for phones: two numbers side by side would run together into one phone form, so
    # the e-mail stands between the title and the phones, as it always has.
    search_order: int = 0
    # Several columns of a file may feed it (Outlook's "Home Phone" and "Home Phone 2", the
    # parts of an address): each one is read, not only the first.
    repeats: bool = False

    @property
    def chooser_label(self) -> Text:
        return self.pick or self.label

    @property
    def blank(self) -> object:
        """What a new contact holds in this field when nothing fills it."""
        if self.kind in _TEXT_KINDS:
            return ""
        return [] if self.kind == "keys" else None

    @property
    def plain_value(self) -> bool:
        """Read from a file as it is (trimmed) into the stored field of the same name."""
        return self.imported and self.field == self.key and self.key != "name"


def _names(names: str) -> tuple[str, ...]:
    """Header names written as one string, "|" between them (they are many)."""
    return tuple(names.split("|"))


def _c(key: str, en: str, zh: str, **kw: Any) -> ContactColumn:
    """A column stored under its own key (the usual case)."""
    return ContactColumn(key, Text(en, zh), key, **kw)


def _file(key: str, en: str, zh: str, **kw: Any) -> ContactColumn:
    """A column met only in files (parts of a name, a phone's label, an id in the file)."""
    return ContactColumn(key, Text(en, zh), None, **kw)


# Outlook's columns for the parts of an address, after "Business", "Home" or "Other".
_ADDRESS_PARTS = (
    "street",
    "street 2",
    "street 3",
    "city",
    "state",
    "postal code",
    "country/region",
)

# The order is the export's column order and the order of the import's column chooser.
COLUMNS: tuple[ContactColumn, ...] = (
    _c(
        "name",
        "Name",
        "姓名",
        required=True,
        pick=Text("Full name", "姓名"),
        exported=True,
        aliases=_names(
            "name|full name|contact|contact name|display name|姓名|名字|联系人|联系人姓名"
        ),
        google=("name",),
        search="title",
    ),
    _file(
        "given_name",
        "First name",
        "名",
        aliases=("first name", "given name", "名"),
        outlook=("first name",),
        google=("first name", "given name"),
        salesforce=("first name", "firstname"),
    ),
    _file(
        "middle_name",
        "Middle name",
        "中间名",
        aliases=("middle name", "中间名"),
        outlook=("middle name",),
        google=("middle name", "additional name"),
    ),
    _file(
        "family_name",
        "Last name",
        "姓",
        aliases=("last name", "surname", "family name", "姓"),
        outlook=("last name",),
        google=("last name", "family name"),
        salesforce=("last name", "lastname"),
    ),
    _c(
        "alt_name",
        "Name in the other language",
        "另一语言姓名",
        exported=True,
        aliases=("english name", "other name", "nickname", "英文名", "昵称", "另一语言姓名"),
        google=("nickname",),
        search="title",
    ),
    # Honorifics and qualifications, kept out of the name: vCard N's prefix and suffix parts,
    # Outlook's "Title" (Mr./Dr., not the job title) and "Suffix", Google's name prefix/suffix.
    _c(
        "name_prefix",
        "Name prefix",
        "称谓前缀",
        pick=Text("Name prefix (Dr., Prof.)", "称谓前缀(博士、教授)"),
        aliases=("prefix", "name prefix", "salutation", "称谓"),
        outlook=("title",),
        google=("name prefix",),
        salesforce=("salutation",),
    ),
    _c(
        "name_suffix",
        "Name suffix",
        "称谓后缀",
        pick=Text("Name suffix (Jr., PhD)", "称谓后缀(如 PhD)"),
        aliases=("suffix", "name suffix"),
        outlook=("suffix",),
        google=("name suffix",),
        salesforce=("suffix",),
    ),
    _c(
        "title",
        "Title",
        "职位",
        exported=True,
        aliases=("title", "job title", "position", "role title", "职位", "职务", "岗位", "头衔"),
        outlook=("job title",),
        google=("organization title", "organization 1 title"),
        salesforce=("title",),
        search="body",
    ),
    _c(
        "department",
        "Department",
        "部门",
        exported=True,
        aliases=("department", "dept", "部门", "所属部门"),
        outlook=("department",),
        google=("organization department", "organization 1 department"),
        salesforce=("department",),
        search="body",
    ),
    ContactColumn(
        "reports_to",
        Text("Reports to", "汇报对象"),
        "reports_to_id",
        kind="int",
        pick=Text("Reports to (name)", "汇报对象(姓名)"),
        exported=True,
        aliases=_names("reports to|manager|manager's name|boss|上级|汇报对象|直属上级|经理姓名"),
        outlook=("manager's name",),
        salesforce=("reports to", "reports to: full name"),
    ),
    _file(
        "manager_ref",
        "Reports to (ID in this file)",
        "汇报对象(文件中的 ID)",
        salesforce=("reportstoid",),
    ),
    _file("ref", "ID in this file", "文件中的 ID", salesforce=("contact id", "id")),
    _c(
        "phone_office",
        "Office phone",
        "办公电话",
        kind="phone",
        exported=True,
        aliases=_names(
            "phone|office phone|work phone|business phone|tel|telephone"
            "|办公电话|电话|座机|工作电话|商务电话"
        ),
        outlook=("business phone",),
        salesforce=("phone",),
        search="body",
        search_order=3,
    ),
    _c(
        "phone_mobile",
        "Mobile",
        "手机",
        kind="phone",
        exported=True,
        aliases=_names("mobile|mobile phone|cell|cell phone|手机|手机号|手机号码|移动电话"),
        outlook=("mobile phone",),
        salesforce=("mobile", "mobilephone"),
        search="body",
        search_order=2,
    ),
    _file("phone", "Phone (kind from its label)", "电话(按标签区分)", repeats=True),
    _file("phone_label", "Phone label", "电话标签", repeats=True),
    # More phones, e-mails and addresses, each with its type (the contact's details).
    _file(
        "phone_work",
        "Another work phone",
        "其他工作电话",
        outlook=("business phone 2", "company main phone"),
        repeats=True,
    ),
    _file(
        "phone_home",
        "Home phone",
        "住宅电话",
        aliases=("home phone", "住宅电话", "家庭电话"),
        outlook=("home phone", "home phone 2"),
        repeats=True,
    ),
    _file(
        "phone_other",
        "Other phone",
        "其他电话",
        aliases=("other phone", "其他电话"),
        outlook=("other phone", "primary phone", "car phone"),
        repeats=True,
    ),
    _file(
        "email_more",
        "Another e-mail",
        "其他电子邮件",
        outlook=("e mail 2 address", "e mail 3 address"),
        repeats=True,
    ),
    _file("email_label", "E-mail label", "电子邮件标签", repeats=True),
    _file(
        "address",
        "Address (kind from its label)",
        "地址(按标签区分)",
        aliases=("address", "地址", "通讯地址"),
        repeats=True,
    ),
    _file("address_label", "Address label", "地址标签", repeats=True),
    _file(
        "address_work",
        "Work address (a part of it)",
        "工作地址(其中一部分)",
        outlook=tuple(f"business {p}" for p in _ADDRESS_PARTS),
        repeats=True,
    ),
    _file(
        "address_home",
        "Home address (a part of it)",
        "住宅地址(其中一部分)",
        outlook=tuple(f"home {p}" for p in _ADDRESS_PARTS),
        repeats=True,
    ),
    _file(
        "address_other",
        "Other address (a part of it)",
        "其他地址(其中一部分)",
        outlook=tuple(f"other {p}" for p in _ADDRESS_PARTS),
        repeats=True,
    ),
    _c(
        "email",
        "E-mail",
        "电子邮件",
        kind="email",
        exported=True,
        aliases=_names(
            "email|e mail|e mail address|email address|mail"
            "|邮箱|电子邮件|电子邮箱|邮件|电子邮件地址"
        ),
        outlook=("e mail address",),
        salesforce=("email",),
        search="body",
        search_order=1,
    ),
    # The values the three columns above do not hold, one "Type: value" line each.
    _file(
        "more_phones",
        "More phones",
        "更多电话",
        exported=True,
        aliases=("more phones", "更多电话"),
        repeats=True,
    ),
    _file(
        "more_emails",
        "More e-mails",
        "更多电子邮件",
        exported=True,
        aliases=("more e mails", "更多电子邮件"),
        repeats=True,
    ),
    _file(
        "addresses",
        "Addresses",
        "地址",
        exported=True,
        aliases=("addresses",),
        repeats=True,
    ),
    _c(
        "wechat",
        "WeChat",
        "微信",
        exported=True,
        aliases=("wechat", "weixin", "微信", "微信号"),
        vcard=("X-WECHAT", "X-WEIXIN"),
        search="body",
        search_order=4,
    ),
    _file("relation", "Related person (kind from its label)", "相关人员(按标签区分)", repeats=True),
    _file("relation_label", "Related person label", "相关人员标签", repeats=True),
    _file(
        "assistant",
        "Assistant (name)",
        "助理(姓名)",
        aliases=("assistant", "assistant's name", "助理", "秘书"),
        outlook=("assistant's name",),
    ),
    # A person's part in one opportunity's decision (stored as a buying role, not on the contact).
    _file(
        "roles", "Roles", "角色", exported=True, aliases=("roles", "role", "buying role", "角色")
    ),
    _file("attitude", "Attitude", "态度", exported=True, aliases=("attitude", "态度")),
    _file("influence", "Influence", "影响力", exported=True, aliases=("influence", "影响力")),
    # Written for the reader's sake; an import links people to the opportunity chosen for it.
    _file("opportunity", "Opportunity", "商机", imported=False, exported=True),
    _file(
        "company",
        "Company",
        "公司",
        exported=True,
        aliases=("company", "organization", "organisation", "account", "公司", "单位", "客户"),
        outlook=("company",),
        google=("organization name", "organization 1 name"),
        salesforce=("account name",),
    ),
    # Stored, edited on the contact form, not carried by contact files.
    _c(
        "communication_style",
        "Communication style",
        "行为风格",
        kind="key",
        group="communication_styles",
        imported=False,
    ),
    _c(
        "decision_style", "Decides", "决策方式", kind="key", group="decision_styles", imported=False
    ),
    _c("background", "Education and background", "教育和背景", imported=False),
    _c("priorities", "Cares most about", "最关心", kind="keys", group="priorities", imported=False),
    _c(
        "business_needs",
        "Business needs",
        "企业需求",
        kind="keys",
        group="business_needs",
        imported=False,
    ),
    _c(
        "personal_needs",
        "Personal needs",
        "个人需求",
        kind="keys",
        group="personal_needs",
        imported=False,
    ),
    _c("needs_notes", "Needs in their words", "需求描述", imported=False),
    _c(
        "last_contact",
        "Last contact",
        "最近联系",
        kind="date",
        exported=True,
        aliases=("last contact", "最近联系"),
        vcard=("X-CALLBRIEF-LAST-CONTACT",),
    ),
    ContactColumn(
        "notes",
        Text("Relationship notes", "关系备注"),
        "relationship_notes",
        exported=True,
        aliases=("notes", "note", "comments", "remarks", "备注", "附注", "关系备注", "说明"),
        outlook=("notes",),
        google=("notes",),
        salesforce=("description",),
    ),
    _c("map_x", "Map position", "图中位置", kind="float", imported=False),
    _c("map_y", "Map position", "图中位置", kind="float", imported=False),
)


def by_key() -> dict[str, ContactColumn]:
    """Every column by its key (read afresh, so a column added at run time is seen)."""
    return {c.key: c for c in COLUMNS}


def stored() -> tuple[ContactColumn, ...]:
    """The columns kept on the contact record, in declaration order."""
    return tuple(c for c in COLUMNS if c.field is not None)


def imported() -> tuple[ContactColumn, ...]:
    """What a file's columns can be mapped to, in the chooser's order."""
    return tuple(c for c in COLUMNS if c.imported)


def exported() -> tuple[ContactColumn, ...]:
    """The CSV/XLSX export's columns, in order."""
    return tuple(c for c in COLUMNS if c.exported)


def search_fields(part: str) -> tuple[str, ...]:
    """The stored fields the search index puts in ``part`` ("title" or "body"), in order."""
    chosen = sorted((c for c in COLUMNS if c.search == part), key=lambda c: c.search_order)
    return tuple(c.field for c in chosen if c.field is not None)


def repeating() -> frozenset[str]:
    """The keys several columns of one file may be mapped to."""
    return frozenset(c.key for c in COLUMNS if c.repeats)


def header_table(app: str) -> dict[str, str]:
    """An app's CSV header → column key ("outlook", "google", "salesforce", "aliases")."""
    return {header: c.key for c in COLUMNS for header in getattr(c, app)}
