"""Drive the real Callbrief window through AT-SPI, as a screen reader user's tools do.

Run by test_atspi_flow.py with the system Python (which has PyGObject and Atspi), inside a
private session bus (``dbus-run-session``)::

    dbus-run-session -- /usr/bin/python3 tests/ui/atspi_driver.py \
        --python .venv/bin/python --data-dir DIR --pdf OUT.pdf

It starts Xvfb and the app with Qt's accessibility bridge on, then, only through the
accessibility tree (names and roles, actions, editable text): creates an account, a contact, an
opportunity and a visit, and exports the visit's brief to ``--pdf``. Every step looks controls
up by the accessible name a screen reader would read; a control without a name cannot be
found. It prints one line per step and exits non-zero, with the tree it saw, if a step fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 30.0


class StepFailed(Exception):
    pass


def children(node: Atspi.Accessible) -> Iterator[Atspi.Accessible]:
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is not None:
            yield child


def showing(node: Atspi.Accessible) -> bool:
    states = node.get_state_set()
    return states.contains(Atspi.StateType.SHOWING) and states.contains(Atspi.StateType.VISIBLE)


def walk(node: Atspi.Accessible, depth: int = 0) -> Iterator[Atspi.Accessible]:
    """Every showing node under ``node`` (hidden screens and closed popups are skipped)."""
    if depth > 40:
        return
    for child in children(node):
        try:
            if not showing(child):
                continue
        except gi.repository.GLib.Error:  # the widget went away while we looked
            continue
        yield child
        yield from walk(child, depth + 1)


def name_of(node: Atspi.Accessible) -> str:
    return (node.get_name() or "").strip()


def wait_for(what: str, probe: Callable[[], Atspi.Accessible | None]) -> Atspi.Accessible:
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        try:
            found = probe()
        except gi.repository.GLib.Error:
            found = None
        if found is not None:
            return found
        time.sleep(0.2)
    raise StepFailed(f"not found within {TIMEOUT:.0f} s: {what}")


def find(root: Atspi.Accessible, role: str, name: str, exact: bool = True) -> Atspi.Accessible:
    """The showing node under ``root`` with this role and accessible name (waits for it)."""

    def probe() -> Atspi.Accessible | None:
        for node in walk(root):
            if node.get_role_name() != role:
                continue
            text = name_of(node)
            if text == name or (not exact and text.startswith(name)):
                return node
        return None

    return wait_for(f"{role} {name!r}", probe)


def window(app: Atspi.Accessible, role: str, name: str) -> Atspi.Accessible:
    """A top-level window (the main frame or a dialog) of the app, by its title."""

    def probe() -> Atspi.Accessible | None:
        for node in children(app):
            if node.get_role_name() == role and name_of(node).startswith(name) and showing(node):
                return node
        return None

    return wait_for(f"{role} {name!r}", probe)


def press(node: Atspi.Accessible) -> None:
    if "Action" not in node.get_interfaces() or Atspi.Action.get_n_actions(node) == 0:
        raise StepFailed(f"{node.get_role_name()} {name_of(node)!r} offers no action")
    Atspi.Action.do_action(node, 0)


def press_from_aside(role: str, name: str) -> subprocess.Popen:
    """Press a control whose action opens a modal dialog, from a second client process.

    Qt answers an AT-SPI "press" on a tool button only once the dialog it opens is closed;
    this client must go on to fill in that dialog, so another process makes the call and waits.
    """
    return subprocess.Popen([sys.executable, __file__, "--press", role, name])


def type_into(node: Atspi.Accessible, text: str) -> None:
    if "EditableText" not in node.get_interfaces():
        raise StepFailed(f"{node.get_role_name()} {name_of(node)!r} is not editable")
    Atspi.EditableText.set_text_contents(node, text)
    got = Atspi.Text.get_text(node, 0, -1)
    if got != text:
        raise StepFailed(f"typed {text!r} into {name_of(node)!r}, it shows {got!r}")


def dump(node: Atspi.Accessible, depth: int = 0, out: list[str] | None = None) -> list[str]:
    out = [] if out is None else out
    if depth > 14:
        return out
    for child in children(node):
        try:
            if showing(child):
                out.append("  " * depth + f"{child.get_role_name()} {name_of(child)!r}")
                dump(child, depth + 1, out)
        except gi.repository.GLib.Error:
            pass
    return out


def step(text: str) -> None:
    print(f"step: {text}", flush=True)


def flow(app: Atspi.Accessible, pdf: Path) -> None:
    main = window(app, "frame", "Callbrief")

    step("first start")
    press(find(window(app, "dialog", "Welcome to Callbrief"), "push button", "Start empty"))

    step("new account")
    press(find(main, "push button", "New account…"))
    dialog = window(app, "dialog", "New account")
    type_into(find(dialog, "text", "Company name"), "Harbour Instruments")
    type_into(find(dialog, "text", "City"), "Ningbo")
    press(find(dialog, "push button", "OK"))
    main = window(app, "frame", "Harbour Instruments")

    step("contact")
    press(find(main, "page tab", "Decision circle"))
    press(find(main, "push button", "Add contact…"))
    dialog = window(app, "dialog", "New contact")
    type_into(find(dialog, "text", "Name"), "Li Ming")
    type_into(find(dialog, "text", "Title"), "Plant manager")
    press(find(dialog, "push button", "OK"))
    find(main, "text", "Name")  # the new person's form is open beside the chart

    step("opportunity")
    press(find(main, "page tab", "Opportunities"))
    press(find(main, "push button", "New opportunity…"))
    dialog = window(app, "dialog", "New opportunity")
    type_into(find(dialog, "text", "Name"), "Line 2 metrology")
    press(find(dialog, "push button", "OK"))
    find(main, "text", "Opportunity name")

    step("visit")
    press(find(main, "page tab", "Visits"))
    press(find(main, "push button", "New visit…"))
    dialog = window(app, "dialog", "New visit")
    type_into(find(dialog, "text", "Title"), "First meeting with Li Ming")
    type_into(find(dialog, "text", "Place"), "Ningbo plant")
    press(find(dialog, "push button", "OK"))
    find(main, "label", "First meeting with Li Ming")  # the visit plan is open

    step("brief")
    find(main, "push button", "Export brief PDF")  # in the plan's toolbar
    presser = press_from_aside("push button", "Export brief PDF")
    dialog = window(app, "dialog", "Export brief PDF")
    type_into(find(dialog, "text", "File name", exact=False), str(pdf))
    press(find(dialog, "push button", "Save"))
    find(main, "label", "Brief saved to", exact=False)
    presser.wait(timeout=TIMEOUT)
    if not pdf.exists():
        raise StepFailed(f"the window said the brief was saved, but {pdf} does not exist")

    step("quit")
    menu = find(main, "menu item", "File")
    quit_item = None
    for node in children(menu):
        for item in children(node):
            if name_of(item) == "Quit":
                quit_item = item
    if quit_item is None:
        raise StepFailed("no Quit in the File menu")
    press(quit_item)


def find_app(name: str, process: subprocess.Popen | None = None) -> Atspi.Accessible:
    def probe() -> Atspi.Accessible | None:
        if process is not None and process.poll() is not None:
            raise StepFailed(f"the app exited with {process.returncode}")
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if name_of(app).lower() == name.lower() and app.get_child_count():
                return app
        return None

    return wait_for(f"the application {name!r} on the accessibility bus", probe)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display number (it writes the number it took to a pipe)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    if not display:
        raise StepFailed("Xvfb did not start")
    return xvfb, f":{display}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", help="the Python that has Callbrief")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--pdf", type=Path)
    parser.add_argument("--press", nargs=2, metavar=("ROLE", "NAME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.press:  # the second client of press_from_aside
        main_frame = window(find_app("callbrief"), "frame", "")
        try:
            press(find(main_frame, *args.press))
        except gi.repository.GLib.Error:
            pass  # no answer until the dialog closes, or none at all: the first client checks
        return 0
    if not (args.python and args.data_dir and args.pdf):
        parser.error("--python, --data-dir and --pdf are required")

    xvfb, display = start_xvfb()
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        LANG="en_US.UTF-8",
        CALLBRIEF_HOME=str(args.data_dir.parent / "home"),
    )
    env.pop("QT_SCALE_FACTOR", None)
    os.environ["DISPLAY"] = display
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    app_process = subprocess.Popen(
        [args.python, "-m", "desktop", "--data-dir", str(args.data_dir)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    app = None
    try:
        app = find_app("callbrief", app_process)
        flow(app, args.pdf)
        app_process.wait(timeout=TIMEOUT)
        step(f"the app closed with {app_process.returncode}")
        return app_process.returncode
    except (StepFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED: {exc}", flush=True)
        if app is not None:
            print("\n".join(dump(app)))
        return 1
    finally:
        if app_process.poll() is None:
            app_process.kill()
            app_process.wait()
        log.seek(0)
        output = log.read().strip()
        if output:
            print("app output:\n" + output)
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    sys.exit(main())
