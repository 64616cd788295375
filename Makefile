# Dân cử — the two commands: `make run` (app with demo data) and `make test` (whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/dancu
HOST ?= 127.0.0.1
PORT ?= 8000

PREVIEW_DB := sqlite:///$(CURDIR)/var/preview.sqlite3

.PHONY: docs-preview install system-deps run test test-sqlite test-postgres test-browser lint bench messages worker clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# Debian packages the browser tests and document checks need (root only; skipped otherwise).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v msgfmt >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium gettext fonts-liberation2 libreoffice-writer-nogui poppler-utils; \
	  else echo "Install chromium, gettext and LibreOffice (sudo apt-get install chromium gettext libreoffice-writer-nogui poppler-utils)"; fi; \
	fi

run: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "Dân cử đang chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy dancu config
	$(BIN)/python manage.py makemigrations --check --dry-run -v0

test-sqlite: install
	$(BIN)/pytest -m "not browser" -q -n 2

test-postgres: install
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -m "not browser" -q -n 2

# The browser tests run on PostgreSQL: on SQLite the live server's threads and the test share
# one in-memory connection, and a page's poll arriving during a POST broke the POST
# ("cannot open savepoint - SQL statements in progress"). docs/decisions/0003-browser-tests-on-postgresql.md
test-browser: install system-deps
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -m browser -q

test: install system-deps lint
	@echo "== SQLite =="
	$(BIN)/pytest -m "not browser" -q -n 2
	@echo "== PostgreSQL =="
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -m "not browser" -q -n 2
	@echo "== Browser (Playwright + Debian chromium, PostgreSQL) =="
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -m browser -q

bench: install
	$(BIN)/python bench/run.py

messages: install
	cd dancu && ../$(BIN)/django-admin makemessages -l vi --no-obsolete --add-location file -i "tests/*"
	msgfmt --check -o dancu/locale/vi/LC_MESSAGES/django.mo dancu/locale/vi/LC_MESSAGES/django.po

# Page 1 of every generated document, as PNG, from a fresh demo database: var/previews/.
docs-preview: install system-deps
	mkdir -p var && rm -f var/preview.sqlite3
	DATABASE_URL=$(PREVIEW_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(PREVIEW_DB) $(BIN)/python manage.py load_demo > /dev/null
	DATABASE_URL=$(PREVIEW_DB) $(BIN)/python manage.py docs_preview var/previews

worker: install
	$(BIN)/celery -A config worker -B -l info

clean:
	rm -rf $(VENV) var
