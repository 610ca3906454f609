# Quick start: `make report` builds the report into output/, `make test` runs the tests.
# Both install the system packages they need first (scripts/setup.sh).

.PHONY: setup report test check clean browser-test

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

# The built report in headless Chromium at 1280 and 390 px, and the Nu HTML Checker on every
# page (Tests/Browser); installs Chromium, Selenium and the validator when missing.
browser-test:
	@scripts/setup-browser.sh
	Tests/Browser/validate_html.sh output
	python3 Tests/Browser/check_report.py output --screenshots .build/browser-screenshots
