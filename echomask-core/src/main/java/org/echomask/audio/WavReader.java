package org.echomask.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a RIFF/WAVE or RF64 file: 8-bit unsigned, 16/24/32-bit signed PCM, 32/64-bit float,
 * WAVE_FORMAT_EXTENSIBLE, any channel count, any chunks around {@code data}.
 *
 * <p>Tolerated header faults (listed by {@link #repairs()}): wrong byte-rate or block-align
 * (derived from channels x bits), a data size of 0 or 0xFFFFFFFF (streaming writers: the rest of
 * the file is audio), a trailing partial frame, and data sizes computed for packed odd-depth
 * samples although the samples sit in byte containers. A data chunk that declares more bytes than
 * the file holds is truncation: reading past the bytes present raises {@link AudioFileException}
 * unless {@link ReadOptions#allowTruncated()}, in which case {@link #info()} reports the frames present.
 */
public final class WavReader implements AudioSource {
    private static final int BLOCK_BYTES = 1 << 16;

    private final Path path;
    private final FileChannel channel;
    private final WavFormat format;
    private final AudioInfo info;
    private final long dataStart;
    private final long framesPresent;
    private final long framesDeclared;
    private final boolean strictTruncation;
    private final List<String> repairs;
    private final ByteBuffer buffer;
    private long framesRead;

    private WavReader(Path path, FileChannel channel, WavHeader h, ReadOptions options) {
        this.path = path;
        this.channel = channel;
        this.format = h.format;
        this.dataStart = h.dataStart;
        this.framesDeclared = h.framesDeclared;
        this.framesPresent = h.framesPresent;
        this.repairs = List.copyOf(h.repairs);
        this.strictTruncation = !options.allowTruncated();
        long frames = strictTruncation ? framesDeclared : framesPresent;
        this.info = new AudioInfo(path, format.sampleRate(), format.channels(), frames, format.containerBytes() * 8,
                format.encoding());
        int block = Math.max(format.blockAlign(), BLOCK_BYTES / format.blockAlign() * format.blockAlign());
        this.buffer = ByteBuffer.allocate(block).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static WavReader open(Path path) {
        return open(path, ReadOptions.DEFAULT);
    }

    public static WavReader open(Path path, ReadOptions options) {
        AudioReaders.requireRegularFile(path);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            WavHeader h = WavHeader.read(path, ch);
            return new WavReader(path, ch, h, options);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new AudioFileException(path, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    /** Header faults that were tolerated while opening, in words (empty for a clean file). */
    public List<String> repairs() {
        return repairs;
    }

    /** Frames whose bytes are really in the file (less than declared when truncated). */
    public long framesPresent() {
        return framesPresent;
    }

    /** Frames whose bytes are in the file: a data size beyond the file's end sizes nothing. */
    @Override
    public long sizeHintFrames() {
        return framesPresent;
    }

    @Override
    public int read(float[][] dest, int offset, int maxFrames) {
        if (dest.length < format.channels()) {
            throw new IllegalArgumentException("dest has " + dest.length + " channels, file has " + format.channels());
        }
        if (framesRead >= framesPresent) {
            if (strictTruncation && framesPresent < framesDeclared) {
                throw new AudioFileException(path, "truncated: " + framesDeclared + " frames declared, "
                        + framesPresent + " present");
            }
            return -1;
        }
        int align = format.blockAlign();
        int frames = (int) Math.min(Math.min(maxFrames, framesPresent - framesRead), buffer.capacity() / align);
        if (frames <= 0) {
            return maxFrames == 0 ? 0 : -1;
        }
        buffer.clear().limit(frames * align);
        long pos = dataStart + framesRead * align;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, pos + buffer.position());
                if (n < 0) {
                    // The file shrank under us (or the length lied): that is truncation too.
                    throw new AudioFileException(path, "truncated: " + framesDeclared + " frames declared, "
                            + (framesRead + buffer.position() / align) + " present");
                }
            }
        } catch (IOException e) {
            throw new AudioFileException(path, "read failed at byte " + pos + ": " + e.getMessage(), e);
        }
        SampleDecoder.decode(buffer.array(), frames, format, dest, offset);
        if (format.encoding() == AudioInfo.SampleEncoding.FLOAT) {
            refuseImpossibleSamples(dest, offset, frames);
        }
        framesRead += frames;
        return frames;
    }

    /** Non-finite or absurd float samples make every spectrogram of the file NaN: refuse them, saying where. */
    private void refuseImpossibleSamples(float[][] dest, int offset, int frames) {
        for (int c = 0; c < format.channels(); c++) {
            int at = SampleDecoder.firstImpossible(dest[c], offset, frames);
            if (at >= 0) {
                long frame = framesRead + at - offset;
                throw new AudioFileException(path, String.format(java.util.Locale.ROOT,
                        "float sample %s at %.6f s (frame %d, channel %d) is not audio (NaN, infinite or beyond ±%.0e)",
                        dest[c][at], frame / (double) format.sampleRate(), frame, c + 1, SampleDecoder.MAX_FLOAT_SAMPLE));
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a read-only channel loses nothing
            }
        }
    }

    /** What the chunk walk found. */
    private static final class WavHeader {
        WavFormat format;
        long dataStart = -1;
        long framesDeclared;
        long framesPresent;
        final List<String> repairs = new ArrayList<>();

        static WavHeader read(Path path, FileChannel ch) throws IOException {
            long fileLength = ch.size();
            ByteBuffer head = readAt(ch, 0, 12);
            if (head.remaining() < 12) {
                throw new AudioFileException(path, "too short for a WAV header (" + fileLength + " bytes)");
            }
            String riff = fourcc(head, 0);
            if (!"WAVE".equals(fourcc(head, 8)) || !("RIFF".equals(riff) || "RF64".equals(riff))) {
                throw new AudioFileException(path, "not a RIFF/WAVE file (starts with '" + riff + "')");
            }
            boolean rf64 = "RF64".equals(riff);
            long ds64DataSize = -1;
            WavHeader h = new WavHeader();
            long dataSize = -1;
            long pos = 12;
            while (pos + 8 <= fileLength) {
                ByteBuffer c = readAt(ch, pos, 8);
                String id = fourcc(c, 0);
                long size = c.getInt(4) & 0xffffffffL;
                long body = pos + 8;
                if (!"data".equals(id) && body + size > fileLength && h.dataStart < 0) {
                    throw new AudioFileException(path, "chunk '" + id.replaceAll("[^\\x20-\\x7e]", "?") + "' at byte "
                            + pos + " declares " + size + " bytes but only " + (fileLength - body)
                            + " remain, before any data chunk");
                }
                if ("ds64".equals(id) && rf64) {
                    if (size < 16) {
                        throw new AudioFileException(path, "RF64 ds64 chunk of " + size + " bytes is too short: it must"
                                + " hold at least the 8-byte RIFF and data sizes (16 bytes)");
                    }
                    if (body + 16 > fileLength) {
                        throw new AudioFileException(path, "RF64 ds64 chunk at byte " + pos + " is cut off: "
                                + Math.max(0, fileLength - body) + " of its 16 size bytes are in the file");
                    }
                    ByteBuffer d = readAt(ch, body, (int) Math.min(size, 28));
                    ds64DataSize = d.getLong(8);
                } else if ("fmt ".equals(id)) {
                    if (size > 1 << 16 || body + size > fileLength) {
                        throw new AudioFileException(path, "fmt chunk declares " + size + " bytes, file has "
                                + (fileLength - body) + " left");
                    }
                    ByteBuffer f = readAt(ch, body, (int) size);
                    byte[] bytes = new byte[f.remaining()];
                    f.get(bytes);
                    h.format = WavFormat.parse(path, bytes, h.repairs);
                } else if ("data".equals(id)) {
                    h.dataStart = body;
                    dataSize = size;
                    if (rf64 && size == 0xffffffffL && ds64DataSize >= 0) {
                        dataSize = ds64DataSize;
                    } else if (size == 0 || size == 0xffffffffL) {
                        dataSize = fileLength - body;
                        h.repairs.add("data size " + size + " (streaming writer): using the rest of the file, "
                                + dataSize + " bytes");
                    }
                    if (h.format != null) {
                        break;
                    }
                    // fmt after data is legal but rare: keep walking, the data position is known.
                    size = Math.min(dataSize, fileLength - body);
                }
                pos = body + size + (size & 1);
            }
            if (h.format == null) {
                throw new AudioFileException(path, "no fmt chunk");
            }
            if (h.dataStart < 0) {
                throw new AudioFileException(path, "no data chunk");
            }
            h.sizeFrames(path, dataSize, fileLength - h.dataStart);
            return h;
        }

        private void sizeFrames(Path path, long dataSize, long available) {
            int align = format.blockAlign();
            int bits = format.validBits();
            long packedRate = (long) format.sampleRate() * format.channels() * bits / 8;
            if (bits % 8 != 0 && dataSize < available && (format.declaredByteRate() & 0xffffffffL) == packedRate
                    && available / align * align * bits == dataSize * format.containerBytes() * 8L) {
                // The writer sized the chunk as if samples were packed (bits/8 bytes each) while it
                // stored them in byte containers: the audio runs to the end of the file.
                repairs.add("data size " + dataSize + " computed for packed " + bits + "-bit samples; the "
                        + (format.containerBytes() * 8) + "-bit samples fill the remaining " + available + " bytes");
                dataSize = available;
            }
            framesDeclared = dataSize / align;
            framesPresent = Math.min(dataSize, available) / align;
            if (dataSize % align != 0) {
                repairs.add("data size " + dataSize + " is not a whole number of " + align
                        + "-byte frames; partial frame ignored");
            }
        }

        private static ByteBuffer readAt(FileChannel ch, long pos, int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b, pos + b.position()) < 0) {
                    break;
                }
            }
            return b.flip();
        }

        private static String fourcc(ByteBuffer b, int at) {
            byte[] id = new byte[4];
            for (int i = 0; i < 4; i++) {
                id[i] = at + i < b.limit() ? b.get(at + i) : 0;
            }
            return new String(id, StandardCharsets.ISO_8859_1);
        }
    }
}
