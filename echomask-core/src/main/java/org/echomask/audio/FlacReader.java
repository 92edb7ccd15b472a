package org.echomask.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;

/**
 * Streams a FLAC file frame by frame with jflac's {@link FLACDecoder} (its javax.sound plug-in is
 * limited to two channels; the decoder itself is not). Any channel count, 4 to 24 bits.
 *
 * <p>jflac is guarded, not trusted: the metadata is walked by {@link FlacMetadata} and jflac sees
 * only STREAMINFO, with its total cleared, so it never stops looking for frames on its own (a
 * total below the real count made it spin forever). This reader judges where the audio ends:
 * a stream that ends before the declared total is truncated; a valid frame beyond it means the
 * header is wrong and the file is refused; other bytes after the declared end (an ID3v1 tag) are
 * ignored, as libFLAC does. A corrupt frame (checksum mismatch, bad header, undecodable subframe,
 * bytes that are not frames) is never delivered: jflac would turn it into silence or drop it, so
 * the file is refused naming the time of the first one and how many the file holds. Where jflac
 * would retry a bad header forever without reading (at the end of a damaged stream), the error
 * listener ends the call. Without a declared total, a stream that stops inside a frame is still
 * truncation.
 */
public final class FlacReader implements AudioSource {
    /** Frames made room for per byte of file by {@link #sizeHintFrames()} (FLAC rarely packs more). */
    private static final int HINT_FRAMES_PER_BYTE = 4;

    private final Path path;
    private final FileChannel channel;
    private final FLACDecoder decoder;
    private final FrameErrors errors;
    private final AudioInfo info;
    private final FlacMetadata meta;
    private final long framesDeclared;
    private final boolean strictTruncation;
    private final float scale;
    private final int[][] frame;
    private int frameLength;
    private int framePos;
    private long framesRead;
    /** jflac's count of bytes consumed when the last whole frame was decoded. */
    private long bytesAtFrameEnd;
    private boolean ended;

    private FlacReader(Path path, FileChannel channel, FLACDecoder decoder, FlacMetadata meta, ReadOptions options) {
        this.path = path;
        this.channel = channel;
        this.decoder = decoder;
        this.meta = meta;
        this.framesDeclared = meta.totalSamples > 0 ? meta.totalSamples : -1;
        this.strictTruncation = !options.allowTruncated();
        this.scale = 1f / (1L << (meta.bitsPerSample - 1));
        this.info = new AudioInfo(path, meta.sampleRate, meta.channels, framesDeclared, meta.bitsPerSample,
                AudioInfo.SampleEncoding.PCM_SIGNED);
        this.frame = new int[meta.channels][];
        this.errors = new FrameErrors(decoder::getTotalBytesRead);
        this.bytesAtFrameEnd = decoder.getTotalBytesRead();
        decoder.addFrameListener(errors);
    }

    public static FlacReader open(Path path) {
        return open(path, ReadOptions.DEFAULT);
    }

