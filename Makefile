# mcp-setup: common tasks. `make test` is what CI runs (through .ci/run).
SWIFT ?= swift

.PHONY: example build release test unit conformance bench templates clean

example:            ## render every artifact of the bundled example (mcp-setup.yml)
	$(SWIFT) run mcp-setup render

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

test: unit conformance  ## every test: Swift unit and end-to-end tests, then the real-client conformance suite

unit:
	scripts/bootstrap
	$(SWIFT) test

conformance:        ## real Claude Code and Codex against a real MCP server (Tests/Conformance)
	scripts/bootstrap
	$(SWIFT) build
	Tests/Conformance/run.sh

bench:              ## time mcp-setup render against what users run today
	scripts/bench

templates:          ## recompile templates/ into the binary's defaults
	scripts/embed-templates

clean:
	rm -rf .build
