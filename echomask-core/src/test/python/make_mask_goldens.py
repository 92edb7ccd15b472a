"""Reference values for org.echomask.mask tests (run once; outputs are committed).

Writes float32 .npy files to src/test/resources/golden/masks/ (masks as 0/1 float32):
  edt_<case>_mask.npy / edt_<case>_dist.npy   - scipy.ndimage.distance_transform_edt(~mask)
  edt_aniso_dist.npy                          - same with sampling=(2.5, 0.7) on case 'r33x47'
  soft_<case>_s3.npy                          - exp(-d^2 / (2 * 3^2)) with numpy
  morph_mask.npy, morph_open_<h>x<w>.npy, morph_close_<h>x<w>.npy
        - binary_opening; closing of the zero-padded mask (infinite-plane closing), cropped back
  fill_mask.npy / fill_filled.npy             - binary_fill_holes (default 4-connected background)
  label_mask.npy / label_labels.npy           - label(structure=ones((3,3))), labels renumbered in
                                                raster order of first pixel
  filt_image.npy, filt_box_5x7.npy, filt_gauss_1x2.npy, filt_sobel0.npy, filt_sobel1.npy,
  filt_small.npy, filt_small_box_15x3.npy     - uniform_filter / gaussian_filter / sobel, mode reflect

Usage: python3 make_mask_goldens.py
"""
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi

OUT = Path(__file__).resolve().parent.parent / "resources" / "golden" / "masks"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20240611)


def save(name, a):
    np.save(OUT / f"{name}.npy", np.asarray(a, dtype=np.float32))


# --- distance transform and soft masks -------------------------------------------------------
cases = {
    "r16x16": rng.random((16, 16)) < 0.10,
    "r33x47": rng.random((33, 47)) < 0.02,
    "r64x96": rng.random((64, 96)) < 0.30,
    "r1x40": rng.random((1, 40)) < 0.10,
    "r40x1": rng.random((40, 1)) < 0.10,
    "sparse70x50": rng.random((70, 50)) < 0.002,
    "full9x9": np.ones((9, 9), bool),
}
single = np.zeros((20, 30), bool)
single[7, 11] = True
cases["single20x30"] = single
for name, m in cases.items():
    assert m.any(), name  # scipy's answer for an all-background input is not a distance
    d = ndi.distance_transform_edt(~m)
    save(f"edt_{name}_mask", m)
    save(f"edt_{name}_dist", d)
    save(f"soft_{name}_s3", np.exp(-d**2 / (2 * 3.0**2)))
save("edt_aniso_dist", ndi.distance_transform_edt(~cases["r33x47"], sampling=(2.5, 0.7)))

# --- morphology --------------------------------------------------------------------------------
m = rng.random((40, 50)) < 0.45
save("morph_mask", m)
for h, w in [(3, 3), (1, 5), (5, 1), (3, 7)]:
    se = np.ones((h, w), bool)
    save(f"morph_open_{h}x{w}", ndi.binary_opening(m, structure=se))
    ph, pw = h // 2, w // 2
    padded = np.pad(m, ((ph, ph), (pw, pw)))
    closed = ndi.binary_closing(padded, structure=se)[ph:ph + m.shape[0], pw:pw + m.shape[1]]
    save(f"morph_close_{h}x{w}", closed)

f = rng.random((40, 50)) < 0.6
save("fill_mask", f)
save("fill_filled", ndi.binary_fill_holes(f))

lm = rng.random((45, 60)) < 0.35
lab, n = ndi.label(lm, structure=np.ones((3, 3), int))
order = {}
for v in lab.ravel():
    if v and v not in order:
        order[v] = len(order) + 1
canon = np.zeros_like(lab)
for old, new in order.items():
    canon[lab == old] = new
save("label_mask", lm)
save("label_labels", canon)

# --- filters -------------------------------------------------------------------------------------
img = rng.normal(size=(30, 41)).astype(np.float64)
save("filt_image", img)
img = np.load(OUT / "filt_image.npy").astype(np.float64)  # filter exactly what Java reads
save("filt_box_5x7", ndi.uniform_filter(img, size=(5, 7), mode="reflect"))
save("filt_gauss_1x2", ndi.gaussian_filter(img, sigma=(1.0, 2.0), mode="reflect", truncate=4.0))
save("filt_sobel0", ndi.sobel(img, axis=0, mode="reflect"))
save("filt_sobel1", ndi.sobel(img, axis=1, mode="reflect"))
small = rng.normal(size=(6, 8))
save("filt_small", small)
small = np.load(OUT / "filt_small.npy").astype(np.float64)
save("filt_small_box_15x3", ndi.uniform_filter(small, size=(15, 3), mode="reflect"))
print("wrote", len(list(OUT.glob("*.npy"))), "files to", OUT)
