package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.io.Npy;

/** Reads the scipy reference arrays made by src/test/python/make_mask_goldens.py. */
final class Golden {
    private Golden() {}

    static float[][] image(String name) {
        String resource = "golden/masks/" + name + ".npy";
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Path tmp = Files.createTempFile("golden", ".npy");
            try {
                Files.write(tmp, in.readAllBytes());
                return Npy.read(tmp).toMatrix();
            } finally {
                Files.delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean[][] mask(String name) {
        float[][] a = image(name);
        boolean[][] m = new boolean[a.length][];
        for (int f = 0; f < a.length; f++) {
            m[f] = new boolean[a[f].length];
            for (int t = 0; t < a[f].length; t++) {
                m[f][t] = a[f][t] != 0;
            }
        }
        return m;
    }

    static void assertClose(float[][] actual, float[][] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int f = 0; f < expected.length; f++) {
            for (int t = 0; t < expected[f].length; t++) {
                double e = expected[f][t];
                assertThat((double) actual[f][t]).as("[%d][%d]", f, t)
                        .isCloseTo(e, org.assertj.core.data.Offset.offset(tol * Math.max(1, Math.abs(e))));
            }
        }
    }

    static float[][] toFloat(double[][] d) {
        return Filters.toFloat(d);
    }

    static void assertSameMask(boolean[][] actual, boolean[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int f = 0; f < expected.length; f++) {
            assertThat(actual[f]).as("row %d", f).containsExactly(expected[f]);
        }
    }

    static boolean[][] parse(String... rows) {
        boolean[][] m = new boolean[rows.length][];
        // Written top row first, like the picture; row 0 of the mask is the last string.
        for (int i = 0; i < rows.length; i++) {
            String r = rows[rows.length - 1 - i];
            m[i] = new boolean[r.length()];
            for (int t = 0; t < r.length(); t++) {
                m[i][t] = r.charAt(t) == '#';
            }
        }
        return m;
    }
}
