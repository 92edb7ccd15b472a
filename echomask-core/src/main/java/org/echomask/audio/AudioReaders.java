package org.echomask.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.echomask.EchomaskException;

/** Opens recordings by their content (magic bytes), never by their extension. */
public final class AudioReaders {
    /** readMono refuses files longer than this: they must be streamed. */
    public static final long MAX_MONO_FRAMES = Integer.MAX_VALUE - 16;
    /**
     * Samples (frames x channels) a block buffer holds at most: per-channel buffers scale with the
     * channel count, so a header declaring 65535 channels gets short blocks, not 4 GB of them.
     */
    static final int MAX_BLOCK_SAMPLES = 1 << 20;

    private AudioReaders() {}

    /** File name endings of the audio files looked for inside directories (case-insensitive). */
    public static final List<String> AUDIO_ENDINGS = List.of(".wav", ".wave", ".flac");

    /**
     * The audio files under {@code dir}, recursively, by name ending, sorted. Hidden files (a
     * leading '.', e.g. the {@code ._x.wav} resource forks macOS leaves on shared drives) are not
     * audio and are skipped.
     */
    public static List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(AudioReaders::isAudioName).sorted().toList();
        } catch (IOException e) {
            throw new EchomaskException(dir + ": cannot list audio files: " + e.getMessage(), e);
        }
    }

    static boolean isAudioName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && AUDIO_ENDINGS.stream().anyMatch(n::endsWith);
    }

    public static AudioSource open(Path path) {
        return open(path, ReadOptions.DEFAULT);
    }

    public static AudioSource open(Path path, ReadOptions options) {
        requireRegularFile(path);
        byte[] magic = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(magic, 0, magic.length);
        } catch (IOException e) {
            throw new AudioFileException(path, "cannot read: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new AudioFileException(path, "empty file (0 bytes)");
        }
        String head = new String(magic, 0, n, StandardCharsets.ISO_8859_1);
        if (head.startsWith("fLaC")) {
            return FlacReader.open(path, options);
        }
        if (n >= 12 && (head.startsWith("RIFF") || head.startsWith("RF64")) && head.startsWith("WAVE", 8)) {
            return WavReader.open(path, options);
        }
        if (head.startsWith("RIFX")) {
            throw new AudioFileException(path, "big-endian RIFX WAVE files are not supported");
        }
        if (head.startsWith("ID3")) {
            throw new AudioFileException(path, "starts with an ID3 tag (MP3?); only WAV and FLAC are read");
        }
        throw new AudioFileException(path, "not a WAV or FLAC file (first bytes: " + hex(Arrays.copyOf(magic, Math.min(n, 4)))
                + ")");
    }

    /**
     * Refuses what is not a regular file before anything opens it: opening a FIFO (or a device)
     * named x.wav blocks until another process writes to it, which would hang a whole batch.
     */
    static void requireRegularFile(Path path) {
        if (Files.isRegularFile(path)) {
            return;
        }
        if (!Files.exists(path)) {
            throw new AudioFileException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new AudioFileException(path, "is a directory, not an audio file");
        }
        throw new AudioFileException(path, "not a regular file (a FIFO, device or socket?): only audio files are read");
    }

    /** Frames per block buffer for {@code channels} channels: {@code wanted}, less when many channels would make it huge. */
    static int blockFrames(int channels, int wanted) {
        return Math.max(1, Math.min(wanted, MAX_BLOCK_SAMPLES / channels));
    }

    /** Reads a whole (short) recording as mono; use {@link AudioWindows} or an {@link AudioSource} for long ones. */
    public static MonoAudio readMono(Path path, ChannelMix mix) {
        return readMono(path, mix, ReadOptions.DEFAULT);
    }

    public static MonoAudio readMono(Path path, ChannelMix mix, ReadOptions options) {
        try (AudioSource src = open(path, options)) {
            AudioInfo info = src.info();
            mix.check(info);
            if (info.frames() > MAX_MONO_FRAMES) {
                throw new AudioFileException(path, info.frames() + " frames is too long to read whole; stream it");
            }
            int block = blockFrames(info.channels(), 1 << 14);
            float[][] buf = new float[info.channels()][block];
            // Sized by the bytes present, not the header: a header's count alone can ask for gigabytes.
            float[] out = new float[(int) Math.min(MAX_MONO_FRAMES, Math.max(block, src.sizeHintFrames()))];
            int len = 0;
            int n;
            while ((n = src.read(buf, 0, block)) >= 0) {
                if (len + n > out.length) {
                    if (len + (long) n > MAX_MONO_FRAMES) {
                        throw new AudioFileException(path, "more than " + MAX_MONO_FRAMES + " frames; stream it");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_MONO_FRAMES, Math.max(len + n, 2L * out.length)));
                }
                mix.mixInto(buf, 0, n, out, len);
                len += n;
            }
            return new MonoAudio(len == out.length ? out : Arrays.copyOf(out, len), info.sampleRate(), info);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x ", x & 0xff));
        }
        return s.toString().trim();
    }
}
