"""A seeded, realistic bilingual Outlook contacts export for the import benchmark.

Outlook's full 73-column header (what "Export to a file → CSV" writes), Chinese and English
names, titles and departments, office and mobile phones in the forms people type, e-mails,
managers by name, a few notes with line breaks, and on purpose: about 0.5 % likely duplicates
of earlier rows (same name and e-mail, or same name and the mobile written another way), a few
duplicates of people already at the target account, and about 0.2 % rows with problems (an
e-mail without a domain, an extension in a phone number, no name, a title too long).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from pathlib import Path

from .generate import DEPARTMENTS, EN_FIRST, EN_LAST, GIVEN, SURNAMES, TITLES

HEADER = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,"
    "Business Street 2,Business Street 3,Business City,Business State,Business Postal Code,"
    "Business Country/Region,Home Street,Home City,Home Postal Code,Home Country/Region,"
    "Assistant's Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,"
    "Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,"
    "Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,Account,Anniversary,Assistant's Name,"
    "Billing Information,Birthday,Categories,Children,E-mail Address,E-mail Type,"
    "E-mail Display Name,E-mail 2 Address,E-mail 2 Type,E-mail 2 Display Name,Gender,"
    "Government ID Number,Hobby,Initials,Internet Free Busy,Keywords,Language,Location,"
    "Manager's Name,Mileage,Notes,Office Location,Organizational ID Number,Priority,Private,"
    "Profession,Referred By,Sensitivity,Spouse,User 1,User 2,Web Page"
).split(",")
COL = {name: i for i, name in enumerate(HEADER)}
PINYIN = "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin".split()
COMPANY = "苏州恒远精密制造有限公司"
NOTES = [
    "只在展会上见过一次。",
    "Prefers e-mail; assistant books his calendar.",
    "负责邀请招标,控制比价和付款条款\n上次见面: 展会",
    "Plays badminton on Thursdays. 周四打羽毛球。",
]


def _mobile(rng: random.Random) -> str:
    return f"13{rng.randint(0, 9)}{rng.randint(0, 9999):04d}{rng.randint(0, 9999):04d}"


def _spaced(mobile: str, style: int) -> str:
    """The same mobile number the way different people type it."""
    if style == 0:
        return f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    if style == 1:
        return f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    return mobile


def _row(rng: random.Random, n: int) -> list[str]:
    cells = [""] * len(HEADER)
    if rng.random() < 0.85:
        family = rng.choice(SURNAMES)
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        latin = f"{rng.choice(PINYIN)}.{rng.choice(PINYIN)}{n}"
        full = family + given
    else:
        given, family = rng.choice(EN_FIRST), rng.choice(EN_LAST)
        latin = f"{given.lower()}.{family.lower().replace('ü', 'ue')}{n}"
        full = f"{given} {family}"
        cells[COL["Title"]] = rng.choice(("Mr.", "Ms.", ""))
    cells[COL["First Name"]], cells[COL["Last Name"]] = given, family
    cells[COL["Company"]] = COMPANY
    cells[COL["Department"]] = rng.choice(DEPARTMENTS)
    cells[COL["Job Title"]] = rng.choice(TITLES)
    cells[COL["Business City"]] = "苏州"
    if rng.random() < 0.6:
        cells[COL["Business Phone"]] = f"0512-6588-{rng.randint(1000, 9999)}"
    if rng.random() < 0.85:
        cells[COL["Mobile Phone"]] = _spaced(_mobile(rng), rng.randint(0, 2))
    if rng.random() < 0.9:
        email = f"{latin}@hengyuan-precision.com.cn"
        cells[COL["E-mail Address"]] = email
        cells[COL["E-mail Type"]] = "SMTP"
        cells[COL["E-mail Display Name"]] = f"{full} ({email})"
    if rng.random() < 0.1:
        cells[COL["Notes"]] = rng.choice(NOTES)
    if rng.random() < 0.05:
        cells[COL["Categories"]] = "Suppliers;Key"
    cells[COL["Gender"]] = "Unspecified"
    cells[COL["Priority"]], cells[COL["Private"]] = "Normal", "False"
    cells[COL["Sensitivity"]] = "Normal"
    return cells


def _full_name(cells: Sequence[str]) -> str:
    given, family = cells[COL["First Name"]], cells[COL["Last Name"]]
    return family + given if given and not given.isascii() else f"{given} {family}"


def _spoil(rng: random.Random, cells: list[str], kind: int) -> None:
    if kind == 0:
        cells[COL["E-mail Address"]] = cells[COL["E-mail Address"]].split("@")[0] + "@"
    elif kind == 1:
        cells[COL["Business Phone"]] = "0512 6588 1040 ext. 12"
    elif kind == 2:
        cells[COL["First Name"]] = cells[COL["Last Name"]] = ""  # only the company is left
    else:
        cells[COL["Job Title"]] = "采购经理 Purchasing Manager, " * 6


# Outlook's third e-mail, after the second one's columns (the full export has them).
EMAIL_3 = ("E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name")
FULL_HEADER = [
    *HEADER[: COL["E-mail 2 Display Name"] + 1],
    *EMAIL_3,
    *HEADER[COL["E-mail 2 Display Name"] + 1 :],
]


def _landline(rng: random.Random) -> str:
    return f"0512-6{rng.randint(0, 999):03d}-{rng.randint(0, 9999):04d}"


def _fill_every_detail(rng: random.Random, cells: list[str], n: int) -> list[str]:
    """The row in the full header, with every phone and e-mail column the import reads filled
    as a well-kept Outlook has them: office lines, switchboard, home, the mobile again as
    primary and car phone, three e-mails; the row's own values (and planted problems) kept.
    Faxes, pager and Outlook's rarer phone columns stay empty: the import reads none of them,
    and the file must stay under the import's 50 MB."""
    mobile = cells[COL["Mobile Phone"]] or _spaced(_mobile(rng), rng.randint(0, 2))
    office = cells[COL["Business Phone"]] or f"0512-6588-{rng.randint(1000, 9999)}"
    filled = {
        "Business Phone": office,
        "Business Phone 2": f"0512-6588-{rng.randint(1000, 9999)}",
        "Company Main Phone": "0512-6588-1000",
        "Home Phone": _landline(rng),
        "Home Phone 2": _landline(rng),
        "Mobile Phone": mobile,
        "Primary Phone": mobile,
        "Car Phone": mobile,
        "Other Phone": _spaced(_mobile(rng), rng.randint(0, 2)),
    }
    for column, value in filled.items():
        if not cells[COL[column]]:
            cells[COL[column]] = value
    first = cells[COL["E-mail Address"]] or f"c{n}@hengyuan-precision.com.cn"
    cells[COL["E-mail Address"]] = first
    user = first.split("@")[0] or f"c{n}"
    if not cells[COL["E-mail 2 Address"]]:
        cells[COL["E-mail 2 Address"]] = f"{user}@hengyuan.cn"
        cells[COL["E-mail 2 Type"]] = "SMTP"
    third = [f"{user}{rng.randint(1, 99)}@163.com", "SMTP", ""]
    at = COL["E-mail 2 Display Name"] + 1
    return [*cells[:at], *third, *cells[at:]]


