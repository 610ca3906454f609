"""The matplotlib side of `distillery-bench charts`: the same 20 figures (10 line charts of 3
series × 200 points with legend and axis titles, 10 grouped bar charts of 3 classes × 4
temperatures), Agg backend, figsize 8×5 at dpi 200 (1600×1000 px), PNG into memory.
Python start-up and imports are excluded: only figure construction and savefig are timed.

    python3 benchmarks/matplotlib_charts.py [--json] [--save DIR]
"""
import io
import json
import math
import statistics
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

REPEATS = 5
EPOCHS = list(range(1, 201))


def line_chart(index):
    fig, ax = plt.subplots(figsize=(8, 5), dpi=200)
    for s, name in enumerate(["teacher", "student", "distilled"]):
        y = [0.05 * (s + 1) + (1 + 0.1 * index) * math.exp(-e / (20 + 5 * s)) for e in EPOCHS]
        ax.plot(EPOCHS, y, label=name)
    ax.set_title(f"Loss {index + 1}")
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Cross-entropy")
    ax.legend()
    return fig


def bar_chart(index):
    logits = [3.0 + index * 0.2, 1.0, 0.2]
    fig, ax = plt.subplots(figsize=(8, 5), dpi=200)
    width = 0.8 / 4
    for k, t in enumerate([1, 2, 5, 10]):
        e = [math.exp(z / t) for z in logits]
        total = sum(e)
        ax.bar([g - 0.4 + width * (k + 0.5) for g in range(3)], [v / total for v in e], width, label=f"T = {t}")
    ax.set_xticks(range(3), ["class 0", "class 1", "class 2"])
    ax.set_ylim(0, 1)
    ax.set_title(f"Soft targets {index + 1}")
    ax.set_xlabel("Class")
    ax.set_ylabel("Probability")
    ax.legend()
    return fig


def render(make, index):
    start = time.perf_counter()
    fig = make(index)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return (time.perf_counter() - start) * 1000, buffer.getvalue()


line_chart(0)  # warm-up: font cache, first-use imports
line_times, bar_times = [], []
for _ in range(REPEATS):
    for i in range(10):
        line_times.append(render(line_chart, i)[0])
    for i in range(10):
        bar_times.append(render(bar_chart, i)[0])

if "--save" in sys.argv:
    folder = sys.argv[sys.argv.index("--save") + 1]
    for name, make in [("line", line_chart), ("bars", bar_chart)]:
        with open(f"{folder}/matplotlib-{name}.png", "wb") as f:
            f.write(render(make, 0)[1])

result = {"unit": "milliseconds per figure, median", "matplotlib": matplotlib.__version__,
          "line": statistics.median(line_times), "bar": statistics.median(bar_times),
          "all": statistics.median(line_times + bar_times)}
if "--json" in sys.argv:
    print(json.dumps(result))
else:
    print(f"matplotlib {matplotlib.__version__} (Agg), 1600×1000 PNG, median ms per figure over {REPEATS} rounds of 20")
    print(f"line chart (3×200 points)   {result['line']:8.2f}")
    print(f"grouped bars (3×4)          {result['bar']:8.2f}")
    print(f"all figures                 {result['all']:8.2f}")
