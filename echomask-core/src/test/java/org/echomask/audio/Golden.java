package org.echomask.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.io.Npy;

/** Reads golden vectors made by src/test/python/audio_dsp_golden.py from the classpath. */
final class Golden {
    private Golden() {}

    static float[] npy(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            Path tmp = Files.createTempFile("golden", ".npy");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Npy.read(tmp).data();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
