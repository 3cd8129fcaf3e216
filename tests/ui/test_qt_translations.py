"""Qt's own dialogs speak the rep's language: file dialogs and message boxes, in the app and in
the PyInstaller bundle that build.spec describes."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from ui_actions import when_dialog

from desktop.ui import i18n
from desktop.ui.msgbox import prompter

ROOT = Path(__file__).resolve().parents[2]


def test_the_file_dialog_and_message_boxes_are_in_chinese(qtbot, qapp):
    assert i18n.install_translators("zh")
    seen: dict[str, str] = {}

    def read_file_dialog(dialog: QFileDialog) -> None:
        for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel"):
            seen[name] = dialog.findChild(QLabel, name).text()
        dialog.reject()

    when_dialog(QFileDialog, read_file_dialog)
    prompter.save_path(None, "导出", "客户.xlsx", "Excel (*.xlsx)")
    assert seen["lookInLabel"] == "查找范围(&L)："
    assert seen["fileTypeLabel"] == "文件类型(&T)："

    def read_buttons(box: QMessageBox) -> None:
        seen["buttons"] = " ".join(b.text() for b in box.buttons())
        box.reject()

    when_dialog(QMessageBox, read_buttons)
    prompter.confirm(None, "删除", "确定吗？")
    assert "是(&Y)" in seen["buttons"] and "否(&N)" in seen["buttons"]


class _Stub:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.pure = self.scripts = self.binaries = self.datas = []


def test_the_bundle_ships_qts_chinese_catalog_where_qt_looks_for_it():
    spec = ROOT / "build.spec"
    scope = {"SPECPATH": str(ROOT), "__file__": str(spec)}
    scope.update(Analysis=_Stub, PYZ=_Stub, EXE=_Stub, COLLECT=_Stub)
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), scope)
    shipped = {Path(source).name: dest for source, dest in scope["datas"]}
    assert "qtbase_zh_CN.qm" in shipped
    # In the bundle the PySide6 package sits at the top, as in site-packages here: the file
    # must land in the folder QLibraryInfo names, relative to that.
    site = Path(PySide6.__file__).resolve().parent.parent
    where = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)).resolve()
    assert Path(shipped["qtbase_zh_CN.qm"]) == where.relative_to(site)
    source = next(Path(s) for s, _ in scope["datas"] if Path(s).name == "qtbase_zh_CN.qm")
    assert source.is_file()
