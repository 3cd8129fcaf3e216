"""A contacts CSV's text encoding is detected (charset-normalizer), not guessed from a short list.

The files are written the way the programs write them: Outlook's "Comma Separated Values" export
on a Western European Windows is Windows-1252 ("ANSI"), every field quoted, CRLF line ends, its
92-column header; Chinese Excel saves GB18030/GBK; Outlook's "Unicode text" is UTF-16 with a BOM.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from desktop.services.contact_formats import decode
from desktop.services.contact_import import ImportFileError, commit_import, preview_import

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
# Outlook's own header row, as its export writes it.
OUTLOOK_HEADER = next(csv.reader(io.StringIO((DATA / "outlook.csv").read_text("utf-8-sig"))))

WESTERN = [  # first, last, company, job title, business phone, e-mail, notes
    (
        "Zoë",
        "Müller",
        "Bäckerei Groß GmbH",
        "Leiterin Einkauf",
        "+49 30 1234567",
        "zm@gross.de",
        "Budget 5.000 € für Öfen",
    ),
    (
        "François",
        "Lefèvre",
        "Société Générale",
        "Acheteur",
        "+33 1 23 45 67 89",
        "fl@socgen.fr",
        "Préfère le café à l'après-midi",
    ),
    (
        "José",
        "Núñez",
        "Peña y Cía S.A.",
        "Director de compras",
        "+34 912 345 678",
        "jn@pena.es",
        "Señor Núñez: ¿reunión?",
    ),
    (
        "Jürgen",
        "Weiß",
        "Straßenbau Süd AG",
        "Geschäftsführer",
        "+49 89 7654321",
        "jw@sued.de",
        "Große Ausschreibung – März",
    ),
    ("Åsa", "Øberg", "Smørrebrød ApS", "Indkøber", "+45 33 12 34 56", "ao@smor.dk", "Kører på Ærø"),
]


def _outlook_csv(people, encoding: str) -> bytes:
    """An Outlook export: all 92 columns, every field quoted, CRLF, in ``encoding``."""
    index = {name: i for i, name in enumerate(OUTLOOK_HEADER)}
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(OUTLOOK_HEADER)
    for first, last, company, job, phone, email, notes in people:
        row = [""] * len(OUTLOOK_HEADER)
        for column, value in (
            ("First Name", first),
            ("Last Name", last),
            ("Company", company),
            ("Job Title", job),
            ("Business Phone", phone),
            ("E-mail Address", email),
            ("Notes", notes),
        ):
            row[index[column]] = value
        writer.writerow(row)
    return out.getvalue().encode(encoding)


@pytest.fixture
def account(services):
    return services.accounts.create(name="Bäckerei Groß GmbH").id


def test_western_european_outlook_export_imports_without_an_encoding(services, account, tmp_path):
    path = tmp_path / "Kontakte.CSV"
    path.write_bytes(_outlook_csv(WESTERN, "cp1252"))
    preview = preview_import(services, path, account)
    assert (preview.format, preview.encoding) == ("outlook", "cp1252")
    names = [row.name for row in preview.rows]
    assert names == ["Zoë Müller", "François Lefèvre", "José Núñez", "Jürgen Weiß", "Åsa Øberg"]
    assert all(row.ok for row in preview.rows), [
        preview.row_problems(r, "en") for r in preview.rows
    ]
    assert commit_import(services, preview, account) == 5
    people = {c.name: c for c in services.contacts.for_account(account)}
    assert people["Zoë Müller"].relationship_notes == "Budget 5.000 € für Öfen"
    assert people["José Núñez"].title == "Director de compras"


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_every_western_file_size_is_read_as_windows_1252(count):
    # Small files are where a detector most often picks a neighbour (cp1250 reads ñ as ń).
    data = _outlook_csv(WESTERN[:count], "cp1252")
    text, used = decode(data)
    assert used == "cp1252"
    assert text == data.decode("cp1252")


def test_the_rep_can_still_say_the_encoding(services, account, tmp_path):
    path = tmp_path / "Kontakte.CSV"
    path.write_bytes(_outlook_csv(WESTERN[:1], "cp1252"))
    # Read as Central European on purpose (the preview's combo / --encoding): the rep's word wins.
    preview = preview_import(services, path, account, encoding="cp1250")
    assert preview.encoding == "cp1250"
    with pytest.raises(ImportFileError, match="cannot be read as utf-8"):
        preview_import(services, path, account, encoding="utf-8")


CHINESE = [
    (
        "建国",
        "王",
        "苏州恒远精密制造有限公司",
        "采购总监",
        "+86 512 6666 8888",
        "wjg@hy.cn",
        "喜欢喝茶，周三上午方便",
    ),
    (
        "娜",
        "李",
        "苏州恒远精密制造有限公司",
        "工程部经理",
        "+86 139 1701 2231",
        "ln@hy.cn",
        "𠮷野家的老客户",
    ),  # 𠮷 is outside GBK: GB18030's four-byte form
]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")],
)
def test_chinese_files_in_the_encodings_chinese_programs_write(
    services, account, tmp_path, encoding, expected
):
    path = tmp_path / "通讯录.csv"
    path.write_bytes(_outlook_csv(CHINESE, encoding))
    preview = preview_import(services, path, account)
    assert preview.encoding == expected
    assert [row.name for row in preview.rows] == ["王建国", "李娜"]
    assert preview.rows[1].values["relationship_notes"] == "𠮷野家的老客户"


def test_outlook_unicode_text_is_utf16_with_tabs(services, account, tmp_path):
    # Outlook's "Unicode text" save: UTF-16 LE with a BOM, tab-separated.
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
    writer.writerow(OUTLOOK_HEADER)
    row = [""] * len(OUTLOOK_HEADER)
    row[OUTLOOK_HEADER.index("First Name")] = "Zoë"
    row[OUTLOOK_HEADER.index("Last Name")] = "Müller"
    writer.writerow(row)
    path = tmp_path / "Kontakte.txt"
    path.write_bytes(b"\xff\xfe" + out.getvalue().encode("utf-16-le"))
    preview = preview_import(services, path, account)
    assert preview.encoding == "utf-16"
    assert [r.name for r in preview.rows] == ["Zoë Müller"]
