"""Reference values for org.echomask.metrics (run once with Debian's python; outputs are committed).

Writes src/test/resources/metrics/<case>.json: the inputs (labels, ids, truth, probabilities,
predicted) and what scikit-learn (zero_division=0) makes of them. MetricsGoldenTest compares
Evaluator and RankingMetrics against these to 1e-12.

Where Echomask's definition departs from scikit-learn the fixture says what Echomask expects:
  - roc_auc / average_precision of a label without positives (or, for AUC, without negatives)
    are null (NaN in Java); sklearn raises (AUC) or returns 0 with a warning (AP);
  - roc_auc_macro / average_precision_macro are the mean over the labels where they are defined;
    the *_sklearn keys hold sklearn's own macro average and appear only where every label is defined;
  - confusion for K > 4 (occurring combinations only) comes from collections.Counter, not sklearn.

Usage: /usr/bin/python3 make_metrics_fixtures.py
"""
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             hamming_loss, multilabel_confusion_matrix, precision_recall_fscore_support,
                             precision_score, recall_score, roc_auc_score)

OUT = Path(__file__).resolve().parent.parent / "resources" / "metrics"


def combination(row, labels):
    names = [labels[k] for k in range(len(labels)) if row[k]]
    return "+".join(names) if names else "none"


def power_set_index(row):
    return int(sum(1 << k for k in range(len(row)) if row[k]))


def confusion(labels, truth, pred):
    k = len(labels)
    if k <= 4:
        # sklearn over power-set class ids, all 2^K classes in index order (= PowerSet order)
        names = [combination([(c >> i) & 1 for i in range(k)], labels) for c in range(1 << k)]
        counts = confusion_matrix([power_set_index(r) for r in truth], [power_set_index(r) for r in pred],
                                  labels=list(range(1 << k)))
        return {"combinations": names, "counts": counts.tolist()}
    t = [combination(r, labels) for r in truth]
    p = [combination(r, labels) for r in pred]
    in_truth = Counter(t)
    names = sorted(set(t) | set(p), key=lambda c: (-in_truth[c], c))
    index = {c: i for i, c in enumerate(names)}
    counts = np.zeros((len(names), len(names)), dtype=int)
    for a, b in zip(t, p):
        counts[index[a], index[b]] += 1
    return {"combinations": names, "counts": counts.tolist()}


def defined_or_none(fn, y, s):
    try:
        return float(fn(y, s))
    except ValueError:
        return None


def expected(task, labels, truth, prob, pred):
    y, p, s = np.array(truth), np.array(pred), np.array(prob)
    prec, rec, f1, support = precision_recall_fscore_support(y, p, average=None, zero_division=0)
    mcm = multilabel_confusion_matrix(y, p)
    auc = [defined_or_none(roc_auc_score, y[:, k], s[:, k]) for k in range(len(labels))]
    ap = [float(average_precision_score(y[:, k], s[:, k])) if y[:, k].any() else None
          for k in range(len(labels))]
    defined_auc = [a for a in auc if a is not None]
    defined_ap = [a for a in ap if a is not None]
    if task == "multiclass":
        # sklearn's multiclass hamming loss over the power-set class of each example
        hamming = hamming_loss([power_set_index(r) for r in y], [power_set_index(r) for r in p])
    else:
        hamming = hamming_loss(y, p)
    polyphony = []
    levels = y.sum(axis=1)
    for level in sorted(set(levels.tolist())):
        rows = levels == level
        polyphony.append({"level": int(level), "n": int(rows.sum()),
                          "joint_accuracy": float(accuracy_score(y[rows], p[rows])),
                          "macro_f1": float(f1_score(y[rows], p[rows], average="macro", zero_division=0))})
    out = {
        "joint_accuracy": float(accuracy_score(y, p)),
        "macro_f1": float(f1_score(y, p, average="macro", zero_division=0)),
        "micro_f1": float(f1_score(y, p, average="micro", zero_division=0)),
        "macro_precision": float(precision_score(y, p, average="macro", zero_division=0)),
        "macro_recall": float(recall_score(y, p, average="macro", zero_division=0)),
        "hamming_loss": float(hamming),
        "precision": prec.tolist(), "recall": rec.tolist(), "f1": f1.tolist(),
        "support": support.tolist(),
        "predicted": [int(m[0][1] + m[1][1]) for m in mcm],
        "multilabel_confusion": mcm.tolist(),
        "roc_auc": auc, "average_precision": ap,
        "roc_auc_macro": float(np.mean(defined_auc)) if defined_auc else None,
        "average_precision_macro": float(np.mean(defined_ap)) if defined_ap else None,
        "confusion": confusion(labels, truth, pred),
        "polyphony": polyphony,
    }
    if len(defined_auc) == len(labels):
        out["roc_auc_macro_sklearn"] = float(roc_auc_score(y, s, average="macro"))
    if len(defined_ap) == len(labels):
        out["average_precision_macro_sklearn"] = float(average_precision_score(y, s, average="macro"))
    return out


