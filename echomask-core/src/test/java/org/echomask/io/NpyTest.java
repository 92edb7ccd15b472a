package org.echomask.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void roundTripsMatricesAndVectors(@TempDir Path dir) {
        float[][] m = {{1, 2, 3}, {4, 5, -6.5f}};
        Npy.write(dir.resolve("m.npy"), m);
        Npy.Array a = Npy.read(dir.resolve("m.npy"));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.toMatrix()).isDeepEqualTo(m);
        Npy.write(dir.resolve("v.npy"), new int[] {4}, new float[] {1, 2, 3, 4});
        assertThat(Npy.read(dir.resolve("v.npy")).shape()).containsExactly(4);
    }

    @Test
    void headerIsWhatNumpyWrites(@TempDir Path dir) throws Exception {
        Npy.write(dir.resolve("m.npy"), new float[][] {{1, 2}, {3, 4}, {5, 6}});
        byte[] bytes = Files.readAllBytes(dir.resolve("m.npy"));
        String header = new String(bytes, 10, (bytes[8] & 0xff) | (bytes[9] << 8), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }").endsWith("\n");
        assertThat((10 + header.length()) % 64).isZero();
        assertThat(bytes).hasSize(10 + header.length() + 6 * 4);
    }

    @Test
    void refusesWhatItCannotRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.npy"), "not numpy");
        assertThatThrownBy(() -> Npy.read(dir.resolve("x.npy"))).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("x.npy");
    }
}
