# Set-up and everyday commands. `make run` and `make test` are the two a newcomer needs.
#
# Both install what is missing first: Debian/Ubuntu system libraries that Qt needs (and
# poppler-utils, which the tests use to read PDFs back; Xvfb, AT-SPI and the system Python's Atspi
# bindings, with which tests/ui/test_atspi_flow.py drives the window), a virtualenv in .venv, and
# the package.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-shape0 \
	libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 poppler-utils \
	xvfb at-spi2-core dbus-daemon python3-gi gir1.2-atspi-2.0

.PHONY: run test lint build bench bench-quick system venv clean

run: venv
	$(BIN)/callbrief

test: venv-test
	$(BIN)/python -m pytest

lint: venv-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: venv-test
	$(BIN)/python -m benchmarks.run

bench-quick: venv-test
	$(BIN)/python -m benchmarks.run --quick

build: venv-build
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	dist/callbrief/callbrief --help
	# The frozen build creates, migrates and fills a data file on its own.
	rm -rf build/smoke && dist/callbrief/callbrief --data-dir build/smoke demo
	dist/callbrief/callbrief --data-dir build/smoke check

system:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: system $(BIN)/python
	$(BIN)/pip install --quiet -e .

venv-test: system $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

venv-build: system $(BIN)/python
	$(BIN)/pip install --quiet -e '.[build]'

clean:
	rm -rf build dist $(VENV)
