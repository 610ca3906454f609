"""Train a Digits teacher with NumPy and save it with PyTorch's parameter names.

Run from the project root:  python3 data/make_teacher.py   (needs numpy and safetensors)
Writes data/digits_train.csv, data/digits_test.csv and data/digits_teacher.safetensors.
"""
from pathlib import Path
import numpy as np
from safetensors.numpy import save_file

root = Path(__file__).resolve().parent.parent
rng = np.random.default_rng(2024)

# The book's own copy of Digits: a header "1797,64,0,...,9", then 64 pixels and the class.
rows = np.loadtxt(root / "Sources/DistillCore/Resources/digits.csv", delimiter=",", skiprows=1, dtype=np.int64)
x_all, y_all = rows[:, :64], rows[:, 64]

# A stratified 80/20 split of our own, saved so that the book tests on the same 360 images.
test = np.concatenate([rng.permutation(np.flatnonzero(y_all == c))[:36] for c in range(10)])
train = np.setdiff1d(np.arange(len(y_all)), test)
header = ",".join([f"p{i}" for i in range(64)] + ["digit"])
for name, idx in [("train", train), ("test", np.sort(test))]:
    np.savetxt(root / f"data/digits_{name}.csv", rows[idx], fmt="%d", delimiter=",", header=header, comments="")

# Standardise as the book's {dataset} does: training mean and population standard
# deviation; a constant pixel is only centred.
mean, std = x_all[train].mean(0), x_all[train].std(0)
std[std == 0] = 1
x, y = ((x_all[train] - mean) / std).astype(np.float32), y_all[train]

# A 64-64-10 ReLU network initialised like nn.Linear: U(-1/sqrt(in), 1/sqrt(in)).
def linear(n_in, n_out):
    bound = 1 / np.sqrt(n_in)
    return [rng.uniform(-bound, bound, (n_out, n_in)).astype(np.float32),
            rng.uniform(-bound, bound, n_out).astype(np.float32)]
params = linear(64, 64) + linear(64, 10)       # fc1.weight, fc1.bias, fc2.weight, fc2.bias
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]
lr, b1, b2, eps, step = 1e-3, 0.9, 0.999, 1e-8, 0

for epoch in range(40):
    for batch in np.array_split(rng.permutation(len(y)), len(y) // 64):
        w1, c1, w2, c2 = params
        h = np.maximum(x[batch] @ w1.T + c1, 0)             # forward: y = x W^T + b
        z = h @ w2.T + c2
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        p[np.arange(len(batch)), y[batch]] -= 1              # d(mean cross-entropy)/dz
        dz = p / len(batch)
        dh = (dz @ w2) * (h > 0)
        grads = [dh.T @ x[batch], dh.sum(0), dz.T @ h, dz.sum(0)]
        step += 1
        for i, g in enumerate(grads):                        # Adam, as torch.optim.Adam
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            m_hat, v_hat = m[i] / (1 - b1**step), v[i] / (1 - b2**step)
            params[i] -= (lr * m_hat / (np.sqrt(v_hat) + eps)).astype(np.float32)

names = ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
save_file(dict(zip(names, params)), str(root / "data/digits_teacher.safetensors"))

x_test = ((x_all[test] - mean) / std).astype(np.float32)
z_test = np.maximum(x_test @ params[0].T + params[1], 0) @ params[2].T + params[3]
print(f"test accuracy: {(z_test.argmax(1) == y_all[test]).mean():.4f}")
