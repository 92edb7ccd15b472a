"""Makes the tiny FLAC test fixtures under src/test/resources/audio/ (run once; needs the `flac` tool).

Each FLAC file comes with the WAV it was encoded from, so tests compare decoders sample for sample
without the flac tool at test time.
"""
import pathlib
import subprocess
import wave

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "audio"


def signal(frames, channels, rate, bits, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(frames) / rate
    cols = []
    for c in range(channels):
        x = 0.5 * np.sin(2 * np.pi * (300 + 170 * c) * t) + 0.01 * rng.standard_normal(frames)
        cols.append(x)
    x = np.clip(np.stack(cols, axis=1), -1, 1)
    full = 2 ** (bits - 1)
    return np.clip(np.round(x * full), -full, full - 1).astype(np.int32)


def write_wav(path, q, rate, bits):
    nbytes = bits // 8
    raw = b"".join(int(v).to_bytes(4, "little", signed=True)[:nbytes] for v in q.reshape(-1))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(q.shape[1])
        w.setsampwidth(nbytes)
        w.setframerate(rate)
        w.writeframes(raw)


def make(name, frames, channels, rate, bits, seed):
    wav = OUT / f"{name}.wav"
    write_wav(wav, signal(frames, channels, rate, bits, seed), rate, bits)
    subprocess.run(["flac", "-s", "-f", "--channel-map=none", "--blocksize=576", "--no-padding", "--no-seektable", "-o", str(OUT / f"{name}.flac"), str(wav)],
                   check=True)


OUT.mkdir(parents=True, exist_ok=True)
make("mono16_8k", 3000, 1, 8000, 16, 1)
make("stereo24_48k", 2500, 2, 48000, 24, 2)
make("six16_16k", 1500, 6, 16000, 16, 3)
# A FLAC stream cut short (recorder lost power): the last 40 % of the bytes are gone.
data = (OUT / "mono16_8k.flac").read_bytes()
(OUT / "mono16_8k_truncated.flac").write_bytes(data[: int(len(data) * 0.6)])