    /**
     * Opens a FLAC file. With {@link ReadOptions#allowTruncated()} the declared frame count is still
     * reported by {@link #info()} (FLAC cannot know what is present without decoding it all), but
     * an early end is accepted instead of raising.
     */
    public static FlacReader open(Path path, ReadOptions options) {
        AudioReaders.requireRegularFile(path);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            FlacMetadata meta = FlacMetadata.read(path, ch);
            FLACDecoder decoder = new FLACDecoder(jflacStream(meta, ch));
            decoder.readMetadata();
            // Cleared so that jflac keeps looking for frames past the declared total (see the class comment).
            decoder.getStreamInfo().setTotalSamples(0);
            return new FlacReader(path, ch, decoder, meta, options);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            if (e instanceof AudioFileException a) {
                throw a;
            }
            throw new AudioFileException(path, "not a readable FLAC stream: " + e, e);
        }
    }

    /** "fLaC", STREAMINFO as the only (last) metadata block, then the file from its first frame. */
    private static InputStream jflacStream(FlacMetadata meta, FileChannel ch) throws IOException {
        byte[] head = new byte[8 + FlacMetadata.STREAMINFO_LENGTH];
        System.arraycopy("fLaC".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, head, 0, 4);
        head[4] = (byte) 0x80; // last block, type 0
        head[7] = FlacMetadata.STREAMINFO_LENGTH;
        System.arraycopy(meta.streamInfoBytes(), 0, head, 8, FlacMetadata.STREAMINFO_LENGTH);
        ch.position(meta.audioStart);
        return new BufferedInputStream(new SequenceInputStream(new ByteArrayInputStream(head), Channels.newInputStream(ch)),
                1 << 16);
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    /** The declared total, but never more than the file's size makes plausible (a lying header must not size arrays). */
    @Override
    public long sizeHintFrames() {
        long plausible = (1 << 16) + HINT_FRAMES_PER_BYTE * meta.fileSize;
        return framesDeclared < 0 ? plausible : Math.min(framesDeclared, plausible);
    }

    @Override
    public int read(float[][] dest, int offset, int maxFrames) {
        int nch = info.channels();
        if (dest.length < nch) {
            throw new IllegalArgumentException("dest has " + dest.length + " channels, file has " + nch);
        }
        if (framePos >= frameLength && !nextFrame()) {
            return -1;
        }
        int n = Math.min(maxFrames, frameLength - framePos);
        for (int c = 0; c < nch; c++) {
            int[] src = frame[c];
            float[] out = dest[c];
            for (int i = 0; i < n; i++) {
                out[offset + i] = src[framePos + i] * scale;
            }
        }
        framePos += n;
        framesRead += n;
        return n;
    }

    private boolean nextFrame() {
        if (ended) {
            return false;
        }
        Decoded d = decodeNext();
        if (framesDeclared >= 0 && framesRead >= framesDeclared) {
            ended = true;
            if (d.frame != null && !d.corrupt()) {
                throw new AudioFileException(path, "FLAC STREAMINFO declares " + framesDeclared
                        + " samples but the stream holds more (a valid frame follows at " + time(framesRead)
                        + "): corrupt header");
            }
            return false; // bytes after the declared end that are not audio (a tag): ignored like libFLAC
        }
        if (d.corrupt() && !(d.frame == null && d.onlyLostSync)) {
            throw corruption(d);
        }
        if (d.frame == null) {
            ended = true;
            if (strictTruncation && framesDeclared >= 0 && framesRead < framesDeclared) {
                throw new AudioFileException(path, "truncated: " + framesDeclared + " frames declared, "
                        + framesRead + " present");
            }
            // Without a declared total, a stream cut inside a frame is told by the bytes that began it.
            if (strictTruncation && framesDeclared < 0 && !d.corrupt() && decoder.getTotalBytesRead() != bytesAtFrameEnd) {
                throw new AudioFileException(path, "truncated: the stream ends inside the frame at " + time(framesRead)
                        + " (STREAMINFO declares no total)");
            }
            return false;
        }
        checkAgainstStreamInfo(d.frame);
        // readNextFrame leaves the decoded (and decorrelated) samples in the channel buffers.
        ChannelData[] data = decoder.getChannelData();
        for (int c = 0; c < frame.length; c++) {
            frame[c] = data[c].getOutput();
        }
        frameLength = d.frame.header.blockSize;
        framePos = 0;
        bytesAtFrameEnd = decoder.getTotalBytesRead();
        return true;
    }

    /** A frame whose layout differs from STREAMINFO would be scaled or mixed wrongly: one of the two is damaged. */
    private void checkAgainstStreamInfo(Frame f) {
        String what = null;
        if (f.header.channels != meta.channels) {
            what = f.header.channels + " channels, STREAMINFO " + meta.channels;
        } else if (f.header.bitsPerSample != meta.bitsPerSample) {
            what = f.header.bitsPerSample + " bits per sample, STREAMINFO " + meta.bitsPerSample;
        } else if (f.header.sampleRate != meta.sampleRate) {
            what = f.header.sampleRate + " Hz, STREAMINFO " + meta.sampleRate + " Hz";
        }
        if (what != null) {
            throw new AudioFileException(path, "FLAC frame at " + time(framesRead) + " has " + what);
        }
        if (framesDeclared >= 0 && framesRead + f.header.blockSize > framesDeclared) {
            throw new AudioFileException(path, "FLAC STREAMINFO declares " + framesDeclared + " samples but the frame at "
                    + time(framesRead) + " runs to sample " + (framesRead + f.header.blockSize) + ": corrupt header");
        }
    }

    /**
     * The exception for the first corrupt frame, after decoding the rest of the stream to count
     * the others (a count tells a damaged stretch from a ruined file).
     */
    private AudioFileException corruption(Decoded first) {
        ended = true;
        int count = first.corruptFrames;
        long decoded = framesRead + (first.frame == null ? 0 : first.frame.header.blockSize);
        while (framesDeclared < 0 || decoded < framesDeclared) {
            long bytesBefore = decoder.getTotalBytesRead();
            Decoded d = decodeNext();
            if (d.frame != null) {
                decoded += d.frame.header.blockSize;
            }
            if (d.corrupt() && !(d.frame == null && d.onlyLostSync)) {
                count += d.corruptFrames;
            }
            // The end, or (never seen, but it must not hang a batch) a decoder that stopped consuming bytes.
            if (d.frame == null && (!d.threw || decoder.getTotalBytesRead() == bytesBefore)) {
                break;
            }
        }
        return new AudioFileException(path, "corrupt FLAC frame at " + time(framesRead) + ": " + first.problem + "; "
                + count + " corrupt frame" + (count == 1 ? "" : "s") + " in the file", first.cause);
    }

    private String time(long sample) {
        return String.format(Locale.ROOT, "%.3f s (sample %d)", sample / (double) meta.sampleRate, sample);
    }

    /** One call of jflac's readNextFrame: the frame (null at the end) and the damage it reported. */
    private Decoded decodeNext() {
        errors.reset();
        int badBefore = decoder.getBadFrames();
        Frame f;
        Exception cause = null;
        try {
            f = decoder.readNextFrame();
        } catch (EOFException e) {
            f = null; // the stream stops inside a frame: a truncated file, judged by the caller
        } catch (FrameErrors.Stalled e) {
            f = null; // jflac reports the same error again and again without reading: the end of the stream
        } catch (IOException | RuntimeException e) {
            f = null;
            cause = e;
        }
        int bad = decoder.getBadFrames() - badBefore - errors.repeats + errors.crcErrors + (cause == null ? 0 : 1);
        String problem = errors.first != null ? errors.first
                : cause != null ? "undecodable frame (" + cause + ")" : "undecodable frame";
        return new Decoded(f, problem, Math.max(errors.count > 0 || cause != null ? 1 : 0, bad),
                errors.count > 0 && errors.count == errors.lostSync && cause == null, cause != null, cause);
    }

    private record Decoded(Frame frame, String problem, int corruptFrames, boolean onlyLostSync, boolean threw,
            Exception cause) {
        boolean corrupt() {
            return corruptFrames > 0;
        }
    }

    /**
     * Collects what jflac reports through its listener instead of throwing (it zero-fills or skips
     * those frames), and is the watchdog of its frame loop: at the end of a stream after damage,
     * jflac's readNextFrame retries a bad header forever without consuming a byte, reporting it
     * each time; a run of such reports ends the call.
     */
    private static final class FrameErrors implements org.jflac.FrameListener {
        private static final int MAX_REPEATS = 16;
        private final LongSupplier bytesConsumed;
        private long lastAt = -1;
        int count;
        int crcErrors;
        int lostSync;
        /** Reports that came without a byte consumed since the previous one: one damage, not several. */
        int repeats;
        String first;

        FrameErrors(LongSupplier bytesConsumed) {
            this.bytesConsumed = bytesConsumed;
        }

        void reset() {
            count = 0;
            crcErrors = 0;
            lostSync = 0;
            repeats = 0;
            first = null;
            // lastAt is kept: a call that begins where a stalled one ended repeats the same damage
        }

        @Override
        public void processError(String msg) {
            if (msg.contains("EOFException")) {
                return; // the stream ends inside a subframe: truncation, not damage
            }
            long at = bytesConsumed.getAsLong();
            if (at == lastAt) {
                if (++repeats >= MAX_REPEATS) {
                    throw new Stalled();
                }
                return;
            }
            lastAt = at;
            count++;
            String problem;
            if (msg.startsWith("CRC Error")) {
                crcErrors++;
                problem = "frame checksum (CRC-16) mismatch";
            } else if (msg.startsWith("FindSync LOST_SYNC")) {
                lostSync++;
                problem = "bytes that are not FLAC frames (lost sync)";
            } else if (msg.contains("STREAM_DECODER_ERROR_STATUS_BAD_HEADER")) {
                problem = "frame header checksum (CRC-8) mismatch";
            } else if (msg.startsWith("Found bad header")) {
                problem = "bad frame header (" + msg.replaceFirst("^Found bad header:\\s*(org\\.jflac\\.frame\\.BadHeaderException:\\s*)?", "")
                        + ")";
            } else if (msg.startsWith("ReadSubframe LOST_SYNC")) {
                problem = "bad subframe header";
            } else if (msg.startsWith("ZeroPaddingError")) {
                problem = "non-zero padding bits after the subframes";
            } else {
                problem = "undecodable frame (" + msg.replaceFirst("^ReadSubframe:\\s*(java\\.io\\.IOException:\\s*)?", "") + ")";
            }
            if (first == null) {
                first = problem;
            }
        }

        /** Thrown through jflac's frame loop to leave it; carries nothing. */
        static final class Stalled extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stalled() {
                super(null, null, false, false);
            }
        }

        @Override
        public void processMetadata(org.jflac.metadata.Metadata metadata) {
            // STREAMINFO only: FlacMetadata has read it
        }

        @Override
        public void processFrame(Frame frame) {
            // frames are taken from readNextFrame's result
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
                // nothing to lose on a read-only channel
            }
        }
    }
}
