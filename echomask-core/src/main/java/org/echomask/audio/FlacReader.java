package org.echomask.audio;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * Streams a FLAC file frame by frame with jflac's {@link FLACDecoder} (its javax.sound plug-in is
 * limited to two channels; the decoder itself is not). Any channel count, 8 to 24 bits.
 */
public final class FlacReader implements AudioSource {
    private final Path path;
    private final InputStream in;
    private final FLACDecoder decoder;
    private final AudioInfo info;
    private final long framesDeclared;
    private final boolean strictTruncation;
    private final float scale;
    private int[][] frame;
    private int frameLength;
    private int framePos;
    private long framesRead;
    private boolean ended;

    private FlacReader(Path path, InputStream in, FLACDecoder decoder, StreamInfo si, ReadOptions options) {
        this.path = path;
        this.in = in;
        this.decoder = decoder;
        this.framesDeclared = si.getTotalSamples() > 0 ? si.getTotalSamples() : -1;
        this.strictTruncation = !options.allowTruncated();
        this.scale = 1f / (1L << (si.getBitsPerSample() - 1));
        this.info = new AudioInfo(path, si.getSampleRate(), si.getChannels(), framesDeclared, si.getBitsPerSample(),
                AudioInfo.SampleEncoding.PCM_SIGNED);
        this.frame = new int[si.getChannels()][];
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
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            FLACDecoder decoder = new FLACDecoder(in);
            decoder.readMetadata();
            StreamInfo si = decoder.getStreamInfo();
            if (si == null) {
                throw new AudioFileException(path, "FLAC stream has no STREAMINFO block");
            }
            if (si.getSampleRate() <= 0 || si.getChannels() <= 0) {
                throw new AudioFileException(path, "FLAC STREAMINFO declares " + si.getSampleRate() + " Hz, "
                        + si.getChannels() + " channels");
            }
            if (si.getBitsPerSample() < 4 || si.getBitsPerSample() > 24) {
                throw new AudioFileException(path, "FLAC with " + si.getBitsPerSample() + " bits per sample; 4 to 24");
            }
            return new FlacReader(path, in, decoder, si, options);
        } catch (EOFException e) {
            closeQuietly(in);
            throw new AudioFileException(path, "FLAC stream ends inside its metadata (truncated?)", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            if (e instanceof AudioFileException a) {
                throw a;
            }
            throw new AudioFileException(path, "not a readable FLAC stream: " + e, e);
        }
    }

    @Override
    public AudioInfo info() {
        return info;
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
        Frame f;
        try {
            f = decoder.readNextFrame();
        } catch (EOFException e) {
            f = null; // the stream stops inside a frame: a truncated file, judged below
        } catch (IOException | RuntimeException e) {
            throw new AudioFileException(path, "FLAC frame at sample " + framesRead + " is corrupt: " + e, e);
        }
        if (f == null) {
            ended = true;
            if (framesDeclared >= 0 && framesRead < framesDeclared && strictTruncation) {
                throw new AudioFileException(path, "truncated: " + framesDeclared + " frames declared, "
                        + framesRead + " present");
            }
            return false;
        }
        if (f.header.channels != info.channels()) {
            throw new AudioFileException(path, "FLAC frame at sample " + framesRead + " has " + f.header.channels
                    + " channels, stream declares " + info.channels());
        }
        // readNextFrame leaves the decoded (and decorrelated) samples in the channel buffers.
        ChannelData[] data = decoder.getChannelData();
        for (int c = 0; c < frame.length; c++) {
            frame[c] = data[c].getOutput();
        }
        frameLength = f.header.blockSize;
        framePos = 0;
        return true;
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to lose on a read-only stream
            }
        }
    }
}
