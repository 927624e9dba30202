# lcity-site — the two commands: `make serve` and `make test`.
SWIFT ?= swift
BIN := .build/debug/lcity-site
RELEASE_BIN := .build/release/lcity-site
PORT ?= 8080

.PHONY: all deps build release site serve test unit-test site-check html-check link-check clean

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

# Build the example site and preview it on http://127.0.0.1:$(PORT)/
serve: site
	@echo "serving public/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	cd public && python3 -m http.server $(PORT) --bind 127.0.0.1

# Unit tests, the shipped site with --strict, every page through the Nu Html Checker, every link and anchor.
test: deps unit-test site-check html-check link-check
	@echo "make test: all checks passed"

unit-test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

site-check: build
	$(BIN) check --strict
	$(BIN) build --strict --output .build/site-test

html-check: site-check
	scripts/check-html .build/site-test

link-check: build
	$(BIN) check --strict --links

clean:
	rm -rf .build public
