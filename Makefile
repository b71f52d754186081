# Together: `make run` serves the app on this machine; `make test` sets up and runs every test.
HOST ?= 127.0.0.1
PORT ?= 8000
STAGE ?= dev
PYTHON ?= $(shell infra/find-python.sh)
VENV := .venv
PY := $(VENV)/bin/python
export TOGETHER_DATA_DIR ?= $(CURDIR)/var

.PHONY: run test test-stress bench package lint clean venv venv-run pwa-lists

# One .venv, two levels: `make run` installs what serving needs (requirements-run.txt); the
# test, bench and lint targets add the tools on top (requirements-dev.txt), in the same venv.
venv-run: $(VENV)/.installed-run
venv: $(VENV)/.installed

$(VENV)/.installed-run: requirements.txt requirements-run.txt
	@test -n "$(PYTHON)" || { echo "No Python 3.11+ found"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-run.txt
	touch $@

$(VENV)/.installed: $(VENV)/.installed-run requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

infra/node_modules/.installed: infra/package.json infra/package-lock.json
	npm ci --prefix infra --no-audit --no-fund --loglevel=error
	touch $@

# Beyond loopback (HOST=0.0.0.0 for a phone on the same network) the dev outbox is off and
# sign-in codes are printed here, on the console (functions/config.py: dev_routes).
run: venv-run
	$(VENV)/bin/flask --app functions.wsgi seed-demo
	@echo "Together is at http://$(HOST):$(PORT)  (API docs: /api/docs; sign-in codes are printed below)"
	TOGETHER_LISTEN_HOST=$(HOST) $(VENV)/bin/waitress-serve --host=$(HOST) --port=$(PORT) --threads=8 functions.serve:app

# Stages (lint, node, api, schema, contract, lambda, e2e), each timed; tests/stages.sh says why.
test: venv infra/node_modules/.installed
	sh infra/ensure-chromium.sh
	VENV=$(VENV) bash tests/stages.sh

# Before saying an issue is resolved: the suite under load, e2e three times (tests/stress.sh).
test-stress: venv infra/node_modules/.installed
	sh infra/ensure-chromium.sh
	VENV=$(VENV) bash tests/stress.sh

bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

bench: venv bench/lighthouse/node_modules/.installed
	sh infra/ensure-chromium.sh
	$(PY) -m bench

package: venv infra/node_modules/.installed
	bash infra/package.sh $(STAGE)

lint: venv infra/node_modules/.installed
	VENV=$(VENV) bash tests/stages.sh lint

# After adding, removing or changing a file under pwa/: the precache list, its version and the
# first screen's module preloads (infra/pwa_lists.py; tests/api/test_pwa_lists.py checks them).
pwa-lists:
	python3 infra/pwa_lists.py

clean:
	rm -rf $(VENV) .venv-lambda dist .serverless infra/node_modules .pytest_cache test-results
