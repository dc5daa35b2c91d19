#!/usr/bin/env python3
"""Recomputes the `alignments` table of an `alignment` sweep on the digits from the stored weights, with numpy only.

    /tmp/venv/bin/python notebooks/crosscheck_alignments.py RESULTS_DIR [--tolerance 1e-9]

Independent of symsweep's Java code: the digits are read from the bundled CSV (pixels / 16), the split from the
models' `train_indices` / `test_indices`, the parameters from `weights` and `parameter_layout`, and B' is B with
the stored `transform` applied (permutations and positive scalings of hidden units: row j of W_l and b_l moves to
images[j] times scales[j], column j of W_(l+1) to images[j] divided by scales[j]). For every row that is not
REPAIR'd and whose transform is a permutation (with or without scales), it evaluates the mean softmax
cross-entropy and the accuracy of (1 - l) A + l B' at the stored `lambdas` on both halves, and recomputes

  - Theus et al. 2025 (Eq. 1): max_l [L(l) - ((1 - l) L(0) + l L(1))]   -> train_loss_barrier, test_loss_barrier
  - Ainsworth et al. 2023 (Git Re-Basin): max_l L(l) - (L(0) + L(1)) / 2  -> test_loss_barrier_mean
  - the accuracy drop below the line: max_l [((1 - l) a(0) + l a(1)) - a(l)] -> test_accuracy_barrier
  - ||A - B'||                                                           -> distance_after

and prints the largest relative difference from the table per column; exit status 1 if any exceeds the
tolerance (default 1e-9 relative to max(1, |value|)).
"""
import argparse
import glob
import gzip
import json
import os
import sys

import numpy as np
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "common", "src", "main", "resources", "io", "symsweep", "data", "digits.csv.gz")


def read_table(results, name):
    files = sorted(glob.glob(os.path.join(results, name, "**", "*.parquet"), recursive=True))
    if not files:
        sys.exit(f"no {name} table under {results}")
    rows = []
    for f in files:
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def digits():
    with gzip.open(DIGITS, "rt") as f:
        lines = [ln.strip() for ln in f if ln.strip()]
    data = []
    for ln in lines:
        try:
            data.append([float(v) for v in ln.split(",")])
        except ValueError:
            continue   # a header line
    d = np.array(data)
    return d[:, :64] / 16.0, d[:, 64].astype(int)


def parameters(model):
    out = {}
    for spec, values in zip(model["parameter_layout"].split("],"), model["weights"]):
        name, shape = spec.rstrip("]").split("[")
        out[name] = np.array(values, dtype=np.float64).reshape([int(s) for s in shape.split(",")])
    return out


def layers(p):
    return sum(1 for k in p if k.endswith(".weight"))


def moved(p, transform):
    """B' = T . B for a map of sites hidden_l to permutations (images) with optional positive scales."""
    q = {k: v.copy() for k, v in p.items()}
    for site, t in json.loads(transform).items():
        if "images" not in t:
            return None
        l = int(site[len("hidden"):])
        images = np.array(t["images"])
        scales = np.array(t.get("scales", [1.0] * len(images)))
        w, wn = q[f"layer{l}.weight"], q[f"layer{l + 1}.weight"]   # sites in turn: layer l+1 is moved by both
        nw = np.zeros_like(w)
        nw[images] = w * scales[:, None]
        nn = np.zeros_like(wn)
        nn[:, images] = wn / scales[None, :]
        q[f"layer{l}.weight"], q[f"layer{l + 1}.weight"] = nw, nn
        if f"layer{l}.bias" in q:
            nb = np.zeros_like(q[f"layer{l}.bias"])
            nb[images] = q[f"layer{l}.bias"] * scales
            q[f"layer{l}.bias"] = nb
    return q


def evaluate(p, x, y, activation):
    h = x
    n = layers(p)
    for l in range(1, n + 1):
        z = h @ p[f"layer{l}.weight"].T
        if f"layer{l}.bias" in p:
            z = z + p[f"layer{l}.bias"]
        if l < n:
            h = {"relu": lambda v: np.maximum(v, 0), "tanh": np.tanh, "linear": lambda v: v}[activation](z)
        else:
            h = z
    zmax = h.max(axis=1, keepdims=True)
    logp = h - zmax - np.log(np.exp(h - zmax).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(y)), y].mean(), (h.argmax(axis=1) == y).mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--tolerance", type=float, default=1e-9)
    args = ap.parse_args()
    x, y = digits()
    models = {m["config_id"]: m for m in read_table(args.results, "models")}
    worst = {}
    checked = 0
    skipped = 0
    for r in read_table(args.results, "alignments"):
        if r["repair"] or r["status"] not in ("OK", "NOT_CONVERGED") or r["lambdas"] is None:
            skipped += 1
            continue
        ma, mb = models[r["model_a"]], models[r["model_b"]]
        if ma["dataset"] != "digits" or not ma["architecture"].endswith("/classification"):
            skipped += 1
            continue
        a, b = parameters(ma), parameters(mb)
        if r.get("rescaling"):
            b = moved(b, r["rescaling"])
        bp = moved(b, r["transform"]) if r["transform"] not in (None, "{}") else b
        if bp is None:
            skipped += 1
            continue
        act = ma["architecture"].split("/")[1].split("+")[0]   # mlp[64,16,16,10]/relu+bias/classification
        lam = np.array(r["lambdas"])
        curves = {}
        for half, idx in (("train", ma["train_indices"]), ("test", ma["test_indices"])):
            losses, accs = [], []
            for l in lam:
                p = {k: (1 - l) * a[k] + l * bp[k] for k in a}
                lo, ac = evaluate(p, x[idx], y[idx], act)
                losses.append(lo)
                accs.append(ac)
            curves[half] = (np.array(losses), np.array(accs))
        line = lambda v: (1 - lam) * v[0] + lam * v[-1]
        mine = {
            "train_losses": curves["train"][0], "test_losses": curves["test"][0],
            "test_accuracies": curves["test"][1],
            "train_loss_barrier": np.max(curves["train"][0] - line(curves["train"][0])),
            "test_loss_barrier": np.max(curves["test"][0] - line(curves["test"][0])),
            "test_loss_barrier_mean": np.max(curves["test"][0]) - 0.5 * (curves["test"][0][0] + curves["test"][0][-1]),
            "test_accuracy_barrier": np.max(line(curves["test"][1]) - curves["test"][1]),
            "distance_after": np.sqrt(sum(((a[k] - bp[k]) ** 2).sum() for k in a)),
        }
        for col, v in mine.items():
            stored = np.array(r[col], dtype=np.float64)
            d = np.max(np.abs(stored - v) / np.maximum(1, np.abs(stored)))
            worst[col] = max(worst.get(col, 0.0), float(d))
        checked += 1
    print(f"{checked} alignments recomputed from the stored weights ({skipped} skipped: REPAIR'd, failed, "
          f"not digits, or not a permutation)")
    bad = False
    for col, d in worst.items():
        ok = d <= args.tolerance
        bad |= not ok
        print(f"  {col:24s} largest relative difference {d:.3e}  {'ok' if ok else 'FAIL'}")
    sys.exit(1 if bad or checked == 0 else 0)


if __name__ == "__main__":
    main()
