package org.echomask.audio;

/**
 * How strictly readers treat damaged recordings.
 *
 * @param allowTruncated accept a file whose audio data ends before its header says it should
 *     (field recorders that lost power produce these): the reader then reports and delivers the
 *     frames really present. When false, reaching the early end raises {@link AudioFileException}
 *     ("truncated: N frames declared, M present"). Nothing is ever padded.
 */
public record ReadOptions(boolean allowTruncated) {
    /** Strict: truncated files are errors. */
    public static final ReadOptions DEFAULT = new ReadOptions(false);

    /** Accepts truncated files, delivering the frames present. */
    public static ReadOptions lenient() {
        return new ReadOptions(true);
    }
}
