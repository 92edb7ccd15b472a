"""Reference values for org.echomask.label tests (run once; outputs are committed).

Writes to src/test/resources/golden/labels/:
  raven_standard.txt      - the exact Raven table RavenTable.write must produce for the selections
                            built in RavenTableTest.goldenSelections() (label column "Species")
  fixtures_expected.json  - counts and values of the shared fixtures as read by Python's csv module

Usage: python3 make_label_goldens.py [path/to/shared/data/fixtures]
"""
import csv
import json
import math
import sys
from decimal import Decimal, ROUND_HALF_EVEN
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "resources" / "golden" / "labels"
FIXTURES = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[4] / "shared" / "data" / "fixtures"


def plain(x):
    """At most 6 decimals, no exponent, no trailing zeros; NaN -> empty cell."""
    if isinstance(x, float) and math.isnan(x):
        return ""
    d = Decimal(repr(x)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN).normalize()
    s = format(d, "f")
    return "0" if s in ("-0", "0") else s


NAN = float("nan")
# (begin, end, low, high, label, channel, extra) - mirrored in RavenTableTest.goldenSelections()
SELECTIONS = [
    (0.1, 0.35, 2000.0, 8000.0, "beluga_whistle", 1, {"Notes": "faint", "Score": "0.9"}),
    (12.3456789, 13.0, NAN, NAN, "porpoise_click", 2, {"Score": "0.5"}),
    (1e-7, 299.99999949, 0.0, 1234567.5, "vessel", 1, {"Notes": "two words"}),
]


def raven_standard():
    header = ["Selection", "View", "Channel", "Begin Time (s)", "End Time (s)",
              "Low Freq (Hz)", "High Freq (Hz)", "Species"]
    extras = []
    for s in SELECTIONS:
        for k in s[6]:
            if k not in extras:
                extras.append(k)
    lines = ["\t".join(header + extras)]
    for i, (b, e, lo, hi, label, ch, extra) in enumerate(SELECTIONS, start=1):
        row = [str(i), "Spectrogram 1", str(ch), plain(b), plain(e), plain(lo), plain(hi), label]
        row += [extra.get(k, "") for k in extras]
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def raven_fixture(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    fields = list(rows[0].keys())
    pick = lambda r: {"selection": int(r["Selection"]), "begin": float(r["Begin Time (s)"]),
                      "end": float(r["End Time (s)"]), "low": float(r["Low Freq (Hz)"]),
                      "high": float(r["High Freq (Hz)"]), "score": r["Prediction/Comments"]}
    return {"columns": fields, "count": len(rows), "first": pick(rows[0]), "fifth": pick(rows[4]),
            "last": pick(rows[-1]), "total_duration": sum(float(r["End Time (s)"]) - float(r["Begin Time (s)"])
                                                          for r in rows)}


def audacity_fixture(path):
    labels = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f.read().splitlines():
            if not line.strip():
                continue
            parts = line.split("\t")
            if parts[0] == "\\":
                labels[-1]["low"], labels[-1]["high"] = float(parts[1]), float(parts[2])
            else:
                labels.append({"begin": float(parts[0]), "end": float(parts[1]), "label": parts[2]})
    counts = {}
    for l in labels:
        counts[l["label"]] = counts.get(l["label"], 0) + 1
    return {"count": len(labels), "with_frequency": sum("low" in l for l in labels), "label_counts": counts,
            "first": labels[0], "last": labels[-1]}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "raven_standard.txt").write_text(raven_standard(), encoding="utf-8", newline="")
    expected = {"raven": raven_fixture(FIXTURES / "humpback_2khz_299s.raven.txt"),
                "audacity": audacity_fixture(FIXTURES / "spinetail_44k.audacity.txt")}
    (OUT / "fixtures_expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
