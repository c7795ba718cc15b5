# Dwarsverband: the commands the README tells people to type.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEMO := data/demo.json
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test demo lint format bench install migrate

$(INSTALLED): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: $(INSTALLED)
	$(PY) manage.py migrate --noinput

## make run: set everything up and serve the portal with the demo content on SQLite.
run: demo
	@echo "Dwarsverband: http://$(HOST):$(PORT)/  (beheer: http://$(HOST):$(PORT)/beheer/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

## make demo: load the demo content into the configured database (SQLite, or DATABASE_URL).
demo: migrate
	$(PY) manage.py import_content $(DEMO)

## make test: the whole suite on SQLite and on a throwaway PostgreSQL.
test: $(INSTALLED)
	scripts/test

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make bench: speed figures at full scale (see README).
bench: $(INSTALLED)
	scripts/bench
