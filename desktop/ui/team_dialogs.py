"""Team ▸ Join a team… and Team ▸ Share this account… (with a teammate, a team or a
territory): the dialogs of the Team menu.

Both send their request on a worker thread (desktop/ui/tasks.py) while the dialog stays open
with its fields locked; the window never waits for the network. A refusal
(``desktop.sync.team_actions.TeamRefused``) is shown in red under the field it concerns, in the
rep's language, and that field gets the focus; nothing was written. Enter sends, Esc cancels
(not while a request is on its way: its answer decides).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .context import UiContext
from .msgbox import prompter
from .tasks import run_task
from .widgets.a11y import FieldLabel
from .widgets.refusal import refusal_label

CERT_FILTER = "Certificates (*.pem *.crt *.cer);;All files (*)"


def login_refused(reason: str) -> str:
    """What to say when the server refused the login kept on this laptop ("" otherwise)."""
    if reason != "login":
        return ""
    return QCoreApplication.translate(
        "TeamMenu",
        "The team server refused this laptop's login: join the team again (Team ▸ Join a team…).",
    )


class _TeamDialog(QDialog):
    """A form whose fields each have their own red line, and a button that sends it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = False
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.setMinimumWidth(460)
        layout = self._column = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.general_error = refusal_label()  # a refusal that concerns no one field
        self.general_error.setObjectName("teamError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _row(self, key: str, field: QWidget, extra: QWidget | None = None) -> FieldLabel:
        """A labelled field with its red line below it; the label names the field."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is None:
            column.addWidget(field)
        else:
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(field, 1)
            line.addWidget(extra)
            column.addLayout(line)
        error = refusal_label()
        error.setObjectName(f"{key}Error")
        column.addWidget(error)
        label = FieldLabel()
        label.setBuddy(field)
        self.form.addRow(label, box)
        self._errors[key], self._fields[key] = error, field
        return label

    # Sending -------------------------------------------------------------------------------

    def _request(self) -> Callable[[], object]:
        raise NotImplementedError

    def _done(self, result: object) -> None:
        raise NotImplementedError

    def _words(self, reason: str) -> str:
        """A refusal's reason in the rep's language ("" for one without its own words)."""
        raise NotImplementedError

    def _send(self) -> None:
        if self._busy:
            return
        self._clear()
        request = self._request()
        self._lock(True)
        run_task(request, self._succeeded, self._failed, owner=self)

    def _succeeded(self, result: object) -> None:
        self._lock(False)
        self._done(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from desktop.sync.client import AuthRefused, TeamError
        from desktop.sync.team_actions import TeamRefused

        self._lock(False)
        if not isinstance(error, TeamError):
            raise error  # a bug: the application's excepthook reports it
        reason = error.reason if isinstance(error, TeamRefused) else ""
        field = error.field if isinstance(error, TeamRefused) else ""
        if isinstance(error, AuthRefused):  # the login kept here no longer works
            reason = "login"
        text = self._words(reason) or login_refused(reason) or str(error)
        label = self._errors.get(field, self.general_error)
        label.setText(text)
        label.show()
        self._fit()
        target = self._fields.get(field)
        if target is not None:
            target.setAccessibleDescription(text)  # read out with the field
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()
        else:
            self.ok.setFocus()

    def _fit(self) -> None:
        """Grow to show a refusal that wraps onto more lines (never cut off)."""
        layout = self._column
        layout.activate()
        width = self.width()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(width)
        else:
            need = layout.totalSizeHint().height()
        if need > self.height():
            self.resize(width, need)

    def _clear(self) -> None:
        for key, label in self._errors.items():
            label.hide()
            label.clear()
            self._fields[key].setAccessibleDescription("")
        self.general_error.hide()
        self.general_error.clear()

    def _lock(self, busy: bool) -> None:
        self._busy = busy
        for field in self._fields.values():
            field.setEnabled(not busy)
        self.ok.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        if not self._busy:  # a request on its way: its answer decides
            super().reject()

    def error_text(self, key: str = "") -> str:
        """The refusal shown next to ``key``'s field (or under the form), "" if none."""
        label = self._errors.get(key, self.general_error)
        return label.text() if not label.isHidden() else ""


class JoinDialog(_TeamDialog):
    """The server's address, the rep's user name and password, and (for a company's own
    certificate authority) its certificate file."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("joinTeamDialog")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://team.example.com")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_file = QLineEdit()
        self.choose = QPushButton()
        self.choose.clicked.connect(lambda _c=False: self._choose_certificate())
        self.choose.setAutoDefault(False)  # Enter in a field sends the form, never "Choose…"
        self.url_label = self._row("url", self.url)
        self.user_label = self._row("user", self.user)
        self.password_label = self._row("password", self.password)
        self.ca_label = self._row("ca_file", self.ca_file, self.choose)
        self.config: object = None  # the TeamConfig once joined
        self._retranslate()
        self.url.setFocus()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Join a team"))
        self.setAccessibleName(self.tr("Join a team"))
        self.intro.setText(
            self.tr(
                "Log in to your team's server to share accounts with teammates. Your password"
                " is not kept on this laptop."
            )
        )
        self.url_label.setText(self.tr("&Server address:"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.ca_label.setText(self.tr("&Certificate file (optional):"))
        self.ca_file.setPlaceholderText(self.tr("Only if your company gave you one"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose a certificate file"))
        self.ok.setText(self.tr("&Join"))
        self.cancel.setText(self.tr("Cancel"))

    def _choose_certificate(self) -> None:
        path = prompter.open_path(self, self.tr("Certificate file"), CERT_FILTER)
        if path:
            self.ca_file.setText(path)

    def _request(self) -> Callable[[], object]:
        from desktop.sync.team_actions import join

        folder = Path(self._ctx.services.files.folder)
        url, user, password = self.url.text(), self.user.text(), self.password.text()
        ca_file = self.ca_file.text().strip() or None
        return lambda: join(folder, url, user, password, ca_file)

    def _done(self, result: object) -> None:
        self.config = result

    def _words(self, reason: str) -> str:
        return {
            "url_missing": self.tr("Enter the team server's address."),
            "url_invalid": self.tr("This is not a team server's address."),
            "unreachable": self.tr(
                "The team server cannot be reached. Check the address and your network."
            ),
            "certificate": self.tr(
                "The server's certificate was refused: this laptop does not trust it. Choose"
                " the certificate file your company gave you."
            ),
            "ca_file": self.tr("This certificate file cannot be read."),
            "user_missing": self.tr("Enter your user name."),
            "password_missing": self.tr("Enter your password."),
            "password": self.tr("Wrong user name or password."),
            "too_many": self.tr("Too many failed logins. Wait a few minutes and try again."),
        }.get(reason, "")


class ShareDialog(_TeamDialog):
    """The name of a teammate (user name), a team or a territory, for the account on screen,
    and whom to look for under that name: anyone (a user, else a team, else a territory, as the
    server knows them) or only a teammate, a team or a territory. The choice is one row of radio
    buttons: Tab reaches the chosen one, the arrow keys move the choice."""

    KINDS: tuple[str | None, ...] = (None, "user", "team", "territory")  # Anyone first

    def __init__(
        self, ctx: UiContext, account_id: int, account_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("shareAccountDialog")
        self._account_id, self._account_name = account_id, account_name
        self.grantee = QLineEdit()
        self.grantee_label = self._row("grantee", self.grantee)
        self.look_for = QWidget()
        self.look_for.setObjectName("shareLookFor")
        line = QHBoxLayout(self.look_for)
        line.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str | None, QRadioButton] = {}
        for number, kind in enumerate(self.KINDS):
            button = QRadioButton()
            button.setObjectName(f"lookFor{(kind or 'anyone').capitalize()}")
            self.kind_group.addButton(button, number)
            self.kind_buttons[kind] = button
            line.addWidget(button)
        line.addStretch(1)
        self.kind_buttons[None].setChecked(True)
        self.look_for.setFocusProxy(self.kind_buttons[None])  # the label's mnemonic lands here
        self.kind_group.idToggled.connect(self._kind_toggled)
        self.look_for_label = FieldLabel()
        self.look_for_label.setBuddy(self.look_for)
        self.form.addRow(self.look_for_label, self.look_for)
        self._fields["kind"] = self.look_for
        # A manager who reviews the plan, a colleague who should see but not change it.
        self.read_only = QCheckBox()
        self.form.addRow("", self.read_only)
        self._fields["read_only"] = self.read_only
        self.message = ""  # the server's words once shared
        self._retranslate()
        self.grantee.setFocus()

    def kind(self) -> str | None:
        """Whom the name is looked for as: "user", "team", "territory", or None for anyone."""
        return self.KINDS[self.kind_group.checkedId()]

    def _kind_toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.look_for.setFocusProxy(self.kind_group.button(number))
            self._placeholder()

    def _placeholder(self) -> None:
        self.grantee.setPlaceholderText(
            {
                None: self.tr("User name, team or territory"),
                "user": self.tr("Teammate's user name"),
                "team": self.tr("Team name"),
                "territory": self.tr("Territory name"),
            }[self.kind()]
        )

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share this account"))
        self.setAccessibleName(self.tr("Share this account"))
        self.intro.setText(
            self.tr(
                "Share “%1” and everything in it with a teammate, a whole team or everyone in a"
                " territory. They receive it at their next sync and can edit it, unless you"
                " choose read only."
            ).replace("%1", self._account_name)
        )
        self.grantee_label.setText(self.tr("&Teammate, team or territory:"))
        texts = {
            None: (self.tr("A&nyone"), self.tr("Look for a teammate, team or territory")),
            "user": (self.tr("Team&mate"), self.tr("Look for a teammate")),
            "team": (self.tr("T&eam"), self.tr("Look for a team")),
            "territory": (self.tr("Terr&itory"), self.tr("Look for a territory")),
        }
        for kind, (text, name) in texts.items():
            self.kind_buttons[kind].setText(text)
            self.kind_buttons[kind].setAccessibleName(name)
        self.look_for_label.setText(self.tr("&Look for:"))  # after the buttons' own names
        self._placeholder()
        self.read_only.setText(self.tr("&Read only: they see it but cannot change it"))
        self.read_only.setAccessibleName(self.tr("Read only"))
        self.ok.setText(self.tr("&Share"))
        self.cancel.setText(self.tr("Cancel"))

    def _request(self) -> Callable[[], object]:
        from desktop.sync.team_actions import share

        services = self._ctx.services
        folder = Path(services.files.folder)
        account_id, grantee, kind = self._account_id, self.grantee.text(), self.kind()
        read_only = self.read_only.isChecked()
        return lambda: share(services, folder, account_id, grantee, read_only=read_only, kind=kind)

    def _done(self, result: object) -> None:
        self.message = str(result)

    def _words(self, reason: str) -> str:
        name = self.grantee.text().strip()
        unknown = {
            "unknown_name": self.tr(
                "The team server has no teammate, team or territory named “%1”. Check the spelling."
            ),
            "unknown_user": self.tr(
                "The team server has no teammate named “%1”. Check the spelling, or look for"
                " anyone."
            ),
            "unknown_team": self.tr(
                "The team server has no team named “%1”. Check the spelling, or look for anyone."
            ),
            "unknown_territory": self.tr(
                "The team server has no territory named “%1”. Check the spelling, or look for"
                " anyone."
            ),
        }
        if reason in unknown:
            return unknown[reason].replace("%1", name)
        return {
            "grantee_missing": self.tr(
                "Enter a teammate's user name, a team's name or a territory's name."
            ),
            "not_owner": self.tr(
                "Only the teammate who first shared this account may share it further."
            ),
            "unreachable": self.tr(
                "The team server cannot be reached. Check your network and try again."
            ),
        }.get(reason, "")
