"""Golden vectors for org.echomask.audio DSP tests (run once; outputs in resources/golden/audio/).

- resample_in.npy (float32, the shared input) and resample_<from>_<to>.npy = resample_poly(x, up, down)
  with scipy's defaults (window ('kaiser', 5.0), half length 10 * max(up, down)).
- butter_in.npy and butter_<kind>_<order>.npy: sosfilt(butter(N, Wn, btype, fs, output='sos'), x).
- segments.json: RMS per segment and numpy.percentile(rms, 25) (linear) of a test signal.
"""
import json
import math
import pathlib

import numpy as np
import scipy.signal as sig

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "audio"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261122)

# Resampling: a chirp plus noise, so aliasing and edge handling both show.
n = 1500
t = np.arange(n) / n
x = (0.6 * np.sin(2 * np.pi * (5 + 300 * t) * t * 3) + 0.2 * rng.standard_normal(n)).astype(np.float32)
np.save(OUT / "resample_in.npy", x)
for fr, to in [(44100, 32000), (40000, 288000), (166000, 288000), (96000, 16000), (48000, 44100), (8000, 8000 * 3)]:
    g = math.gcd(fr, to)
    y = sig.resample_poly(x.astype(np.float64), to // g, fr // g)
    np.save(OUT / f"resample_{fr}_{to}.npy", y.astype(np.float32))

# Butterworth SOS filters at 32 kHz.
fs = 32000
xb = (0.5 * rng.standard_normal(4000)).astype(np.float32)
xb[100] += 3.0  # an impulse to excite the transient
np.save(OUT / "butter_in.npy", xb)
specs = {
    "bandpass_4": (4, [50, 16000 - 1], "bandpass"),  # BirdCLEF 50-16000 Hz (upper edge < Nyquist)
    "bandpass_2": (2, [1000, 4000], "bandpass"),
    "bandpass_8": (8, [300, 3000], "bandpass"),
    "highpass_4": (4, 200, "highpass"),
    "highpass_1": (1, 1000, "highpass"),
    "lowpass_5": (5, 2500, "lowpass"),
}
for name, (order, wn, btype) in specs.items():
    sos = sig.butter(order, wn, btype=btype, fs=fs, output="sos")
    np.save(OUT / f"butter_{name}.npy", sig.sosfilt(sos, xb.astype(np.float64)).astype(np.float32))

# Segment RMS and the first-quartile filter.
xs = rng.standard_normal(10 * 160 + 37) * np.repeat(rng.uniform(0.01, 1.0, 11), 160)[: 10 * 160 + 37]
xs = xs.astype(np.float32)
np.save(OUT / "segments_in.npy", xs)
seg = 160
rms = [float(np.sqrt(np.mean(xs[i * seg:(i + 1) * seg].astype(np.float64) ** 2))) for i in range(len(xs) // seg)]
q1 = float(np.percentile(rms, 25))
pct = {str(q): float(np.percentile(rms, q)) for q in [0, 10, 25, 50, 90, 100]}
json.dump({"segment": seg, "rms": rms, "q1": q1, "keep": [i for i, r in enumerate(rms) if r > q1],
           "percentiles": pct}, open(OUT / "segments.json", "w"), indent=1)
