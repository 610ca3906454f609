#!/usr/bin/env bash
# Fuzzes the chapter front end (Fuzz/: parse, plan and render a chapter of random bytes, seeded
# from Fuzz/corpus) with libFuzzer and AddressSanitizer for FUZZ_SECONDS (default 60). Fails on
# any crash, hang (an input over 10 s) or sanitizer report; prints the executions run.
# LeakSanitizer is off: it reports Swift's lazily initialised globals, which live until exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}

rm -f .build/fuzz/release/libFuzzChapters.so
swift build --package-path Fuzz --scratch-path .build/fuzz -c release --product FuzzChapters \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 \
  | grep -v "Cannot export local symbol" || true
test -f .build/fuzz/release/libFuzzChapters.so || { echo "error: the fuzz library did not build" >&2; exit 1; }
mkdir -p .build/fuzz/driver
echo "// libFuzzer's main calls LLVMFuzzerTestOneInput from libFuzzChapters." > .build/fuzz/driver/driver.swift
swiftc -parse-as-library -sanitize=fuzzer,address .build/fuzz/driver/driver.swift \
  -L .build/fuzz/release -lFuzzChapters -Xlinker -rpath -Xlinker "$PWD/.build/fuzz/release" \
  -o .build/fuzz/distillery-fuzz 2>&1 | grep -v "Cannot export local symbol" || true

# New inputs go to a scratch copy of the corpus, so the committed one stays as it is.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Fuzz/corpus/* "$work/"
mkdir -p "$work/artifacts"
status=0
export ASAN_OPTIONS=detect_leaks=0
.build/fuzz/distillery-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work" >"$work/log" 2>&1 || status=$?
grep -E "^Done [0-9]+ runs|stat::number_of_executed_units" "$work/log" || true
if [ $status -ne 0 ]; then
  tail -60 "$work/log" >&2
  mkdir -p .build/fuzz/artifacts && cp "$work"/artifacts/* .build/fuzz/artifacts/ 2>/dev/null || true
  echo "error: the fuzzer found a defect (input saved in .build/fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash, hang or sanitizer report in ${seconds} s"