def noisy_decisions(rng, truth, flip):
    return (truth ^ (rng.random(truth.shape) < flip)).astype(int)


def scores_for(rng, truth, decimals):
    """Scores that rank positives higher on average; rounding makes ties."""
    raw = np.clip(0.35 * truth + rng.random(truth.shape) * 0.65, 0, 1)
    return np.round(raw, decimals)


def case_multilabel_ties(rng):
    labels = ["beluga_whistle", "beluga_click", "porpoise_click"]
    truth = (rng.random((40, 3)) < [0.5, 0.3, 0.2]).astype(int)
    prob = scores_for(rng, truth, 1)  # one decimal: many ties
    return "multilabel", labels, truth, prob, noisy_decisions(rng, truth, 0.2)


def case_missing_positives(rng):
    labels = ["a", "b", "c", "d", "e"]
    truth = (rng.random((30, 5)) < 0.4).astype(int)
    truth[:, 2] = 1  # no negatives: AUC undefined, AP defined
    truth[:, 3] = 0  # no positives, but predicted sometimes
    truth[:, 4] = 0  # no positives and never predicted: F1 0 (zero_division=0)
    pred = noisy_decisions(rng, truth, 0.25)
    pred[:, 4] = 0
    pred[:3, 3] = 1
    return "multilabel", labels, truth, scores_for(rng, truth, 2), pred


def case_multiclass(rng):
    labels = ["beluga_whistle", "beluga_click", "porpoise_click", "vessel"]
    n = 36
    truth = np.zeros((n, 4), dtype=int)
    truth[np.arange(n), rng.integers(0, 4, n)] = 1
    pred = truth.copy()
    for i in rng.choice(n, 10, replace=False):  # wrong class, or no class at all for a few
        pred[i] = 0
        if i % 3:
            pred[i, rng.integers(0, 4)] = 1
    return "multiclass", labels, truth, scores_for(rng, truth, 2), pred


def case_sparse10(rng):
    labels = ["l%d" % k for k in range(10)]
    truth = (rng.random((60, 10)) < np.linspace(0.03, 0.3, 10)).astype(int)
    return "multilabel", labels, truth, scores_for(rng, truth, 3), noisy_decisions(rng, truth, 0.08)


CASES = {
    "multilabel_ties": case_multilabel_ties,
    "missing_positives": case_missing_positives,
    "multiclass": case_multiclass,
    "sparse10": case_sparse10,
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, make) in enumerate(CASES.items()):
        task, labels, truth, prob, pred = make(np.random.default_rng(1000 + seed))
        doc = {
            "name": name, "task": task, "labels": labels,
            "ids": ["%s-%02d" % (name, i) for i in range(len(truth))],
            "truth": truth.tolist(), "probabilities": prob.tolist(), "predicted": pred.tolist(),
            "expected": expected(task, labels, truth.tolist(), prob.tolist(), pred.tolist()),
        }
        text = json.dumps(doc, separators=(",", ":"))
        (OUT / (name + ".json")).write_text(text + "\n")
        print(name, len(text), "bytes")


if __name__ == "__main__":
    main()
