"""Writes golden/audio/fixtures.csv: what scipy.io.wavfile reads from each shared fixture WAV
(rate, channels, frames, and the mean absolute sample scaled to [-1, 1)) to check our reader."""
import csv
import pathlib
import warnings

import numpy as np
import scipy.io.wavfile as wavfile

ROOT = pathlib.Path(__file__).resolve().parents[4]
FIXTURES = ROOT.parent / "shared" / "data" / "fixtures"
OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "audio" / "fixtures.csv"
OUT.parent.mkdir(parents=True, exist_ok=True)
with open(OUT, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["file", "sample_rate", "channels", "frames", "mean_abs"])
    for p in sorted(FIXTURES.glob("*.wav")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rate, d = wavfile.read(p)
        x = d.astype(np.float64)
        if d.dtype == np.int16:
            x /= 32768.0
        channels = 1 if d.ndim == 1 else d.shape[1]
        w.writerow([p.name, rate, channels, d.shape[0], f"{np.mean(np.abs(x)):.9g}"])
