# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
LRS_VENV := .venv-lrs
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint messages fonts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

run: $(VENV)/.installed | fonts
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_demo_users --address http://$(HOST):$(PORT)
	$(BIN)/python manage.py create_demo_class --address http://$(HOST):$(PORT)
	$(BIN)/python manage.py issuer_key
	$(BIN)/python manage.py lti_tool_key
	# The background worker (e-mail, LTI scores) runs beside the web server and stops with it.
	$(BIN)/python manage.py db_worker --backend background & \
	trap 'kill $$!' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Certificates print names in any script with Debian's Noto fonts (certificates/fonts.py):
# installed once, checked in a moment on every later run.
NOTO_PACKAGES := fonts-noto-core fonts-noto-cjk
fonts:
	@dpkg -s $(NOTO_PACKAGES) >/dev/null 2>&1 || { apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(NOTO_PACKAGES); }

# The browser tests (tests/e2e/) drive Debian's chromium and inject axe-core from npm.
$(CHROMIUM):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The xAPI tests run a real learning record store (ralph) in its own virtualenv.
$(LRS_VENV)/.installed: requirements-lrs.txt $(wildcard tests/xapi/ralph_backend/*.py tests/xapi/ralph_backend/*.toml)
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet -r requirements-lrs.txt
	touch $@

test: $(VENV)/.installed-dev $(LRS_VENV)/.installed node_modules/.package-lock.json | $(CHROMIUM) fonts
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refresh the interface catalogues after changing a marked string (needs GNU gettext).
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages --all --no-wrap --no-location --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --ignore=node_modules
	$(BIN)/python manage.py compilemessages --ignore=.venv
