"""One window per data folder: a second launch brings the first window forward and exits.

The first launch on a data folder takes a lock file in it (``callbrief.lock``, a QLockFile:
stale locks of a crashed process are taken over) and listens on a local socket named after a
hash of the folder's path. A later launch on the same folder cannot take the lock; it connects
to the socket, sends ``raise`` and exits, and the first instance's ``on_activate`` runs (bring
the main window to the front). Launches on different data folders do not interfere.

Wiring (desktop/ui/application.py, after the QApplication exists and before the file opens)::

    from .single_instance import guard_single_instance

    activate = []  # filled once the window exists
    guard = guard_single_instance(folder, lambda: activate and activate[0](), listen=False)
    if guard is None:
        return 0  # the running instance was asked to come forward
    ...
    window = MainWindow(ctx)
    activate.append(lambda: bring_to_front(window))
    guard.listen()  # after the first paint: QtNetwork's import is not on the critical path

A launch between the lock and ``listen`` finds nobody answering and exits; the window it
wanted is already on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket
    from PySide6.QtWidgets import QWidget

MESSAGE = b"raise\n"
CONNECT_TIMEOUT_MS = 2000
LOCK_NAME = "callbrief.lock"


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir`` (short: Unix socket paths are limited)."""
    import hashlib

    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()
    return f"callbrief-{digest[:24]}"


class SingleInstance(QObject):
    """The first instance's side: holds the lock and answers later launches."""

    def __init__(
        self, data_dir: Path, on_activate: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._on_activate = on_activate
        self._data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self._data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale, never a slow one
        self._server: Any = None
        self.primary = False

    def claim(self, listen: bool = True) -> bool:
        """True if this is the first instance (listening now, or after ``listen``), False if
        another runs."""
        if not self._lock.tryLock(100):
            return False
        self.primary = True
        return self.listen() if listen else True

    def listen(self) -> bool:
        """Answer later launches on the local socket; False if it could not be opened."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return self._server.isListening()
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        name = server_name(self._data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crashed instance
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        return self._server.listen(name)

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if b"raise" in data:
            self._on_activate()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def ask_first_instance_to_raise(data_dir: Path) -> bool:
    """Tell the instance running on ``data_dir`` to come forward; False if none answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


def guard_single_instance(
    data_dir: Path, on_activate: Callable[[], None], listen: bool = True
) -> SingleInstance | None:
    """The guard: this is the only instance on ``data_dir`` — carry on (the guard lives as
    long as the QApplication; without ``listen`` call its ``listen()`` soon). None: another
    instance runs and was asked to come forward — exit."""
    app = QCoreApplication.instance()
    guard = SingleInstance(data_dir, on_activate, app)
    if guard.claim(listen):
        return guard
    guard.deleteLater()
    ask_first_instance_to_raise(data_dir)
    return None


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimise and activate ``window`` (what ``on_activate`` should usually do)."""
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()
