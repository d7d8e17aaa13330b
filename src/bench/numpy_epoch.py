#!/usr/bin/env python3
"""The numpy yardstick for `bench --numpy`: the same network, cost, SGD with L2 and epoch as the Java trainer,
written as a competent numpy user would write it.

Network [784, H, 10], sigmoid, cross-entropy (output delta = a - y), m = 10, eta = 0.1, lambda = 5, the first
50,000 training images; after each epoch the validation accuracy and cost on the last 10,000 and the training
cost on 5,000 images, as the Java epoch does. float64, one BLAS thread (set before numpy is imported).

How it avoids the usual waste: the weights are stored input-major, W0 is (784, H), so the gathered mini-batch
(a contiguous (m, 784) buffer filled by np.take(..., out=)) multiplies it without a transpose copy; every
intermediate has a preallocated buffer written with np.dot(..., out=) and in-place ufuncs; the update is
W *= decay; W -= (eta/m) * a^T delta with the gradient written into a reused buffer, so a step allocates nothing
the size of W.

Usage: numpy_epoch.py MNIST_DIR HIDDEN EPOCHS [M ETA LAMBDA]   (MNIST_DIR holds the IDX files, raw or .gz; the
bench passes the Java trainer's m, eta and lambda)
Prints "# <versions>", then one line per epoch: "epoch <k> <seconds> <validation accuracy>"; epoch 0 is a warm-up.
"""
import gzip
import os
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"
import numpy as np  # noqa: E402  (after the thread settings, which BLAS reads when numpy loads it)

TRAINING, VALIDATION, MONITOR = 50_000, 10_000, 5_000


def settings(argv):
    """(folder, hidden, epochs, m, eta, lambda) from the command line; m, eta, lambda default to the book's."""
    folder, hidden, epochs = argv[1], int(argv[2]), int(argv[3])
    m, eta, lam = (int(argv[4]), float(argv[5]), float(argv[6])) if len(argv) > 6 else (10, 0.1, 5.0)
    return folder, hidden, epochs, m, eta, lam


def idx(path):
    """Reads an IDX file (raw, or path + '.gz'): images as (count, 784) float64 in [0, 1], labels as int64."""
    if os.path.exists(path):
        with open(path, "rb") as f:
            data = f.read()
    else:
        with gzip.open(path + ".gz", "rb") as f:
            data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    if magic == 2051:
        count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, rows * cols) / 255.0
    return np.frombuffer(data, np.uint8, offset=8).astype(np.int64)


def load(folder):
    images = idx(os.path.join(folder, "train-images-idx3-ubyte"))
    labels = idx(os.path.join(folder, "train-labels-idx1-ubyte"))
    return (np.ascontiguousarray(images[:TRAINING]), labels[:TRAINING],
            np.ascontiguousarray(images[TRAINING:TRAINING + VALIDATION]), labels[TRAINING:TRAINING + VALIDATION])


def blas():
    """The BLAS numpy uses, as numpy reports it."""
    try:
        cfg = np.show_config(mode="dicts")
        b = cfg["Build Dependencies"]["blas"]
        return "%s %s" % (b.get("name", "?"), b.get("version", ""))
    except Exception:  # noqa: BLE001  (older numpy: no dict mode)
        return "?"


def sigmoid_(z):
    """z = 1 / (1 + exp(-z)) in place."""
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    np.reciprocal(z, out=z)
    return z


def evaluate(x, labels, w0, b0, w1, b1):
    """Returns (accuracy, mean cross-entropy cost) over the images x."""
    a1 = sigmoid_(np.dot(x, w0) + b0)
    z2 = np.dot(a1, w1) + b1
    a2 = sigmoid_(z2.copy())
    y = np.zeros_like(a2)
    y[np.arange(len(labels)), labels] = 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = np.nan_to_num(-y * np.log(a2) - (1 - y) * np.log(1 - a2)).sum() / len(labels)
    return float(np.mean(a2.argmax(axis=1) == labels)), float(cost)


def main():
    folder, hidden, epochs, M, ETA, LAMBDA = settings(sys.argv)
    print("# numpy %s (BLAS: %s), python %s" % (np.__version__, blas(), sys.version.split()[0]), flush=True)
    x_train, l_train, x_valid, l_valid = load(folder)
    y_train = np.eye(10)[l_train]
    n = len(x_train)
    rng = np.random.default_rng(1)
    w0 = rng.standard_normal((784, hidden)) / np.sqrt(784)
    w1 = rng.standard_normal((hidden, 10)) / np.sqrt(hidden)
    b0 = rng.standard_normal(hidden)
    b1 = rng.standard_normal(10)
    decay = 1 - ETA * LAMBDA / n
    # one buffer per intermediate, reused every step
    xb, yb = np.empty((M, 784)), np.empty((M, 10))
    a1, a2 = np.empty((M, hidden)), np.empty((M, 10))
    d1, d2, t1 = np.empty((M, hidden)), np.empty((M, 10)), np.empty((M, hidden))
    g0, g1 = np.empty((784, hidden)), np.empty((hidden, 10))
    for epoch in range(epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n)
        for s in range(0, n, M):
            batch = order[s:s + M]
            step = ETA / len(batch)
            if len(batch) != M:  # n is a multiple of m here; kept for other n
                xb, yb = x_train[batch], y_train[batch]
            else:
                np.take(x_train, batch, axis=0, out=xb)
                np.take(y_train, batch, axis=0, out=yb)
            # forward: a1 = sigma(x W0 + b0), a2 = sigma(a1 W1 + b1)
            np.dot(xb, w0, out=a1)
            a1 += b0
            sigmoid_(a1)
            np.dot(a1, w1, out=a2)
            a2 += b1
            sigmoid_(a2)
            # backward: d2 = a2 - y, d1 = (d2 W1^T) * a1 (1 - a1)
            np.subtract(a2, yb, out=d2)
            np.dot(d2, w1.T, out=d1)
            np.subtract(1.0, a1, out=t1)
            t1 *= a1
            d1 *= t1
            # update: W = (1 - eta*lambda/n) W - (eta/m) a^T d ; b = b - (eta/m) sum d
            d2 *= step
            d1 *= step
            b1 -= d2.sum(axis=0)
            b0 -= d1.sum(axis=0)
            np.dot(a1.T, d2, out=g1)
            w1 *= decay
            w1 -= g1
            np.dot(xb.T, d1, out=g0)
            w0 *= decay
            w0 -= g0
        accuracy, _ = evaluate(x_valid, l_valid, w0, b0, w1, b1)
        evaluate(x_train[:MONITOR], l_train[:MONITOR], w0, b0, w1, b1)
        print("epoch %d %.4f %.4f" % (epoch, time.perf_counter() - start, accuracy), flush=True)


if __name__ == "__main__":
    main()
