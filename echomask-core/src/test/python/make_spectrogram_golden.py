"""Golden reference values for org.echomask.spectrogram tests.

Run once from the repository root:  python3 echomask-core/src/test/python/make_spectrogram_golden.py
Writes small .npy/.json files to echomask-core/src/test/resources/golden/spectrogram/.

Reference implementations (numpy 2.4, scipy 1.17):
- windows: scipy.signal.get_window(name, n, fftbins=True)  (periodic)
- STFT power: |numpy.fft.rfft(frame * window)|^2 in float64 over explicitly built frames
  (centre padding = numpy.pad(..., mode='constant'), as librosa pad_mode='constant'),
  cross-checked here against scipy.signal.stft(boundary='zeros', padded=False, scaling='spectrum'),
  whose documented scaling is Zxx = rfft(frame * win) / sum(win).
- dB, mel filter banks and PCEN: librosa is NOT installed, so its formulas are re-implemented
  below in numpy (power_to_db, mel_frequencies / filters.mel with norm='slaney', pcen), following
  librosa 0.10's source.
- resize: an independent area-average written as overlap matrices (out = Wr @ X @ Wc.T).
"""
import json
import os

import numpy as np
import scipy.signal

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "spectrogram")


def save(name, a):
    np.save(os.path.join(OUT, name), np.ascontiguousarray(a, dtype=np.float32))  # C order for Npy.read


# ---------------------------------------------------------------- librosa formulas, re-implemented
def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_frequencies(n, fmin, fmax, htk):
    return mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n), htk)


