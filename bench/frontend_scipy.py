"""scipy.signal.stft + dB throughput on a WAV, the reference the Java front end is compared with.

Usage: python3 bench/frontend_scipy.py file.wav [n_fft=1024] [hop=512] [repeats=3]
Same work as FrontEndBench's 'decode+STFT+dB end to end' (scipy.io.wavfile decode included): centred Hann frames, power, 10*log10(max(p, 1e-10)),
top_db 80, processed in segments of 30,000 frames. Two threads are irrelevant here: scipy's
stft runs on one core.
"""
import sys
import time

import numpy as np
import scipy.io.wavfile
import scipy.signal


def main():
    path = sys.argv[1]
    n_fft = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    hop = int(sys.argv[3]) if len(sys.argv) > 3 else 512
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    seg = 30_000 * hop
    for r in range(repeats):
        t = time.perf_counter()
        # Decoding is part of the front end: read and scale inside the timed region.
        rate, x = scipy.io.wavfile.read(path)
        x = (x.astype(np.float32) / 32768.0)
        for start in range(0, len(x), seg):
            part = x[start:start + seg + n_fft - hop]
            _, _, z = scipy.signal.stft(part, fs=rate, window="hann", nperseg=n_fft, noverlap=n_fft - hop,
                                        boundary="zeros", padded=False, scaling="spectrum")
            p = np.abs(z) ** 2
            db = 10 * np.log10(np.maximum(p, 1e-10))
            np.maximum(db, db.max() - 80, out=db)
        dt = time.perf_counter() - t
        print(f"run {r}: decode + scipy.signal.stft + dB {len(x) / dt / 1e6:.1f} Msamples/s ({dt:.2f} s)")


if __name__ == "__main__":
    main()
