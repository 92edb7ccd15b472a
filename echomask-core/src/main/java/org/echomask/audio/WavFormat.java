package org.echomask.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample layout read from a WAVE {@code fmt } chunk, after the tolerated repairs: block
 * align is always derived from channels x container bytes, because writers get the stored
 * byte-rate and block-align fields wrong far more often than the channel count or bit depth.
 */
record WavFormat(int channels, int sampleRate, int validBits, int containerBytes, AudioInfo.SampleEncoding encoding,
        int declaredByteRate, int declaredBlockAlign) {

    static final int TAG_PCM = 1;
    static final int TAG_FLOAT = 3;
    static final int TAG_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID (the first two bytes hold the format tag). */
    private static final byte[] GUID_SUFFIX = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    int blockAlign() {
        return channels * containerBytes;
    }

    /** Parses a fmt chunk body; {@code repairs} collects the header faults that were tolerated. */
    static WavFormat parse(Path path, byte[] body, List<String> repairs) {
        if (body.length < 16) {
            throw new AudioFileException(path, "fmt chunk is " + body.length + " bytes, needs at least 16");
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort(0) & 0xffff;
        int channels = b.getShort(2) & 0xffff;
        long rate = b.getInt(4) & 0xffffffffL;
        int byteRate = b.getInt(8);
        int blockAlign = b.getShort(12) & 0xffff;
        int bits = b.getShort(14) & 0xffff;
        int validBits = bits;
        if (tag == TAG_EXTENSIBLE) {
            if (body.length < 40) {
                throw new AudioFileException(path, "WAVE_FORMAT_EXTENSIBLE fmt chunk is " + body.length
                        + " bytes, needs 40");
            }
            int declaredValid = b.getShort(18) & 0xffff;
            for (int i = 0; i < GUID_SUFFIX.length; i++) {
                if (body[26 + i] != GUID_SUFFIX[i]) {
                    throw new AudioFileException(path, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
                }
            }
            tag = b.getShort(24) & 0xffff;
            if (declaredValid > 0 && declaredValid < bits) {
                validBits = declaredValid;
            }
        }
        if (channels == 0) {
            throw new AudioFileException(path, "header declares 0 channels");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) {
            throw new AudioFileException(path, "header declares sample rate " + rate);
        }
        if (tag != TAG_PCM && tag != TAG_FLOAT) {
            throw new AudioFileException(path, "unsupported WAVE format tag " + tag + " (" + tagName(tag)
                    + "); only PCM (1) and IEEE float (3) are read");
        }
        if (bits == 0 || bits > 64) {
            throw new AudioFileException(path, "header declares " + bits + " bits per sample");
        }
        int container = (bits + 7) / 8;
        AudioInfo.SampleEncoding enc;
        if (tag == TAG_FLOAT) {
            if (bits != 32 && bits != 64) {
                throw new AudioFileException(path, "IEEE float with " + bits + " bits per sample; only 32 and 64");
            }
            enc = AudioInfo.SampleEncoding.FLOAT;
        } else {
            if (container > 4) {
                throw new AudioFileException(path, "PCM with " + bits + " bits per sample; at most 32");
            }
            enc = container == 1 ? AudioInfo.SampleEncoding.PCM_UNSIGNED : AudioInfo.SampleEncoding.PCM_SIGNED;
        }
        int derivedAlign = channels * container;
        if (bits % 8 != 0) {
            // An odd depth is only unambiguous when the block align confirms byte containers
            // (12 valid bits left-justified in 16); packed layouts are refused, never guessed.
            if (blockAlign != derivedAlign) {
                throw new AudioFileException(path, bits + " bits per sample with block align " + blockAlign
                        + ": packed " + bits + "-bit samples are not supported (expected block align "
                        + derivedAlign + " for " + container + "-byte containers)");
            }
            validBits = Math.min(validBits, bits);
            repairs.add(bits + "-bit samples read from " + (container * 8) + "-bit containers");
            bits = container * 8;
        }
        if (blockAlign != derivedAlign) {
            repairs.add("block align " + blockAlign + " ignored; using " + derivedAlign + " (channels x bytes)");
        }
        long expectedRate = rate * derivedAlign;
        if ((byteRate & 0xffffffffL) != expectedRate) {
            repairs.add("byte rate " + (byteRate & 0xffffffffL) + " ignored; expected " + expectedRate);
        }
        return new WavFormat(channels, (int) rate, validBits, container, enc, byteRate, blockAlign);
    }

    static String tagName(int tag) {
        return switch (tag) {
            case 2 -> "Microsoft ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x31 -> "GSM 6.10";
            case 0x50 -> "MPEG";
            case 0x55 -> "MPEG layer 3";
            case TAG_EXTENSIBLE -> "extensible";
            default -> "unknown";
        };
    }
}
