package org.echomask.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The metadata blocks of a FLAC file, walked here before jflac sees the stream. jflac trusts the
 * lengths inside VORBIS_COMMENT and PICTURE blocks (a 2^31 length is an OutOfMemoryError) and
 * reports a damaged header as an end of file ("truncated?"). Here every block must fit in the
 * file, damage is named, and only STREAMINFO is handed on to jflac ({@link #streamInfoBytes()}):
 * the other blocks (tags, pictures, seek tables) are skipped by their declared length, unread.
 */
final class FlacMetadata {
    static final int STREAMINFO_LENGTH = 34;
    private static final String[] TYPE_NAMES = {"STREAMINFO", "PADDING", "APPLICATION", "SEEKTABLE", "VORBIS_COMMENT",
        "CUESHEET", "PICTURE"};

    private final byte[] streamInfo;
    final int sampleRate;
    final int channels;
    final int bitsPerSample;
    /** Samples per channel STREAMINFO declares; 0 when the encoder did not know. */
    final long totalSamples;
    /** Byte offset of the first audio frame. */
    final long audioStart;
    final long fileSize;

    private FlacMetadata(byte[] streamInfo, long audioStart, long fileSize) {
        this.streamInfo = streamInfo;
        this.audioStart = audioStart;
        this.fileSize = fileSize;
        long packed = ByteBuffer.wrap(streamInfo, 10, 8).getLong();
        this.sampleRate = (int) (packed >>> 44);
        this.channels = (int) ((packed >>> 41) & 0x7) + 1;
        this.bitsPerSample = (int) ((packed >>> 36) & 0x1f) + 1;
        this.totalSamples = packed & 0xFFFFFFFFFL;
    }

    /** The 34-byte STREAMINFO body as stored. */
    byte[] streamInfoBytes() {
        return streamInfo.clone();
    }

    /** Walks the metadata from byte 0; throws {@link AudioFileException} naming what is wrong and where. */
    static FlacMetadata read(Path path, FileChannel ch) throws IOException {
        long size = ch.size();
        byte[] magic = readAt(ch, 0, 4);
        if (magic.length < 4 || !"fLaC".equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new AudioFileException(path, "not a FLAC file: it does not start with 'fLaC'");
        }
        byte[] streamInfo = null;
        long pos = 4;
        boolean last = false;
        for (int index = 0; !last; index++) {
            byte[] h = readAt(ch, pos, 4);
            if (h.length < 4) {
                throw new AudioFileException(path, index == 0 ? "FLAC file ends after its 'fLaC' marker, before STREAMINFO"
                        : "FLAC metadata stops at byte " + size + " before its last block (truncated inside the metadata)");
            }
            last = (h[0] & 0x80) != 0;
            int type = h[0] & 0x7f;
            long length = (h[1] & 0xffL) << 16 | (h[2] & 0xffL) << 8 | (h[3] & 0xffL);
            long body = pos + 4;
            String where = "FLAC metadata block " + (index + 1) + " (" + typeName(type) + ") at byte " + pos;
            if (type == 127) {
                throw new AudioFileException(path, where + " has the invalid type 127 (corrupt header)");
            }
            if ((index == 0) != (type == 0)) {
                throw new AudioFileException(path, index == 0 ? where + " comes first where STREAMINFO must (corrupt header)"
                        : where + ": a second STREAMINFO (corrupt header)");
            }
            if (body + length > size) {
                throw new AudioFileException(path, where + " declares " + length + " bytes but only " + (size - body)
                        + " remain in the file (corrupt length, or a truncated file)");
            }
            if (type == 0) {
                if (length != STREAMINFO_LENGTH) {
                    throw new AudioFileException(path, where + " declares " + length + " bytes; STREAMINFO is always "
                            + STREAMINFO_LENGTH + " (corrupt header)");
                }
                streamInfo = readAt(ch, body, STREAMINFO_LENGTH);
            }
            pos = body + length;
        }
        FlacMetadata m = new FlacMetadata(streamInfo, pos, size);
        m.validate(path);
        return m;
    }

    private void validate(Path path) {
        if (sampleRate == 0) {
            throw new AudioFileException(path, "FLAC STREAMINFO declares a sample rate of 0 Hz (corrupt header)");
        }
        if (bitsPerSample < 4 || bitsPerSample > 24) {
            throw new AudioFileException(path, "FLAC with " + bitsPerSample + " bits per sample; 4 to 24 are read");
        }
        int minBlock = (streamInfo[0] & 0xff) << 8 | (streamInfo[1] & 0xff);
        int maxBlock = (streamInfo[2] & 0xff) << 8 | (streamInfo[3] & 0xff);
        if (minBlock > maxBlock) {
            throw new AudioFileException(path, "FLAC STREAMINFO declares block sizes from " + minBlock + " to " + maxBlock
                    + " samples (corrupt header)");
        }
    }

    static String typeName(int type) {
        return type < TYPE_NAMES.length ? TYPE_NAMES[type] : "type " + type;
    }

    private static byte[] readAt(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining() && ch.read(b, pos + b.position()) >= 0) {
            // a FileChannel reads what the file holds; a short read only happens at its end
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
