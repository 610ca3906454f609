"""Runs `distillery-bench core --json` and `pytorch_core.py --json` in turn, A B A B …, and
prints each case's median time per step for both and the median of the pair-by-pair speed-up
(PyTorch ÷ Distillery), so a comparison holds while a shared machine drifts between speeds.

    python3 benchmarks/compare_core.py [--pairs 5] [--python PYTHON]

Needs a release build (`swift build -c release --static-swift-stdlib --product distillery-bench`) and a Python with
`torch`. Not part of the build or the tests.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

parser = argparse.ArgumentParser()
parser.add_argument("--pairs", type=int, default=5)
parser.add_argument("--python", default=sys.executable, help="a Python that has torch")
arguments = parser.parse_args()


def run(command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout)


ours, theirs = {}, {}
for _ in range(arguments.pairs):
    for result in run([os.path.join(ROOT, ".build/release/distillery-bench"), "core", "--json"])["results"]:
        ours.setdefault(result["name"], []).append(result["total"])
    for result in run([arguments.python, os.path.join(ROOT, "benchmarks/pytorch_core.py"), "--json"])["results"]:
        theirs.setdefault(result["case"], []).append(result["total_us"])

print(f"{arguments.pairs} pairs, median µs per training step (forward, KD loss, backward, Adam)")
print(f"{'case':42} {'Distillery':>11} {'PyTorch':>10} {'speed-up':>9} {'range':>14}")
for name, times in ours.items():
    ratios = [t / o for o, t in zip(times, theirs[name])]
    print(f"{name:42} {statistics.median(times):11.1f} {statistics.median(theirs[name]):10.1f} "
          f"{statistics.median(ratios):8.2f}× {min(ratios):6.2f}–{max(ratios):.2f}×")
