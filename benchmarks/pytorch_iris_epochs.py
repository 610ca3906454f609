"""The PyTorch side of the whole-build comparison in README: the Iris teacher of a book
trained for 20,000 full-batch epochs (4-10-3 ReLU, Adam lr 0.01), recording after every epoch
what the book's curves need — training loss and accuracy of the epoch's forward pass, test
loss and accuracy after its step — on one thread, as one process, imports included.

    python3 benchmarks/pytorch_iris_epochs.py [EPOCHS]

Compare with `distillery build --no-cache` on a book holding the same {train} directive
(see README); time both as whole processes, e.g. with farm-bench --vs.
Needs `torch` (CPU). Not part of the build or the tests.
"""
import csv
import os
import sys

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "Sources", "DistillCore", "Resources", "iris.csv")) as f:
    rows = list(csv.reader(f))[1:]
x = torch.tensor([[float(v) for v in r[:4]] for r in rows])
y = torch.tensor([int(r[4]) for r in rows])

# A stratified 80/20 split, standardised with the training statistics.
generator = torch.Generator().manual_seed(0)
train_index, test_index = [], []
for c in range(3):
    members = (y == c).nonzero().flatten()
    members = members[torch.randperm(len(members), generator=generator)]
    test_index += members[:10].tolist()
    train_index += members[10:].tolist()
mean, std = x[train_index].mean(0), x[train_index].std(0, unbiased=False)
x = (x - mean) / std
x_train, y_train, x_test, y_test = x[train_index], y[train_index], x[test_index], y[test_index]

model = torch.nn.Sequential(torch.nn.Linear(4, 10), torch.nn.ReLU(), torch.nn.Linear(10, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
history = []
for epoch in range(epochs):
    model.train()
    optimizer.zero_grad()
    logits = model(x_train)
    loss = F.cross_entropy(logits, y_train)
    loss.backward()
    optimizer.step()
    train_accuracy = (logits.argmax(1) == y_train).float().mean().item()
    model.eval()
    with torch.no_grad():
        test_logits = model(x_test)
        test_loss = F.cross_entropy(test_logits, y_test).item()
        test_accuracy = (test_logits.argmax(1) == y_test).float().mean().item()
    history.append((loss.item(), train_accuracy, test_loss, test_accuracy))
print(f"final test accuracy {history[-1][3]:.4f}")
