# Quick start: `make report` builds the report into output/, `make test` runs the tests.
# Both install the system packages they need first (scripts/setup.sh).

.PHONY: setup report test check clean

setup:
	@scripts/setup.sh

report: setup
	swift build -c release --product distillery
	.build/release/distillery build --chapters chapters --output output

test: setup
	swift test

check: setup
	swift build --product distillery
	.build/debug/distillery check --chapters chapters

clean:
	rm -rf .build .distillery-cache
