# mcp-setup: common tasks. `make test` is what CI runs (through .ci/run).
SWIFT ?= swift

.PHONY: example build release test unit site-check browser conformance distribution dist wheel bench bench-keys bench-site bench-serve templates site serve clean

example:            ## render every artifact of the bundled example (mcp-setup.yml)
	scripts/mcp-setup render

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

test: unit site-check browser conformance distribution  ## every test: Swift tests, output/ freshness, the browser suite, the real-client suite, the release archive and wheel

unit:
	scripts/bootstrap
	$(SWIFT) test

site:               ## build the example docs site into output/
	$(SWIFT) run mcp-setup build

serve:              ## the example docs site on http://127.0.0.1:8000/, rebuilt and reloaded as you edit content/
	$(SWIFT) run mcp-setup serve

site-check:         ## fail when output/ is not what mcp-setup build writes now
	$(SWIFT) build
	.build/debug/mcp-setup check

browser:            ## the docs site in headless Chromium: tabs, key box with hostile keys, no network; HTML validity
	scripts/bootstrap
	$(SWIFT) build
	MCP_SETUP_BIN=$(CURDIR)/.build/debug/mcp-setup Tests/Browser/run.sh

conformance:        ## real Claude Code and Codex against a real MCP server (Tests/Conformance)
	scripts/bootstrap
	$(SWIFT) build
	MCP_SETUP_BIN=$(CURDIR)/.build/debug/mcp-setup Tests/Conformance/run.sh

dist:               ## release archive: dist/mcp-setup-<version>-linux-<arch>.tar.gz (+ .sha256)
	scripts/dist

wheel:              ## pip-installable wheel carrying the executable: dist/mcp_setup-<version>-py3-none-manylinux_*.whl
	scripts/wheel

distribution:       ## the archive in a clean Debian 12 root, the wheel in a fresh venv, completions and man pages
	scripts/bootstrap
	scripts/dist
	scripts/wheel
	Tests/Distribution/run.sh

bench:              ## time mcp-setup render against what users run today
	scripts/bench

bench-keys:         ## per-key rendering: artifact programs (Swift and the key box) beside the rendering before them
	scripts/bench-keys

bench-site:         ## full builds beside Hugo: folders of 100 pages (10,000), one flat folder (5,000), ten levels deep (10,000)
	scripts/bench-site

bench-serve:        ## one edited page in a 10,000-page site: mcp-setup serve's rebuild beside hugo server's
	scripts/bench-serve

templates:          ## recompile templates/ into the binary's defaults
	scripts/embed-templates

clean:
	rm -rf .build