def mel_filters(sr, n_fft, n_mels, fmin, fmax, htk):
    """librosa.filters.mel(..., norm='slaney'), computed in float64."""
    fftfreqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_frequencies(n_mels + 2, fmin, fmax, htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    return weights * enorm[:, None], mel_f[1:-1]


def power_to_db(s, amin, top_db):
    """librosa.power_to_db(S, ref=1.0, amin, top_db)."""
    log_spec = 10.0 * np.log10(np.maximum(amin, s))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def pcen(s, sr, hop, gain, bias, power, time_constant, eps):
    """librosa.pcen(S, sr, hop_length, gain, bias, power, time_constant, eps), max_size=1, axis=-1."""
    t_frames = time_constant * sr / float(hop)
    b = (np.sqrt(1 + 4 * t_frames ** 2) - 1) / (2 * t_frames ** 2)
    zi = np.empty((s.shape[0], 1))
    zi[:] = scipy.signal.lfilter_zi([b], [1, b - 1])[:]
    s_smooth, _ = scipy.signal.lfilter([b], [1, b - 1], s, zi=zi, axis=-1)
    smooth = np.exp(-gain * (np.log(eps) + np.log1p(s_smooth / eps)))
    if bias == 0:
        return np.exp(power * (np.log(s) + np.log(smooth)))
    return bias ** power * np.expm1(power * np.log1p(s * smooth / bias))


# ---------------------------------------------------------------- STFT reference
def stft_power(x, win_name, n_fft, hop, center):
    w = scipy.signal.get_window(win_name, n_fft, fftbins=True)
    xp = np.pad(x.astype(np.float64), n_fft // 2, mode="constant") if center else x.astype(np.float64)
    n_frames = 1 + (len(xp) - n_fft) // hop if len(xp) >= n_fft else 1
    if len(xp) < n_fft:
        xp = np.pad(xp, (0, n_fft - len(xp)))
    frames = np.stack([xp[f * hop:f * hop + n_fft] for f in range(n_frames)])
    spec = np.fft.rfft(frames * w, axis=1)
    return (np.abs(spec) ** 2).T, w  # [bin][frame]


def area_matrix(m, n):
    """W[j, i] = overlap of output cell j (width m/n input cells) with input cell i, normalised."""
    w = np.zeros((n, m))
    ratio = m / n
    for j in range(n):
        a, b = j * ratio, (j + 1) * ratio
        for i in range(m):
            w[j, i] = max(0.0, min(b, i + 1) - max(a, i))
    return w / w.sum(axis=1, keepdims=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240611)
    rate = 16000
    t = np.arange(4000) / rate
    x = (0.5 * scipy.signal.chirp(t, 300, t[-1], 6000) + 0.2 * np.sin(2 * np.pi * 1234.5 * t)
         + 0.05 * rng.standard_normal(t.size)).astype(np.float32)
    save("signal.npy", x)
    cases = {"rate": rate, "windows": [], "stft": [], "mel": [], "pcen": [], "crop": [], "resize": []}

    for name in ["hann", "hamming", "blackman"]:
        for n in [64, 63]:
            fname = f"window_{name}_{n}.npy"
            save(fname, scipy.signal.get_window(name, n, fftbins=True))
            cases["windows"].append({"window": name, "n": n, "file": fname})

    stft_cases = [("hann", 256, 64, True), ("hamming", 255, 100, False), ("blackman", 128, 128, True),
                  ("hann", 512, 160, False)]
    for win, n_fft, hop, center in stft_cases:
        p, w = stft_power(x, win, n_fft, hop, center)
        stem = f"stft_{win}_{n_fft}_{hop}_{'c' if center else 'n'}"
        save(stem + ".npy", p)
        entry = {"window": win, "n_fft": n_fft, "hop": hop, "center": center, "file": stem + ".npy",
                 "frames": p.shape[1], "window_sum": float(w.sum())}
        if center:
            # scipy.signal.stft pads n_fft//2 zeros at both ends (boundary='zeros'); padded=False
            # keeps the same frame count as librosa/ours. scaling='spectrum' divides by sum(win).
            _, _, z = scipy.signal.stft(x.astype(np.float64), fs=rate, window=win, nperseg=n_fft,
                                        noverlap=n_fft - hop, boundary="zeros", padded=False,
                                        scaling="spectrum", detrend=False)
            sp = np.abs(z) ** 2
            assert sp.shape == p.shape, (sp.shape, p.shape)
            np.testing.assert_allclose(sp * w.sum() ** 2, p, rtol=1e-9, atol=1e-12 * p.max())
            save(stem + "_scipy.npy", sp)
            entry["scipy_file"] = stem + "_scipy.npy"
        cases["stft"].append(entry)

    # dB of the first case, librosa power_to_db(ref=1, amin=1e-6, top_db=60)
    p0, _ = stft_power(x, "hann", 256, 64, True)
    save("db_hann_256_64_c.npy", power_to_db(p0, 1e-6, 60.0))
    cases["db"] = {"stft_file": "stft_hann_256_64_c.npy", "amin": 1e-6, "top_db": 60.0,
                   "file": "db_hann_256_64_c.npy", "file_no_top": "db_hann_256_64_c_notop.npy"}
    save("db_hann_256_64_c_notop.npy", power_to_db(p0, 1e-6, None))

    for htk in [True, False]:
        n_fft, hop, n_mels, fmin, fmax = 512, 160, 40, 50.0, 7000.0
        wts, centres = mel_filters(rate, n_fft, n_mels, fmin, fmax, htk)
        p, _ = stft_power(x, "hann", n_fft, hop, True)
        mel = wts @ p
        tag = "htk" if htk else "slaney"
        save(f"mel_weights_{tag}.npy", wts)
        save(f"mel_power_{tag}.npy", mel)
        save(f"mel_centres_{tag}.npy", centres)
        cases["mel"].append({"htk": htk, "n_fft": n_fft, "hop": hop, "n_mels": n_mels, "fmin": fmin, "fmax": fmax,
                             "weights": f"mel_weights_{tag}.npy", "power": f"mel_power_{tag}.npy",
                             "centres": f"mel_centres_{tag}.npy"})
        if not htk:
            for name, params in {"default": (0.98, 2.0, 0.5, 0.4, 1e-6),
                                 "fast_nobias": (0.8, 0.0, 0.25, 0.06, 1e-4)}.items():
                gain, bias, pw, tc, eps = params
                # librosa's examples scale float audio power by 2**31 first; do the same so the
                # smoother's start state of 1 is small next to the signal.
                e = mel * (2.0 ** 31)
                out = pcen(e, rate, hop, gain, bias, pw, tc, eps)
                save(f"pcen_input_{name}.npy", e)
                save(f"pcen_{name}.npy", out)
                cases["pcen"].append({"name": name, "hop": hop, "gain": gain, "bias": bias, "power": pw,
                                      "time_constant": tc, "eps": eps, "input": f"pcen_input_{name}.npy",
                                      "file": f"pcen_{name}.npy"})
            # Unscaled mel power through PCEN: the M[-1] = 1 start dominates the first frames.
            out = pcen(mel, rate, hop, 0.98, 2.0, 0.5, 0.4, 1e-6)
            save("pcen_unscaled.npy", out)
            cases["pcen_unscaled"] = {"file": "pcen_unscaled.npy", "mel": "mel_power_slaney.npy", "hop": hop}

    for n_fft, fmin, fmax in [(512, 1000.0, 3000.0), (256, 62.5, 0.0), (255, 10.0, 7990.0), (1024, 0.0, 8000.0)]:
        freqs = np.fft.rfftfreq(n_fft, 1 / rate)
        top = rate / 2 if fmax == 0 else fmax
        keep = np.nonzero((freqs >= fmin) & (freqs <= top))[0]
        cases["crop"].append({"n_fft": n_fft, "fmin": fmin, "fmax": fmax, "lo": int(keep[0]), "hi": int(keep[-1])})

    for (m_rows, m_cols), (n_rows, n_cols) in [((37, 53), (16, 20)), ((10, 7), (23, 15)), ((64, 64), (32, 16))]:
        grid = rng.random((m_rows, m_cols)).astype(np.float32)
        out = area_matrix(m_rows, n_rows) @ grid.astype(np.float64) @ area_matrix(m_cols, n_cols).T
        stem = f"resize_{m_rows}x{m_cols}_{n_rows}x{n_cols}"
        save(stem + "_in.npy", grid)
        save(stem + "_out.npy", out)
        cases["resize"].append({"input": stem + "_in.npy", "output": stem + "_out.npy", "rows": n_rows, "cols": n_cols})

    # Short signal: fewer samples than n_fft, centred and not.
    short = x[:100]
    for center in [True, False]:
        p, _ = stft_power(short, "hann", 256, 64, center)
        save(f"short_{'c' if center else 'n'}.npy", p)
    cases["short"] = {"length": 100, "n_fft": 256, "hop": 64, "centered": "short_c.npy", "uncentered": "short_n.npy"}

    with open(os.path.join(OUT, "cases.json"), "w") as fh:
        json.dump(cases, fh, indent=1)


if __name__ == "__main__":
    main()
