"""Prints the 256-entry viridis LUT embedded in org.echomask.spectrogram.ColourMap.

matplotlib is not installed here, so the LUT comes from the published 6th-degree polynomial fit
of matplotlib's viridis (Matt Zucconi's CC0 "viridis" polynomial, max error about 4/255 per
channel), evaluated at 256 points and rounded to 8 bits. Checked below against three of
matplotlib's own _viridis_data entries.
"""
import numpy as np

C = np.array([
    [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
    [0.1050930431085774, 1.404613529898575, 1.384590162594685],
    [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
    [-4.634230498983486, -5.799100973351585, -19.33244095627987],
    [6.228269936347081, 14.17993336680509, 56.69055260068105],
    [4.776384997670288, -13.74514537774601, -65.35303263337234],
    [-5.435455855934631, 4.645852612178535, 26.3124352495832],
])


def viridis(t):
    t = np.asarray(t)[:, None]
    return sum(C[i] * t ** i for i in range(7))


rgb = np.clip(viridis(np.linspace(0, 1, 256)), 0, 1)
# matplotlib _viridis_data[0], [128], [255]
for i, ref in [(0, (0.267004, 0.004874, 0.329415)), (128, (0.127568, 0.566949, 0.550556)),
               (255, (0.993248, 0.906157, 0.143936))]:
    assert np.abs(rgb[i] - ref).max() < 3.5 / 255, (i, rgb[i], ref)
codes = [(int(round(r * 255)) << 16) | (int(round(g * 255)) << 8) | int(round(b * 255)) for r, g, b in rgb]
for k in range(0, 256, 8):
    print("        " + ", ".join(f"0x{c:06x}" for c in codes[k:k + 8]) + ",")
