# Two commands do all set-up: `make run` (site with the demo) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEMO_ADMIN_USER ?= admin
DEMO_ADMIN_PASSWORD ?= invest-qingdao-demo

.PHONY: run serve test test-postgres lint format system-deps pdf-deps migrate demo messages clean bench bench-deps screenshots

$(VENV)/installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

# Debian packages the PDF fact sheets need: WeasyPrint's Pango and HarfBuzz (subsetting
# fonts into the file) and the Noto CJK fonts for Chinese.
pdf-deps:
	@missing=""; \
	ldconfig -p | grep -q libpangoft2-1.0.so.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	ldconfig -p | grep -q libharfbuzz-subset.so.0 || missing="$$missing libharfbuzz-subset0"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK SC" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Debian packages the tests use: Chromium for browser tests, gettext for .po/.mo,
# npm for axe-core and the Nu HTML Checker, Java to run the checker, Redis for the
# cache-failure tests.
system-deps: pdf-deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# axe-core, vnu-jar and lighthouse, pinned in package-lock.json. Install scripts are
# skipped: vnu-jar's would fetch a Java runtime, and the system one is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

migrate: $(VENV)/installed pdf-deps
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable --database cache

demo: migrate
	$(PY) manage.py load_demo
	DEMO_ADMIN_USER=$(DEMO_ADMIN_USER) DEMO_ADMIN_PASSWORD=$(DEMO_ADMIN_PASSWORD) \
		$(PY) manage.py ensure_demo_admin

# The web server, the background worker (emails, slow work) and the scheduler of
# periodic jobs run side by side; Ctrl-C, or any one of them ending, stops all three.
WORKER := $(PY) manage.py db_worker --queue-name "*"
SCHEDULER := $(PY) manage.py run_scheduler

run: demo
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/  (the demo account, if created above: user $(DEMO_ADMIN_USER), password $(DEMO_ADMIN_PASSWORD))"
	$(PY) -m portal.together web="$(PY) manage.py runserver 127.0.0.1:$(PORT)" \
		worker='$(WORKER)' scheduler="$(SCHEDULER)"

# Production settings locally: DEBUG off, hashed static files, gunicorn on loopback.
# A throw-away secret key is generated unless DJANGO_SECRET_KEY is given; plain
# HTTP is allowed and Django serves the uploads, as there is no proxy in front.
# It never loads the demo nor creates an account: it only migrates the data it finds.
serve: $(VENV)/installed pdf-deps
	@export DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_ADMIN_REQUIRE_HTTPS=0 DJANGO_BEHIND_PROXY=0 DJANGO_SERVE_MEDIA=1 PORT=$(PORT) \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')}"; \
	$(PY) manage.py collectstatic --no-input --verbosity 0 && \
	$(PY) manage.py migrate --no-input --verbosity 0 && \
	$(PY) manage.py demo_hint && \
	$(PY) manage.py createcachetable --database cache && \
	echo "Serving http://127.0.0.1:$(PORT)/ with production settings" && \
	exec $(PY) -m portal.together web="$(VENV)/bin/gunicorn -c portal/gunicorn.conf.py portal.wsgi" \
		worker='$(WORKER)' scheduler="$(SCHEDULER)"

# The fast tests run in one process per core (pytest-xdist); the slow ones (browsers,
# load tests with servers of their own) one at a time after them.
test: $(VENV)/installed system-deps node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest -n auto -m "not slow"
	$(VENV)/bin/pytest -m slow

# Debian's wrk: the benchmark's load generator (`wrk -t2 -c16`, as in the peer's figures).
bench-deps:
	@command -v wrk >/dev/null || { echo "Installing wrk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# Performance of every public page (large synthetic data set and the demo) -> bench/RESULTS.md.
# BENCH_ARGS=--quick for a short run, --lighthouse-only for Lighthouse alone.
bench: $(VENV)/installed system-deps bench-deps node_modules/.installed
	$(PY) bench/run.py $(BENCH_ARGS)

# Every public page type at 1280 and 390 px in every language, from the demo, into
# screenshots/ (git-ignored): look at them before a release.
screenshots: demo system-deps
	$(PY) manage.py screenshots --output screenshots

# The whole suite on a throw-away PostgreSQL cluster (installed if missing).
test-postgres: $(VENV)/installed system-deps node_modules/.installed
	.ci/with-postgres $(VENV)/bin/pytest -n auto -m "not slow"
	.ci/with-postgres $(VENV)/bin/pytest -m slow

lint: $(VENV)/installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/installed
	$(PY) manage.py makemessages -l zh_Hans --no-location --no-obsolete
	$(PY) manage.py compilemessages -l zh_Hans

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
