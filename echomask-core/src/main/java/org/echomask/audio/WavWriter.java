package org.echomask.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.echomask.io.AtomicFiles;

/**
 * Writes canonical RIFF/WAVE files (PCM 16/24-bit or IEEE float 32-bit) atomically. Samples are
 * given per channel as floats in [-1, 1]; integer encodings clip and round.
 */
public final class WavWriter {
    private WavWriter() {}

    /** Sample encodings the writer produces. */
    public enum Encoding {
        PCM_16(16, 1), PCM_24(24, 1), FLOAT_32(32, 3);

        final int bits;
        final int formatTag;

        Encoding(int bits, int formatTag) {
            this.bits = bits;
            this.formatTag = formatTag;
        }
    }

    public static void write(Path path, float[] mono, int sampleRate, Encoding encoding) {
        write(path, new float[][] {mono}, sampleRate, encoding);
    }

    public static void write(Path path, float[][] channels, int sampleRate, Encoding encoding) {
        int nch = channels.length;
        if (nch == 0) {
            throw new IllegalArgumentException("no channels to write");
        }
        int frames = channels[0].length;
        for (float[] c : channels) {
            if (c.length != frames) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        AtomicFiles.write(path, out -> writeTo(out, channels, frames, sampleRate, encoding));
    }

    private static void writeTo(OutputStream out, float[][] channels, int frames, int sampleRate, Encoding enc)
            throws IOException {
        int nch = channels.length;
        int bytesPerSample = enc.bits / 8;
        long dataBytes = (long) frames * nch * bytesPerSample;
        if (dataBytes + 36 > 0xffffffffL) {
            throw new IllegalArgumentException("recording too long for a RIFF file: " + dataBytes + " bytes");
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) enc.formatTag).putShort((short) nch);
        h.putInt(sampleRate).putInt(sampleRate * nch * bytesPerSample).putShort((short) (nch * bytesPerSample));
        h.putShort((short) enc.bits);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        out.write(h.array());
        int blockFrames = 8192;
        ByteBuffer b = ByteBuffer.allocate(blockFrames * nch * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < frames; start += blockFrames) {
            int end = Math.min(frames, start + blockFrames);
            b.clear();
            for (int i = start; i < end; i++) {
                for (float[] channel : channels) {
                    putSample(b, channel[i], enc);
                }
            }
            out.write(b.array(), 0, b.position());
        }
    }

    private static void putSample(ByteBuffer b, float v, Encoding enc) {
        switch (enc) {
            case FLOAT_32 -> b.putFloat(v);
            case PCM_16 -> b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768.0))));
            case PCM_24 -> {
                int s = (int) Math.max(-8388608, Math.min(8388607, Math.round(v * 8388608.0)));
                b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
            }
        }
    }
}
