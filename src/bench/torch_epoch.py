#!/usr/bin/env python3
"""The PyTorch yardstick for `bench --numpy` (when torch is importable): the same epoch as numpy_epoch.py and the
Java trainer, on the CPU in float64 with one thread, written as a competent PyTorch user would write it by hand
(no autograd: the backward pass of a two-layer sigmoid network is three lines): index_select into a reused batch
buffer, torch.mm(..., out=), in-place sigmoid, and one fused in-place update per weight matrix,
W.addmm_(a^T, delta, beta=1 - eta*lambda/n, alpha=-eta/m), i.e. W = a W - (eta/m) a^T delta in one pass.

Usage: torch_epoch.py MNIST_DIR HIDDEN EPOCHS [M ETA LAMBDA]
Prints "# <version>", then one line per epoch: "epoch <k> <seconds> <validation accuracy>"; epoch 0 is a warm-up. If torch cannot be
imported it prints "torch: not importable (<reason>)" and exits with status 3.
"""
import os
import sys
import time

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"
try:
    import torch  # noqa: E402
except Exception as e:  # noqa: BLE001  (any failure to import means: no torch here)
    reason = str(e).splitlines()[0] if str(e) else type(e).__name__
    print("torch: not importable (%s)" % reason, flush=True)
    sys.exit(3)
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_epoch import MONITOR, load, settings  # noqa: E402


def evaluate(x, labels, w0, b0, w1, b1):
    """Returns (accuracy, mean cross-entropy cost) over the images x."""
    a2 = torch.sigmoid(torch.sigmoid(x @ w0 + b0) @ w1 + b1)
    y = torch.zeros_like(a2)
    y[torch.arange(len(labels)), labels] = 1.0
    cost = torch.nan_to_num(-y * torch.log(a2) - (1 - y) * torch.log1p(-a2)).sum() / len(labels)
    return float((a2.argmax(dim=1) == labels).double().mean()), float(cost)


def main():
    folder, hidden, epochs, M, ETA, LAMBDA = settings(sys.argv)
    torch.set_num_threads(1)
    print("# torch %s (CPU, %d thread)" % (torch.__version__, torch.get_num_threads()), flush=True)
    torch.set_grad_enabled(False)
    x_np, l_np, xv_np, lv_np = load(folder)
    x_train, l_train = torch.from_numpy(x_np), torch.from_numpy(l_np)
    x_valid, l_valid = torch.from_numpy(xv_np), torch.from_numpy(lv_np)
    y_train = torch.eye(10, dtype=torch.float64)[l_train]
    n = len(x_train)
    gen = torch.Generator().manual_seed(1)
    w0 = torch.randn(784, hidden, generator=gen, dtype=torch.float64) / 784 ** 0.5
    w1 = torch.randn(hidden, 10, generator=gen, dtype=torch.float64) / hidden ** 0.5
    b0 = torch.randn(hidden, generator=gen, dtype=torch.float64)
    b1 = torch.randn(10, generator=gen, dtype=torch.float64)
    decay = 1 - ETA * LAMBDA / n
    xb = torch.empty(M, 784, dtype=torch.float64)
    yb = torch.empty(M, 10, dtype=torch.float64)
    a1 = torch.empty(M, hidden, dtype=torch.float64)
    a2 = torch.empty(M, 10, dtype=torch.float64)
    d1 = torch.empty(M, hidden, dtype=torch.float64)
    d2 = torch.empty(M, 10, dtype=torch.float64)
    t1 = torch.empty(M, hidden, dtype=torch.float64)
    for epoch in range(epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(n, generator=gen)
        for s in range(0, n, M):
            batch = order[s:s + M]
            step = ETA / len(batch)
            torch.index_select(x_train, 0, batch, out=xb)
            torch.index_select(y_train, 0, batch, out=yb)
            # forward: a1 = sigma(x W0 + b0), a2 = sigma(a1 W1 + b1)
            torch.addmm(b0, xb, w0, out=a1).sigmoid_()
            torch.addmm(b1, a1, w1, out=a2).sigmoid_()
            # backward: d2 = a2 - y, d1 = (d2 W1^T) * a1 (1 - a1)
            torch.sub(a2, yb, out=d2)
            torch.mm(d2, w1.t(), out=d1)
            torch.mul(a1, a1, out=t1)
            torch.sub(a1, t1, out=t1)  # a1 (1 - a1) = a1 - a1^2
            d1.mul_(t1)
            # update: b = b - (eta/m) sum d ; W = (1 - eta*lambda/n) W - (eta/m) a^T d, fused in one pass
            b1.sub_(d2.sum(0), alpha=step)
            b0.sub_(d1.sum(0), alpha=step)
            w1.addmm_(a1.t(), d2, beta=decay, alpha=-step)
            w0.addmm_(xb.t(), d1, beta=decay, alpha=-step)
        accuracy, _ = evaluate(x_valid, l_valid, w0, b0, w1, b1)
        evaluate(x_train[:MONITOR], l_train[:MONITOR], w0, b0, w1, b1)
        print("epoch %d %.4f %.4f" % (epoch, time.perf_counter() - start, accuracy), flush=True)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
