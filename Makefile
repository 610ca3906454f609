# Quick start: `make report` builds the report into output/, `make test` runs the tests.
# Both install the system packages they need first (scripts/setup.sh).

.PHONY: setup report test check clean browser-test

# Release builds link the Swift runtime and Foundation in statically: every command is a short
# process, and resolving their symbols at each start cost about 8 ms of it. Use the same flag
# for any other release build (e.g. the benchmarks), or SwiftPM recompiles for the change.
RELEASE = swift build -c release --static-swift-stdlib

setup:
	@scripts/setup.sh

report: setup
	$(RELEASE) --product distillery
	.build/release/distillery build --chapters chapters --output output

test: setup
	swift test

check: setup
	swift build --product distillery
	.build/debug/distillery check --chapters chapters

clean:
	rm -rf .build .distillery-cache

# The built report in headless Chromium at 1280 and 390 px, and the Nu HTML Checker on every
# page (Tests/Browser); installs Chromium, Selenium and the validator when missing.
browser-test:
	@scripts/setup-browser.sh
	Tests/Browser/validate_html.sh output
	python3 Tests/Browser/check_report.py output --screenshots .build/browser-screenshots
