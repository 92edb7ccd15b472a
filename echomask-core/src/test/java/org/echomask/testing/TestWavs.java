package org.echomask.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds WAV files byte by byte, including the broken and unusual ones real recorders write, so
 * readers can be tested against headers that no well-behaved writer would produce.
 *
 * <pre>{@code byte[] wav = TestWavs.pcm(2, 8000, 16).samples(data).chunkBefore("LIST", info).bytes();}</pre>
 */
public final class TestWavs {
    public static final int PCM = 1;
    public static final int FLOAT = 3;
    public static final int EXTENSIBLE = 0xFFFE;

    private TestWavs() {}

    public static Builder pcm(int channels, int sampleRate, int bits) {
        return new Builder(PCM, channels, sampleRate, bits);
    }

    public static Builder ieeeFloat(int channels, int sampleRate, int bits) {
        return new Builder(FLOAT, channels, sampleRate, bits);
    }

    /**
     * Value the reader must return for {@code v} stored with this encoding (quantised like the
     * builder stores it), to compare decoded samples exactly.
     */
    public static float quantise(float v, int formatTag, int bits) {
        if (formatTag == FLOAT) {
            return v;
        }
        // Readers keep [-1, 1): float rounding of (2^31 - 1) / 2^31 would give 1.0.
        return Math.min(Math.nextDown(1f), (float) (stored(v, bits) / Math.pow(2, bits - 1)));
    }

    /** The integer a PCM sample of {@code bits} stores for {@code v} (rounded, clipped). */
    public static long stored(float v, int bits) {
        double full = Math.pow(2, bits - 1);
        return (long) Math.max(-full, Math.min(full - 1, Math.round(v * full)));
    }

    /** A test signal: channel c, frame i, deterministic, within [-0.9, 0.9]. */
    public static float[][] ramp(int channels, int frames) {
        float[][] s = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                s[c][i] = (float) (0.9 * Math.sin(0.05 * (i + 1) * (c + 1) + c));
            }
        }
        return s;
    }

    /** Fluent description of one WAV file. */
    public static final class Builder {
        private final int formatTag;
        private final int channels;
        private final int sampleRate;
        private final int bits;
        private float[][] samples = new float[0][0];
        private final List<byte[]> before = new ArrayList<>();
        private final List<byte[]> after = new ArrayList<>();
        private boolean extensible;
        private int subFormat;
        private int validBits = -1;
        private Integer byteRate;
        private Integer blockAlign;
        private Long dataSize;
        private boolean rf64;
        private int dropTrailingBytes;
        private byte[] extraData;

        private Builder(int formatTag, int channels, int sampleRate, int bits) {
            this.formatTag = formatTag;
            this.channels = channels;
            this.sampleRate = sampleRate;
            this.bits = bits;
        }

        public Builder samples(float[][] s) {
            this.samples = s;
            return this;
        }

        /** Writes WAVE_FORMAT_EXTENSIBLE with the sub-format GUID of this builder's tag. */
        public Builder extensible(int validBitsPerSample) {
            this.extensible = true;
            this.subFormat = formatTag;
            this.validBits = validBitsPerSample;
            return this;
        }

        public Builder chunkBefore(String id, byte[] body) {
            before.add(chunk(id, body));
            return this;
        }

        public Builder chunkAfter(String id, byte[] body) {
            after.add(chunk(id, body));
            return this;
        }

        public Builder byteRate(int v) {
            byteRate = v;
            return this;
        }

        public Builder blockAlign(int v) {
            blockAlign = v;
            return this;
        }

        /** Overrides the size field of the data chunk (0 and 0xFFFFFFFF are what streaming writers leave). */
        public Builder dataSize(long v) {
            dataSize = v;
            return this;
        }

        public Builder rf64() {
            rf64 = true;
            return this;
        }

        /** Cuts this many bytes off the end of the finished file (a recorder that lost power). */
        public Builder truncate(int bytes) {
            dropTrailingBytes = bytes;
            return this;
        }

        /** Appends raw bytes after everything (samples outside the RIFF, junk, ...). */
        public Builder trailing(byte[] raw) {
            extraData = raw;
            return this;
        }

        public int bytesPerSample() {
            return (bits + 7) / 8;
        }

        public byte[] bytes() {
            byte[] data = encodeSamples();
            int align = blockAlign != null ? blockAlign : channels * bytesPerSample();
            int rate = byteRate != null ? byteRate : sampleRate * channels * bytesPerSample();
            ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
            fmt.putShort((short) (extensible ? EXTENSIBLE : formatTag)).putShort((short) channels).putInt(sampleRate)
                    .putInt(rate).putShort((short) align).putShort((short) bits);
            if (extensible) {
                fmt.putShort((short) 22).putShort((short) validBits).putInt(0);
                fmt.putShort((short) subFormat).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                    0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
            long declared = dataSize != null ? dataSize : data.length;
            if (rf64) {
                ByteBuffer ds = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
                ds.putLong(0).putLong(declared).putLong(data.length / Math.max(1, align)).putInt(0);
                body.writeBytes(chunk("ds64", ds.array()));
                declared = 0xffffffffL;
            }
            body.writeBytes(chunk("fmt ", fmt.array()));
            before.forEach(body::writeBytes);
            body.writeBytes(header("data", declared));
            body.writeBytes(data);
            if ((data.length & 1) == 1) {
                body.write(0);
            }
            after.forEach(body::writeBytes);
            byte[] riffBody = body.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header(rf64 ? "RF64" : "RIFF", rf64 ? 0xffffffffL : riffBody.length));
            out.writeBytes(riffBody);
            if (extraData != null) {
                out.writeBytes(extraData);
            }
            byte[] all = out.toByteArray();
            byte[] cut = new byte[all.length - dropTrailingBytes];
            System.arraycopy(all, 0, cut, 0, cut.length);
            return cut;
        }

        public Path write(Path file) {
            try {
                Files.write(file, bytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The samples as stored (what a correct reader returns). */
        public float[][] expected() {
            float[][] e = new float[samples.length][];
            for (int c = 0; c < samples.length; c++) {
                e[c] = new float[samples[c].length];
                for (int i = 0; i < e[c].length; i++) {
                    e[c][i] = quantise(samples[c][i], formatTag, bytesPerSample() * 8);
                }
            }
            return e;
        }

        private byte[] encodeSamples() {
            int frames = samples.length == 0 ? 0 : samples[0].length;
            int bps = bytesPerSample();
            ByteBuffer b = ByteBuffer.allocate(frames * channels * bps).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    float v = samples[c][i];
                    if (formatTag == FLOAT) {
                        if (bits == 64) {
                            b.putDouble(v);
                        } else {
                            b.putFloat(v);
                        }
                        continue;
                    }
                    long q = stored(v, bps * 8);
                    if (bps == 1) {
                        b.put((byte) (q + 128));
                    } else {
                        for (int k = 0; k < bps; k++) {
                            b.put((byte) (q >> (8 * k)));
                        }
                    }
                }
            }
            return b.array();
        }
    }

    public static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(id, body.length));
        out.writeBytes(body);
        if ((body.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] header(String id, long size) {
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        h.put(id.getBytes(StandardCharsets.US_ASCII)).putInt((int) size);
        return h.array();
    }
}
