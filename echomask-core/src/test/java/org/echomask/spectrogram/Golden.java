package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.echomask.io.Json;
import org.echomask.io.Npy;

/** Loads the numpy/scipy reference values made by src/test/python/make_spectrogram_golden.py. */
final class Golden {
    private Golden() {}

    static Path path(String file) {
        URL url = Golden.class.getResource("/golden/spectrogram/" + file);
        if (url == null) {
            throw new IllegalStateException("missing golden file " + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode cases() {
        try {
            return Json.mapper().readTree(path("cases.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] vector(String file) {
        return Npy.read(path(file)).data();
    }

    static float[][] matrix(String file) {
        return Npy.read(path(file)).toMatrix();
    }

    static float[] signal() {
        return vector("signal.npy");
    }

    /** |a − e| ≤ rel·|e| + absFloor for every cell, with the failing cell named. */
    static void assertClose(float[][] actual, float[][] expected, double rel, double absFloor) {
        assertThat(actual.length).as("rows").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual[r].length).as("columns of row %d", r).isEqualTo(expected[r].length);
            for (int c = 0; c < expected[r].length; c++) {
                double e = expected[r][c];
                double a = actual[r][c];
                if (Math.abs(a - e) > rel * Math.abs(e) + absFloor) {
                    throw new AssertionError("cell [" + r + "][" + c + "]: " + a + " vs expected " + e
                            + " (rel " + rel + ", abs floor " + absFloor + ")");
                }
            }
        }
    }

    static void assertClose(double[] actual, float[] expected, double rel, double absFloor) {
        assertClose(new float[][] {toFloat(actual)}, new float[][] {expected}, rel, absFloor);
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static float max(float[][] m) {
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : m) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
