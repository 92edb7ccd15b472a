"""Makes the tiny FLAC test fixtures under src/test/resources/audio/ (run once; needs the `flac` tool).

The samples are an integer-only signal that the test regenerates (FixtureSignal.java), so the test
compares the decoder sample for sample without the flac tool and without committing the WAV it was
encoded from (the WAV is written to a temporary file and deleted).
"""
import pathlib
import subprocess
import wave

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "audio"


def signal(frames, channels, rate, bits, seed):
    """Integer-only so FlacReaderTest regenerates it exactly (FixtureSignal.java): a triangle of
    period 24 + 7c samples plus 8-bit LCG noise, scaled to the sample size."""
    scale = 1 << (bits - 16)
    state = seed & 0xFFFFFFFF
    out = np.zeros((frames, channels), dtype=np.int64)
    for n in range(frames):
        for c in range(channels):
            period = 24 + 7 * c
            phase = n % period
            tri = (abs(4 * phase - 2 * period) - period) * 12000 // period
            state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
            noise = (state >> 24) - 128
            out[n, c] = (tri + noise) * scale
    return out


def write_wav(path, q, rate, bits):
    nbytes = bits // 8
    raw = b"".join(int(v).to_bytes(4, "little", signed=True)[:nbytes] for v in q.reshape(-1))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(q.shape[1])
        w.setsampwidth(nbytes)
        w.setframerate(rate)
        w.writeframes(raw)


def make(name, frames, channels, rate, bits, seed):
    wav = OUT / f"{name}.tmp.wav"
    write_wav(wav, signal(frames, channels, rate, bits, seed), rate, bits)
    subprocess.run(["flac", "-s", "-f", "--channel-map=none", "--blocksize=576", "--no-padding", "--no-seektable", "-o", str(OUT / f"{name}.flac"), str(wav)],
                   check=True)
    wav.unlink()


OUT.mkdir(parents=True, exist_ok=True)
make("mono16_8k", 1200, 1, 8000, 16, 1)
make("stereo24_48k", 1000, 2, 48000, 24, 2)
make("six16_16k", 700, 6, 16000, 16, 3)
# A FLAC stream cut short (recorder lost power): the last 40 % of the bytes are gone.
data = (OUT / "mono16_8k.flac").read_bytes()
(OUT / "mono16_8k_truncated.flac").write_bytes(data[: int(len(data) * 0.6)])
