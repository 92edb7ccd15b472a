package org.echomask.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.audio.AudioFileException;

/**
 * Reads back the mono 16-bit PCM WAV files a corpus writes, to check them against a regenerated
 * clip. Deliberately narrow (only what {@link SyntheticCorpus} writes): general reading belongs to
 * the audio package.
 */
final class CorpusWav {
    private CorpusWav() {}

    /** Decoded samples ({@code value / 32768}) and the file's sample rate. */
    record Pcm(int sampleRate, float[] samples) {
    }

    static Pcm read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AudioFileException(path, "cannot read: " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new AudioFileException(path, "not a RIFF/WAVE file");
        }
        int rate = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xffff;
                int channels = b.getShort(body + 2) & 0xffff;
                int bits = b.getShort(body + 14) & 0xffff;
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new AudioFileException(path, "expected mono 16-bit PCM as the corpus writes, found format "
                            + format + ", " + channels + " channels, " + bits + " bits");
                }
                rate = b.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                if (rate < 0) {
                    throw new AudioFileException(path, "data chunk before fmt chunk");
                }
                long available = Math.min(size, bytes.length - body);
                float[] samples = new float[(int) (available / 2)];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = b.getShort(body + 2 * i) / 32768f;
                }
                return new Pcm(rate, samples);
            }
            pos = body + (int) size + (int) (size & 1);
        }
        throw new AudioFileException(path, "no data chunk");
    }
}
