#!/usr/bin/env python3
"""Markdown tables from an experiment's results.json (echomask experiment ... --out DIR).

Usage: python3 bench/results_tables.py DIR/results.json
Prints one table per experiment table (mean over seeds, the trivial baselines last) in the
layout docs/results.md uses, so the numbers there are copied by a program, not by hand.
"""
import json
import math
import statistics
import sys
from collections import OrderedDict


def f3(v):
    return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3f}"


def cell(values):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    m = statistics.fmean(values)
    if len(values) < 2:
        return f3(m)
    return f"{f3(m)} ± {f3(statistics.stdev(values))}"


def main(path):
    r = json.load(open(path))
    cfg = r["experiment"]
    ood = cfg["data"].get("ood_transform")
    clips = cfg["evaluate"].get("clip_level")
    runs = {run_id(x["run"]): x for x in r["runs"]}
    print(f"<!-- {path}: {r['seconds']:.0f} s on {r['machine']['cores']} cores, {r['machine']['java']} -->")
    for table, ids in r["tables"].items():
        recipes = OrderedDict()
        for i in ids:
            x = runs[i]
            recipes.setdefault(recipe_id(x["run"]), []).append(x)
        head = ["model", "params", "val joint", "test joint", "test macro-F1", "test hamming", "test AUC"]
        if clips:
            head += ["clip acc.", "clip macro-F1", "clip macro-F1 (present)"]
        if ood:
            head += ["OOD joint", "OOD macro-F1"]
        head += ["train s"]
        print(f"\n**{table}**\n")
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for rs in recipes.values():
            w = [x["test"]["windows"]["model"] for x in rs]
            row = [rs[0]["label"], f"{rs[0]['parameters']:,}", cell([x["val_joint_accuracy"] for x in rs]),
                   cell([e["joint_accuracy"] for e in w]), cell([e["macro_f1"] for e in w]),
                   cell([e["hamming_loss"] for e in w]), cell([e["roc_auc_macro"] for e in w])]
            if clips:
                c = [x["test"]["clips"]["model"] for x in rs]
                row += [cell([e["joint_accuracy"] for e in c]), cell([e["macro_f1"] for e in c]),
                        cell([present(e) for e in c])]
            if ood:
                o = [x["ood"]["windows"]["model"] for x in rs]
                row += [cell([e["joint_accuracy"] for e in o]), cell([e["macro_f1"] for e in o])]
            row += [f"{statistics.fmean(x['train_seconds'] for x in rs):.0f}"]
            print("| " + " | ".join(row) + " |")
        first = runs[ids[0]]
        for b, base in enumerate(first["test"]["windows"]["baselines"]):
            row = [base["name"], "0", "–", f3(base["joint_accuracy"]), f3(base["macro_f1"]), f3(base["hamming_loss"]),
                   f3(base["roc_auc_macro"])]
            if clips:
                c = first["test"]["clips"]["baselines"][b]
                row += [f3(c["joint_accuracy"]), f3(c["macro_f1"]), f3(present(c))]
            if ood:
                o = first["ood"]["windows"]["baselines"][b]
                row += [f3(o["joint_accuracy"]), f3(o["macro_f1"])]
            row += ["–"]
            print("| " + " | ".join(row) + " |")


def present(evaluation):
    """Macro F1 over the classes with support > 0 (Evaluation.macroF1Present)."""
    f = [m["f1"] for m in evaluation["per_class"].values() if m["support"] > 0]
    return statistics.fmean(f) if f else None


def run_id(run):
    w = "" if run.get("width") is None else f"-w{run['width']}"
    m = "none" if run["mask"] == "none" else f"{run['mask']}-{run['source']}-{run['fusion']}"
    return f"{run['backbone']}{w}-{m}-{run['task']}-s{run['seed']}"


def recipe_id(run):
    i = run_id(run)
    return i[: i.rindex("-s")]


if __name__ == "__main__":
    main(sys.argv[1])
