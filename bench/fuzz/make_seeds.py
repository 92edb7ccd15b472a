#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz tests (Jazzer regression inputs).

Every seed is small (< 10 KB) and built here from first principles (struct-packed headers, a
minimal verbatim FLAC encoder) or taken from the project's own test fixtures, so the corpus can be
rebuilt and reviewed: `python3 bench/fuzz/make_seeds.py` from the repository root rewrites

  echomask-core/src/test/resources/org/echomask/audio/AudioReadersFuzzTestInputs/{wav,rf64,flac}/
  echomask-core/src/test/resources/org/echomask/label/AnnotationReadersFuzzTestInputs/{raven,audacity,csv}/
  echomask-core/src/test/resources/org/echomask/dataset/DatasetManifestFuzzTestInputs/manifest/
  echomask-ml/src/test/resources/org/echomask/model/ModelCardFuzzTestInputs/card/

(Jazzer's layout: <test class>Inputs/<fuzz test method>/ next to the test class's package.) Each
target gets valid files and malformed ones that the readers must refuse with a clear message.
Seeds that still expose an open bug are listed in PENDING and skipped (the committed regression
run must pass); `--pending DIR` writes them to DIR/<target>/ instead, to reproduce the bugs.
Remove an entry once its bug is fixed, and the seed joins the regression run.
"""
import json
import math
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "echomask-core/src/test/resources/org/echomask"
ML = ROOT / "echomask-ml/src/test/resources/org/echomask"
LIMIT = 10 * 1024

# <method>/<seed> -> the open bug it shows (issue 13 item), skipped until that is fixed.
PENDING = {}
PENDING_DIR = None


def target(base, test_class, method):
    d = base / f"{test_class}Inputs" / method
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    # Inputs a fuzzing campaign found (bench/fuzz.sh), kept once their bug was fixed.
    found = Path(__file__).resolve().parent / "findings" / method
    for f in sorted(found.glob("*")) if found.is_dir() else []:
        shutil.copyfile(f, d / f.name)
    return d


def put(d, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < LIMIT, f"{name}: {len(data)} bytes is over the seed limit"
    key = f"{d.name}/{name}"
    if key in PENDING:
        if PENDING_DIR is not None:
            out = PENDING_DIR / d.name
            out.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data)
        return
    (d / name).write_bytes(data)


# ---------------------------------------------------------------- signals


def tone(frames, channels, rate=8000, hz=440.0):
    """Samples in [-1, 1) per frame and channel: a tone, each channel a little out of phase."""
    return [[0.8 * math.sin(2 * math.pi * hz * i / rate + c) for c in range(channels)] for i in range(frames)]


def pcm_bytes(samples, bits):
    out = bytearray()
    for frame in samples:
        for v in frame:
            if bits == 8:
                out += struct.pack("<B", max(0, min(255, int(round(v * 127)) + 128)))
            elif bits == 16:
                out += struct.pack("<h", int(round(v * 32767)))
            elif bits == 24:
                out += struct.pack("<i", int(round(v * 8388607)))[:3]
            elif bits == 32:
                out += struct.pack("<i", int(round(v * 2147483647)))
    return bytes(out)


def float_bytes(samples, bits):
    code = "<f" if bits == 32 else "<d"
    return b"".join(struct.pack(code, v) for frame in samples for v in frame)


# ---------------------------------------------------------------- WAV / RF64


def chunk(cid, body):
    pad = b"\0" if len(body) % 2 else b""
    return cid + struct.pack("<I", len(body)) + body + pad


def fmt(tag, channels, rate, bits, extensible_tag=None):
    block = channels * bits // 8
    body = struct.pack("<HHIIHH", tag, channels, rate, rate * block, block, bits)
    if extensible_tag is not None:
        guid = struct.pack("<H", extensible_tag) + bytes.fromhex("000000001000800000aa00389b71")
        body += struct.pack("<HHI", 22, bits, (1 << channels) - 1) + guid
    return body


def wav(fmt_body, data, extra=b"", riff_size=None, data_size=None):
    data_chunk = b"data" + struct.pack("<I", len(data) if data_size is None else data_size) + data
    if len(data) % 2 and data_size is None:
        data_chunk += b"\0"
    body = b"WAVE" + chunk(b"fmt ", fmt_body) + extra + data_chunk
    return b"RIFF" + struct.pack("<I", len(body) if riff_size is None else riff_size) + body


def rf64(fmt_body, data, ds64_body=None, omit_ds64=False):
    if ds64_body is None:
        ds64_body = struct.pack("<QQQI", 4 + 8 + 28 + 8 + 24 + 8 + len(data), len(data), len(data) // 4, 0)
    head = b"WAVE" + (b"" if omit_ds64 else chunk(b"ds64", ds64_body)) + chunk(b"fmt ", fmt_body)
    body = head + b"data" + struct.pack("<I", 0xFFFFFFFF) + data
    return b"RF64" + struct.pack("<I", 0xFFFFFFFF) + body


def wav_seeds():
    d = target(CORE / "audio", "AudioReadersFuzzTest", "wav")
    mono = tone(200, 1)
    stereo = tone(120, 2)
    put(d, "pcm16_mono.wav", wav(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16)))
    put(d, "pcm8_stereo.wav", wav(fmt(1, 2, 8000, 8), pcm_bytes(stereo, 8)))
    put(d, "pcm24_stereo.wav", wav(fmt(1, 2, 48000, 24), pcm_bytes(stereo, 24)))
    put(d, "pcm32_mono.wav", wav(fmt(1, 1, 16000, 32), pcm_bytes(mono, 32)))
    put(d, "float32_mono.wav", wav(fmt(3, 1, 8000, 32), float_bytes(mono, 32)))
    put(d, "float64_stereo.wav", wav(fmt(3, 2, 8000, 64), float_bytes(stereo, 64)))
    put(d, "extensible_pcm16_3ch.wav", wav(fmt(0xFFFE, 3, 8000, 16, extensible_tag=1), pcm_bytes(tone(80, 3), 16)))
    put(d, "extensible_float32.wav", wav(fmt(0xFFFE, 1, 8000, 32, extensible_tag=3), float_bytes(mono, 32)))
    put(d, "list_chunk_odd_length.wav",
        wav(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16), extra=chunk(b"LIST", b"INFOISFT\x05\0\0\0echo\0")))
    put(d, "odd_data_length_8bit.wav", wav(fmt(1, 1, 8000, 8), pcm_bytes(tone(101, 1), 8)))
    put(d, "empty_data.wav", wav(fmt(1, 1, 8000, 16), b""))
    # Malformed: each must be refused with a message naming the file.
    good = wav(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16))
    put(d, "truncated_data.wav", good[: len(good) - 150])
    put(d, "truncated_header.wav", good[:30])
    put(d, "no_data_chunk.wav", b"RIFF" + struct.pack("<I", 28) + b"WAVE" + chunk(b"fmt ", fmt(1, 1, 8000, 16)))
    put(d, "no_fmt_chunk.wav", b"RIFF" + struct.pack("<I", 12) + b"WAVE" + chunk(b"data", b"\0\0\0\0"))
    put(d, "zero_channels.wav", wav(fmt(1, 0, 8000, 16), pcm_bytes(mono, 16)))
    put(d, "zero_rate.wav", wav(fmt(1, 1, 0, 16), pcm_bytes(mono, 16)))
    put(d, "bits_12.wav", wav(struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 12), pcm_bytes(mono, 16)))
    put(d, "block_align_mismatch.wav", wav(struct.pack("<HHIIHH", 1, 2, 8000, 32000, 3, 16), pcm_bytes(stereo, 16)))
    put(d, "fmt_too_short.wav", wav(fmt(1, 1, 8000, 16)[:10], pcm_bytes(mono, 16)))
    put(d, "unknown_format_tag.wav", wav(fmt(0x55, 1, 8000, 16), pcm_bytes(mono, 16)))
    put(d, "float_nan.wav", wav(fmt(3, 1, 8000, 32), struct.pack("<ff", 0.5, float("nan")) + float_bytes(mono, 32)))
    put(d, "float_huge.wav", wav(fmt(3, 1, 8000, 32), struct.pack("<f", 1e38) + float_bytes(mono, 32)))
    put(d, "declares_4gb_data.wav", wav(fmt(1, 1, 8000, 16), bytes(8000), data_size=0xFFFFFF00))
    put(d, "declares_2gb_data.wav", wav(fmt(1, 1, 8000, 16), bytes(8000), data_size=0x7FFFFFFF))
    put(d, "chunk_size_past_end.wav", wav(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16),
                                          extra=b"junk" + struct.pack("<I", 0x7FFFFFF0) + b"abcd"))


def rf64_seeds():
    d = target(CORE / "audio", "AudioReadersFuzzTest", "rf64")
    mono = tone(150, 1)
    put(d, "rf64_pcm16_mono.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16)))
    put(d, "rf64_pcm24_stereo.wav", rf64(fmt(1, 2, 48000, 24), pcm_bytes(tone(100, 2), 24)))
    put(d, "rf64_float32.wav", rf64(fmt(3, 1, 8000, 32), float_bytes(mono, 32)))
    put(d, "rf64_ds64_table.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16),
                                       ds64_body=struct.pack("<QQQI", 400, 300, 150, 1) + b"LIST" + struct.pack("<Q", 0)))
    # Malformed.
    put(d, "rf64_ds64_short.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16), ds64_body=b"\0" * 8))
    put(d, "rf64_no_ds64.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16), omit_ds64=True))
    put(d, "rf64_ds64_data_past_end.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16),
                                               ds64_body=struct.pack("<QQQI", 1000, 600, 300, 0)))
    put(d, "rf64_declares_1tb.wav", rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16),
                                          ds64_body=struct.pack("<QQQI", 1 << 40, 1 << 40, 1 << 39, 0)))
    good = rf64(fmt(1, 1, 8000, 16), pcm_bytes(mono, 16))
    put(d, "rf64_truncated.wav", good[: len(good) - 100])


# ---------------------------------------------------------------- FLAC (verbatim encoder)


class Bits:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, bits):
        for i in range(bits - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                self.acc = self.n = 0

    def align(self):
        while self.n:
            self.put(0, 1)
        return bytes(self.out)


def crc8(data):
    c = 0
    for b in data:
        c ^= b
        for _ in range(8):
            c = ((c << 1) ^ 0x07) & 0xFF if c & 0x80 else (c << 1) & 0xFF
    return c


def crc16(data):
    c = 0
    for b in data:
        c ^= b << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x8005) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
    return c


def streaminfo(block, rate, channels, bps, total, last=True):
    b = Bits()
    b.put(block, 16)
    b.put(block, 16)
    b.put(0, 24)
    b.put(0, 24)
    b.put(rate, 20)
    b.put(channels - 1, 3)
    b.put(bps - 1, 5)
    b.put(total, 36)
    body = b.align() + b"\0" * 16
    return bytes([(0x80 if last else 0) | 0]) + struct.pack(">I", len(body))[1:] + body


def flac_frame(number, frames, bps, constant=False):
    """One fixed-blocksize frame, sample rate and size from STREAMINFO, subframes verbatim (or constant)."""
    channels = len(frames[0])
    head = Bits()
    head.put(0b11111111111110, 14)
    head.put(0, 1)
    head.put(0, 1)  # fixed block size
    head.put(0b0110, 4)  # block size: 8 bits (n-1) at the end of the header
    head.put(0b0000, 4)  # sample rate from STREAMINFO
    head.put(channels - 1, 4)
    head.put(0b000, 3)  # sample size from STREAMINFO
    head.put(0, 1)
    head.put(number, 8)  # UTF-8 coded frame number (< 128: one byte)
    head.put(len(frames) - 1, 8)
    h = head.align()
    h += bytes([crc8(h)])
    sub = Bits()
    for c in range(channels):
        values = [int(round(f[c] * ((1 << (bps - 1)) - 1))) for f in frames]
        sub.put(0, 1)
        if constant:
            sub.put(0b000000, 6)
            sub.put(0, 1)
            sub.put(values[0] & ((1 << bps) - 1), bps)
        else:
            sub.put(0b000001, 6)
            sub.put(0, 1)
            for v in values:
                sub.put(v & ((1 << bps) - 1), bps)
    frame = h + sub.align()
    return frame + struct.pack(">H", crc16(frame))


def flac(samples, rate, bps, block=64, total=None, constant=False, extra_blocks=b""):
    channels = len(samples[0])
    frames = [samples[i:i + block] for i in range(0, len(samples), block)]
    meta = streaminfo(block, rate, channels, bps, len(samples) if total is None else total, last=not extra_blocks)
    body = b"".join(flac_frame(n, f, bps, constant) for n, f in enumerate(frames))
    return b"fLaC" + meta + extra_blocks + body


def metadata_block(kind, body, last=True, declared=None):
    n = len(body) if declared is None else declared
    return bytes([(0x80 if last else 0) | kind]) + struct.pack(">I", n)[1:] + body


def flac_seeds():
    d = target(CORE / "audio", "AudioReadersFuzzTest", "flac")
    fixtures = ROOT / "echomask-core/src/test/resources/audio"
    for name in ("mono16_8k.flac", "stereo24_48k.flac"):  # real encoder output: LPC and Rice coding
        put(d, "fixture_" + name, (fixtures / name).read_bytes())
    put(d, "verbatim_mono16.flac", flac(tone(200, 1), 8000, 16))
    put(d, "verbatim_stereo8.flac", flac(tone(130, 2), 8000, 8))
    put(d, "verbatim_3ch24.flac", flac(tone(70, 3), 48000, 24, block=32))
    put(d, "constant_mono16.flac", flac(tone(128, 1), 8000, 16, constant=True))
    put(d, "no_frames.flac", flac(tone(1, 1), 8000, 16, total=0)[:4 + 38])
    vorbis = metadata_block(4, struct.pack("<I", 4) + b"test" + struct.pack("<I", 1) + struct.pack("<I", 7) + b"TITLE=x")
    put(d, "vorbis_comment.flac", flac(tone(100, 1), 8000, 16, extra_blocks=vorbis))
    put(d, "padding_block.flac", flac(tone(100, 1), 8000, 16, extra_blocks=metadata_block(1, b"\0" * 64)))
    # Malformed.
    good = flac(tone(200, 1), 8000, 16)
    put(d, "truncated_frames.flac", good[: len(good) // 2])
    put(d, "truncated_streaminfo.flac", good[:20])
    put(d, "more_declared_than_present.flac", flac(tone(200, 1), 8000, 16, total=5000))
    put(d, "zero_rate.flac", b"fLaC" + streaminfo(64, 0, 1, 16, 64) + flac_frame(0, tone(64, 1), 16))
    put(d, "bps_too_small.flac", b"fLaC" + streaminfo(64, 8000, 1, 2, 64) + flac_frame(0, tone(64, 1), 2))
    put(d, "only_magic.flac", b"fLaC")
    put(d, "declares_2g_samples.flac", flac(tone(200, 1), 8000, 16, total=(1 << 31) - 1000))
    put(d, "declares_more_than_readmono_takes.flac", flac(tone(200, 1), 8000, 16, total=1 << 31))
    put(d, "total_smaller_than_real.flac", flac(tone(200, 1), 8000, 16, total=100))
    put(d, "vorbis_vendor_2g.flac", flac(tone(100, 1), 8000, 16, extra_blocks=metadata_block(
        4, struct.pack("<I", 0x7FFFFFFF) + b"test" + bytes(8))))
    picture = struct.pack(">II", 3, 0x7FFFFFFF) + b"image/png" + bytes(24)
    put(d, "picture_mime_2g.flac", flac(tone(100, 1), 8000, 16, extra_blocks=metadata_block(6, picture)))


# ---------------------------------------------------------------- annotation tables


RAVEN_HEAD = "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tAnnotation\n"


def raven_seeds():
    d = target(CORE / "label", "AnnotationReadersFuzzTest", "raven")
    put(d, "standard.txt", RAVEN_HEAD + "1\tSpectrogram 1\t1\t0.5\t1.25\t200\t4000\twhistle\n"
        "2\tSpectrogram 1\t1\t2.0\t2.5\t1000\t8000\tclick\n3\tSpectrogram 1\t2\t3\t3.5\t\t\twhistle\n")
    put(d, "two_views.txt", RAVEN_HEAD + "1\tSpectrogram 1\t1\t0.5\t1.25\t200\t4000\twhistle\n"
        "1\tWaveform 1\t1\t0.5\t1.25\t200\t4000\twhistle\n")
    put(d, "combined_files.txt", "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)"
        "\tBegin File\tFile Offset (s)\tSpecies\n1\tSpectrogram 1\t1\t10.0\t11.0\t100\t900\ta.wav\t1.0\tbeluga\n"
        "2\tSpectrogram 1\t1\t70.0\t70.5\t100\t900\tb.wav\t10.0\tporpoise\n")
    put(d, "bom_crlf.txt", "\ufeff" + RAVEN_HEAD.replace("\n", "\r\n") + "1\tSpectrogram 1\t1\t0\t1\t0\t100\tx\r\n")
    put(d, "quoted_notes.txt", RAVEN_HEAD.replace("\n", "\tNotes\n")
        + "1\tSpectrogram 1\t1\t0\t1\t0\t100\tx\t\"a\ttab and \"\"quotes\"\"\"\n")
    put(d, "windows1252.txt", (RAVEN_HEAD + "1\tSpectrogram 1\t1\t0\t1\t0\t100\tbaleine \u00e0 bosse\n").encode("cp1252"))
    put(d, "header_only.txt", RAVEN_HEAD)
    # Malformed.
    put(d, "missing_end_time.txt", "Selection\tView\tChannel\tBegin Time (s)\tAnnotation\n1\tSpectrogram 1\t1\t0.5\tx\n")
    put(d, "bad_number.txt", RAVEN_HEAD + "1\tSpectrogram 1\t1\tzero\t1\t0\t100\tx\n")
    put(d, "end_before_begin.txt", RAVEN_HEAD + "1\tSpectrogram 1\t1\t5\t1\t0\t100\tx\n")
    put(d, "duplicate_column.txt", RAVEN_HEAD.replace("Annotation", "Channel") + "1\tSpectrogram 1\t1\t0\t1\t0\t100\t1\n")
    put(d, "short_row.txt", RAVEN_HEAD + "1\tSpectrogram 1\t1\t0\n")
    put(d, "empty.txt", "")


def audacity_seeds():
    d = target(CORE / "label", "AnnotationReadersFuzzTest", "audacity")
    put(d, "labels.txt", "0.500000\t1.250000\twhistle\n2.000000\t2.000000\tpoint label\n")
    put(d, "with_frequencies.txt", "0.5\t1.25\twhistle\n\\\t200.000000\t4000.000000\n3\t4\tclick\n")
    put(d, "comma_decimals.txt", "0,5\t1,25\twhistle\n")
    put(d, "crlf_bom.txt", "\ufeff0.5\t1.0\ta\r\n1.5\t2.0\tb\r\n")
    # Malformed.
    put(d, "two_fields.txt", "0.5\t1.25\n")
    put(d, "frequency_first.txt", "\\\t200\t4000\n")
    put(d, "bad_frequency_line.txt", "0.5\t1.25\tx\n\\\t200\n")
    put(d, "blank_label.txt", "0.5\t1.25\t   \n")
    put(d, "negative_time.txt", "-1\t1\tx\n")


def csv_seeds():
    d = target(CORE / "label", "AnnotationReadersFuzzTest", "csv")
    put(d, "full.csv", "recording,begin_s,end_s,low_hz,high_hz,label\na.wav,0.5,1.25,200,4000,whistle\n"
        "a.wav,2,2.5,,,click\nb.wav,0,1,100,900,whistle\n")
    put(d, "aliases_extra.csv", "File,Start,Stop,Species,Notes\na.wav,0.5,1.0,beluga,\"quoted, comma\"\n")
    put(d, "single_recording.csv", "begin_s,end_s,label\n0.5,1,x\n1.5,2,y\n")
    put(d, "semicolons.csv", "recording;begin_s;end_s;label\na.wav;0,5;1,25;x\n")
    # Malformed.
    put(d, "missing_end.csv", "recording,begin_s,label\na.wav,0.5,x\n")
    put(d, "unclosed_quote.csv", "recording,begin_s,end_s,label\na.wav,0.5,1,\"x\n")
    put(d, "empty_label.csv", "recording,begin_s,end_s,label\na.wav,0.5,1,\n")
    put(d, "bad_number.csv", "recording,begin_s,end_s,label\na.wav,half,1,x\n")
    put(d, "short_row.csv", "recording,begin_s,end_s,label\na.wav,0.5\n")


MANIFEST_HEAD = "id,recording,start_s,end_s,labels,split,group,array,image,hq_mask"


def manifest_seeds():
    d = target(CORE / "dataset", "DatasetManifestFuzzTest", "manifest")
    rows = ["ex-000,audio/a.wav,0.0,1.0,whistle,train,a,arrays/ex-000.npy,images/ex-000.png,",
            "ex-001,audio/a.wav,1.0,2.0,,val,a,arrays/ex-001.npy,images/ex-001.png,masks/hq/ex-001.png",
            "ex-002,audio/b.wav,0.5,1.5,click;whistle,test,b,arrays/ex-002.npy,images/ex-002.png,"]
    put(d, "manifest.csv", MANIFEST_HEAD + "\n" + "\n".join(rows) + "\n")
    put(d, "extras.csv", MANIFEST_HEAD + ",hq_status,hq_updated\n" + rows[0] + ",accepted,2026-01-01T00:00:00Z\n")
    put(d, "quoted.csv", MANIFEST_HEAD + "\n\"ex-000\",\"audio/a, b.wav\",0,1,\"x;y\",train,,a.npy,a.png,\n")
    put(d, "header_only.csv", MANIFEST_HEAD + "\n")
    # Malformed.
    put(d, "missing_column.csv", MANIFEST_HEAD.replace(",hq_mask", "") + "\n" + rows[0][:-1] + "\n")
    put(d, "bad_span.csv", MANIFEST_HEAD + "\nex-000,a.wav,2.0,1.0,x,train,,a.npy,a.png,\n")
    put(d, "bad_number.csv", MANIFEST_HEAD + "\nex-000,a.wav,zero,1.0,x,train,,a.npy,a.png,\n")
    put(d, "unsafe_id.csv", MANIFEST_HEAD + "\n../x,a.wav,0,1.0,x,train,,a.npy,a.png,\n")
    put(d, "empty.csv", "")
    put(d, "unclosed_quote.csv", MANIFEST_HEAD + "\n" + rows[0] + "\nex-003,\"a.wav,0,1,x,train,,a.npy,a.png,\n")
    put(d, "blank_header.csv", " \n")


# ---------------------------------------------------------------- model cards


def card_seeds():
    d = target(ML / "model", "ModelCardFuzzTest", "card")
    golden = ROOT / "echomask-ml/src/test/resources/golden/classify"
    card = json.loads((golden / "model-soft-proposal.json").read_text())
    put(d, "classifier.json", json.dumps(card, indent=2))
    put(d, "classifier_compact.json", json.dumps(card, separators=(",", ":")))
    without_input = dict(card)
    without_input.pop("input", None)
    put(d, "classifier_no_input.json", json.dumps(without_input))
    # Malformed.
    put(d, "empty_object.json", "{}")
    put(d, "null.json", "null")
    put(d, "array.json", "[1, 2, 3]")
    put(d, "truncated.json", json.dumps(card)[:300])
    put(d, "format_2.json", json.dumps(dict(card, format=2)))
    put(d, "kind_segmenter.json", json.dumps(dict(card, kind="segmenter")))
    put(d, "threshold_out_of_range.json", json.dumps(dict(card, threshold=1.5)))
    put(d, "labels_wrong_type.json", json.dumps(dict(card, spec=dict(card["spec"], labels="beluga"))))
    put(d, "unknown_architecture.json",
        json.dumps(dict(card, spec=dict(card["spec"], backbone=dict(card["spec"]["backbone"], architecture="vgg")))))
    put(d, "deep_nesting.json", "[" * 4000 + "]" * 4000)
    put(d, "not_json.json", b"\x00\xff\xfe binary")


def main():
    global PENDING_DIR
    if len(sys.argv) == 3 and sys.argv[1] == "--pending":
        PENDING_DIR = Path(sys.argv[2]).resolve()
    elif len(sys.argv) != 1:
        sys.exit("usage: make_seeds.py [--pending DIR]")
    for make in (wav_seeds, rf64_seeds, flac_seeds, raven_seeds, audacity_seeds, csv_seeds, manifest_seeds, card_seeds):
        make()
    print("seeds written", file=sys.stderr)


if __name__ == "__main__":
    main()