def write_contacts_csv(
    path: Path,
    rows: int,
    existing: Sequence[tuple[str, str, str]] = (),
    seed: int = 7,
    *,
    every_detail: bool = False,
) -> dict[str, int]:
    """Write ``rows`` people to ``path`` (UTF-8 with BOM, CRLF, like Outlook).

    ``existing`` holds (name, e-mail, mobile) of people already at the target account; a few of
    them appear again in the file. Returns how many duplicates and bad rows were planted.
    ``every_detail`` fills every phone and e-mail column (three e-mails, all 19 phones: the
    file a well-kept Outlook exports); the people, duplicates and problems stay the same.
    """
    rng = random.Random(seed)
    planted = {"duplicates": 0, "account_duplicates": 0, "bad": 0}
    written: list[list[str]] = []
    for n in range(rows):
        roll = rng.random()
        if written and roll < 0.005:  # a likely duplicate of an earlier row
            cells = list(rng.choice(written[-5000:]))
            mobile = cells[COL["Mobile Phone"]].replace(" ", "").replace("-", "")
            if mobile and rng.random() < 0.5:
                cells[COL["Mobile Phone"]] = _spaced(mobile[-11:], rng.randint(0, 2))
                cells[COL["E-mail Address"]] = ""
            cells[COL["Job Title"]] = rng.choice(TITLES)  # a newer title, same person
            if not (cells[COL["Mobile Phone"]] or cells[COL["E-mail Address"]]):
                cells[COL["E-mail Address"]] = f"dup{n}@example.cn"  # then not a duplicate
            else:
                planted["duplicates"] += 1
        elif existing and roll < 0.0052:  # someone already at the account
            name, email, mobile = rng.choice(existing)
            cells = _row(rng, n)
            if name.isascii():
                cells[COL["First Name"]], _, cells[COL["Last Name"]] = name.partition(" ")
            else:
                cells[COL["Last Name"]], cells[COL["First Name"]] = name[0], name[1:]
            cells[COL["E-mail Address"]] = email
            cells[COL["Mobile Phone"]] = mobile
            planted["account_duplicates"] += 1
        else:
            cells = _row(rng, n)
            if roll > 0.998:
                _spoil(rng, cells, rng.randint(0, 3))
                planted["bad"] += 1
        if written and rng.random() < 0.3:  # reports to someone earlier in the file
            cells[COL["Manager's Name"]] = _full_name(rng.choice(written[-200:]))
        written.append(cells)
    header = HEADER
    if every_detail:  # its own random numbers: the people are those of the plain file
        more = random.Random(seed + 1)
        written = [_fill_every_detail(more, cells, n) for n, cells in enumerate(written)]
        header = FULL_HEADER
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        # Outlook quotes every cell; the full file quotes only where needed, else 100k rows
        # of it would pass the import's 50 MB limit.
        if every_detail:
            writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        else:
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(written)
    return planted
