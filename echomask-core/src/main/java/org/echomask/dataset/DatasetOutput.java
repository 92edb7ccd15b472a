package org.echomask.dataset;

import java.nio.file.Path;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;
import org.echomask.spectrogram.SpectrogramImages;

/**
 * Writes the per-example files of a dataset being built. Its own type so that a failure to write
 * the output (a full disk, an unwritable directory) can be told apart from a bad recording: the
 * renderer turns any failure here into an {@link OutputFailure}, which stops the whole build,
 * whereas a recording that cannot be read is reported and skipped. Tests replace it to make
 * writing fail without filling a disk.
 */
interface DatasetOutput {
    /** The real files. */
    DatasetOutput FILES = new DatasetOutput() {};

    default void array(Path npy, float[][] values) {
        Npy.write(npy, values);
    }

    default void image(Path png, float[][] values) {
        SpectrogramImages.writeGray(png, values);
    }

    default void mask(Path png, boolean[][] mask) {
        BinaryMasks.write(png, mask);
    }

    /** A failure to write the dataset's own files: fatal to the build, never blamed on a recording. */
    final class OutputFailure extends org.echomask.EchomaskException {
        private static final long serialVersionUID = 1L;

        OutputFailure(Path file, RuntimeException cause) {
            super("cannot write " + file + ": " + describe(cause), cause);
        }

        private static String describe(Throwable t) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            // AtomicFiles already says "cannot write <file>: ..."; keep only the reason.
            int i = m.lastIndexOf(": ");
            return m.startsWith("cannot write ") && i >= 0 ? m.substring(i + 2) : m;
        }
    }
}
