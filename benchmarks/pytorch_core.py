"""The PyTorch side of `distillery-bench core`: the same three training steps (forward, KD loss,
backward, Adam step) with 2 threads, microseconds per phase, median over repeats.

    python3 benchmarks/pytorch_core.py [--json]

Needs `torch` (CPU is enough). Not part of the build or the tests.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(0)

CASES = [
    ("iris 4-10-3, full batch 120", [4, 10, 3], 120),
    ("digits 64-256-256-10, batch 64", [64, 256, 256, 10], 64),
    ("mnist-size 784-1200-1200-10, batch 128", [784, 1200, 1200, 10], 128),
]
T, ALPHA = 4.0, 0.9


def mlp(widths):
    layers = []
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def bench(widths, batch, steps):
    model = mlp(widths)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(batch, widths[0])
    y = torch.randint(0, widths[-1], (batch,))
    teacher = torch.randn(batch, widths[-1]) * 3
    phases = {"forward": [], "kd loss": [], "backward": [], "optimizer": []}
    for step in range(steps + 20):
        t0 = time.perf_counter_ns()
        logits = model(x)
        t1 = time.perf_counter_ns()
        soft = F.kl_div(F.log_softmax(logits / T, dim=1), F.log_softmax(teacher / T, dim=1),
                        reduction="batchmean", log_target=True) * (T * T)
        loss = ALPHA * soft + (1 - ALPHA) * F.cross_entropy(logits, y)
        t2 = time.perf_counter_ns()
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        t3 = time.perf_counter_ns()
        optimizer.step()
        t4 = time.perf_counter_ns()
        if step >= 20:  # warm-up excluded
            for name, (a, b) in zip(phases, [(t0, t1), (t1, t2), (t2, t3), (t3, t4)]):
                phases[name].append((b - a) / 1000)
    return {name: statistics.median(values) for name, values in phases.items()}


def flops_per_step(widths, batch):
    forward = sum(2 * batch * a * b for a, b in zip(widths, widths[1:]))
    backward = 2 * forward - 2 * batch * widths[0] * widths[1]  # no input gradient for the first layer
    return forward + backward


results = []
for name, widths, batch in CASES:
    steps = 2000 if widths[1] <= 10 else (300 if widths[1] <= 256 else 40)
    phases = bench(widths, batch, steps)
    total = sum(phases.values())
    results.append({"case": name, **{k: round(v, 2) for k, v in phases.items()}, "total_us": round(total, 2),
                    "gflops": round(flops_per_step(widths, batch) / (total * 1e3), 2)})

if "--json" in sys.argv:
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))
else:
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, median µs per step")
    print(f"{'case':42} {'forward':>9} {'kd loss':>9} {'backward':>9} {'optim':>9} {'total':>10} {'GFLOP/s':>8}")
    for r in results:
        print(f"{r['case']:42} {r['forward']:9.1f} {r['kd loss']:9.1f} {r['backward']:9.1f} {r['optimizer']:9.1f} "
              f"{r['total_us']:10.1f} {r['gflops']:8.2f}")
