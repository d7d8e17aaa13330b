#!/usr/bin/env python3
"""The numpy f64 yardstick for `bench --numpy`: the same network, cost, SGD with L2 and epoch as the Java
trainer (m = 10, eta = 0.1, lambda = 5, 50,000 training images, validation accuracy on 10,000 after each epoch),
written the usual vectorized way: each mini-batch as one matrix, single-threaded BLAS.

Usage: numpy_epoch.py MNIST_DIR HIDDEN EPOCHS   (MNIST_DIR holds the IDX files, raw or .gz)
Prints one line per timed epoch: "epoch <k> <seconds> <validation accuracy>"; the first epoch is a warm-up.
"""
import gzip
import os
import sys
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
import numpy as np  # noqa: E402  (after the thread settings, which numpy reads on import)


def idx(path):
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


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def main():
    folder, hidden, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    images = idx(os.path.join(folder, "train-images-idx3-ubyte"))
    labels = idx(os.path.join(folder, "train-labels-idx1-ubyte"))
    x_train, y_train = images[:50000], np.eye(10)[labels[:50000]]
    x_valid, l_valid = images[50000:], labels[50000:]
    n, m, eta, lam = len(x_train), 10, 0.1, 5.0
    rng = np.random.default_rng(1)
    sizes = [784, hidden, 10]
    w = [rng.standard_normal((o, i)) / np.sqrt(i) for i, o in zip(sizes[:-1], sizes[1:])]
    b = [rng.standard_normal((o, 1)) for o in sizes[1:]]
    decay = 1 - eta * lam / n
    for epoch in range(epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n)
        for s in range(0, n, m):
            batch = order[s:s + m]
            a0 = x_train[batch].T
            a1 = sigmoid(w[0] @ a0 + b[0])
            a2 = sigmoid(w[1] @ a1 + b[1])
            d2 = a2 - y_train[batch].T
            d1 = (w[1].T @ d2) * a1 * (1 - a1)
            step = eta / len(batch)
            w[1] = decay * w[1] - step * (d2 @ a1.T)
            b[1] -= step * d2.sum(axis=1, keepdims=True)
            w[0] = decay * w[0] - step * (d1 @ a0.T)
            b[0] -= step * d1.sum(axis=1, keepdims=True)
        out = sigmoid(w[1] @ sigmoid(w[0] @ x_valid.T + b[0]) + b[1])
        accuracy = float(np.mean(out.argmax(axis=0) == l_valid))
        print("epoch %d %.4f %.4f" % (epoch, time.perf_counter() - start, accuracy), flush=True)


if __name__ == "__main__":
    main()
