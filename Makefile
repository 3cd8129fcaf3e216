# Set-up and everyday commands. `make run` and `make test` are the two a newcomer needs.
#
# Both install what is missing first: Debian/Ubuntu system libraries that Qt needs (and
# poppler-utils, which the tests use to read PDFs back; python3-venv where Debian split venv out;
# Xvfb, AT-SPI and the system Python's Atspi bindings, with which tests/ui/test_atspi_flow.py
# drives the window; PostgreSQL, which tests/server starts as a throwaway cluster of its own),
# a virtualenv in .venv, and the package. The package is installed only when pyproject.toml
# changed since the last install (a stamp in .venv named after its checksum), so an installed
# checkout starts without the network. A set-up step that fails removes what it half made.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The venv is complete only once pip is upgraded in it; a half-made .venv is never mistaken for
# a working one (its bin/python alone would be).
READY := $(VENV)/.ready
# cksum is POSIX (present on every system make runs on); the stamp changes when pyproject does.
DEPS_KEY := $(shell cksum < pyproject.toml | cut -d' ' -f1)
STAMP_RUN := $(VENV)/.installed-run-$(DEPS_KEY)
STAMP_TEST := $(VENV)/.installed-test-$(DEPS_KEY)
STAMP_BUILD := $(VENV)/.installed-build-$(DEPS_KEY)
SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-shape0 \
	libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 poppler-utils \
	xvfb at-spi2-core dbus-daemon python3-gi gir1.2-atspi-2.0 postgresql

.PHONY: run test lint build bench bench-quick team-server system venv venv-test venv-build clean

run: venv
	$(BIN)/callbrief

test: venv-test
	$(BIN)/python -m pytest --durations=30

lint: venv-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python scripts/translations.py --lint

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

# A trial team server on this machine: PostgreSQL, a database, a self-signed certificate, one
# admin user, then `callbrief-server serve` (scripts/start-team-server.sh says what it does).
team-server: venv-test
	scripts/start-team-server.sh

system:
	@PYTHON="$(PYTHON)" scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

$(READY):
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet --upgrade pip \
		|| { rm -rf $(VENV); echo "Could not create $(VENV) (removed it; nothing to clean up)." >&2; exit 1; }
	@touch $@

# One stamp per set of extras; the test and build sets include what `run` needs, so they mark it
# installed too. Old stamps are removed so that a later change back is installed again.
venv: system $(READY)
	@[ -e $(STAMP_RUN) ] || { \
		$(BIN)/pip install --quiet -e . && rm -f $(VENV)/.installed-run-* && touch $(STAMP_RUN); }

venv-test: system $(READY)
	@[ -e $(STAMP_TEST) ] || { \
		$(BIN)/pip install --quiet -e '.[test]' && rm -f $(VENV)/.installed-run-* $(VENV)/.installed-test-* \
		&& touch $(STAMP_RUN) $(STAMP_TEST); }

venv-build: system $(READY)
	@[ -e $(STAMP_BUILD) ] || { \
		$(BIN)/pip install --quiet -e '.[build]' && rm -f $(VENV)/.installed-run-* $(VENV)/.installed-build-* \
		&& touch $(STAMP_RUN) $(STAMP_BUILD); }

clean:
	rm -rf build dist $(VENV)
