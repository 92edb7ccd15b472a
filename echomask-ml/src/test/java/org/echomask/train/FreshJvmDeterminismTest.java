package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Same seed, same bits, from fresh JVMs: ten JVMs train the same tiny network on the same data and
 * must write byte-identical weights. Width 0.125 has 8-filter layers, which before
 * {@link org.echomask.nn.BlockedConv2d} got uninitialised gradients from oneDNN (NaN in about a
 * third of the JVMs, a different hash in most of the rest); 0.375 has 24-filter layers (a partial
 * block of 8); 0.25 only whole blocks.
 */
class FreshJvmDeterminismTest {
    static final int JVMS = 10;

    @TempDir
    static Path root;
    static Path dataset;

    @BeforeAll
    static void makeData() {
        dataset = SyntheticDatasets.origin(root, 8, 0.5, 2);
    }

    @ParameterizedTest(name = "{0} at width {1}")
    @CsvSource({"classifier,0.125", "classifier,0.25", "classifier,0.375", "segmenter,0.125"})
    void tenFreshJvmsWriteIdenticalWeights(String kind, double width) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < JVMS; i++) {
                Path out = root.resolve(kind + "-" + width + "-" + i);
                runs.add(pool.submit(() -> train(kind, width, out)));
            }
            List<String> hashes = new ArrayList<>();
            for (Future<String> run : runs) {
                hashes.add(run.get(5, TimeUnit.MINUTES));
            }
            assertThat(hashes).as("weights of %d fresh JVMs", JVMS).hasSize(JVMS).allMatch(h -> h.equals(hashes.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@link FreshJvmTraining} in a new JVM; its weights' hash, or a failure with its output. */
    private static String train(String kind, double width, Path out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx1g", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), FreshJvmTraining.class.getName(),
                dataset.toString(), kind, Double.toString(width), "2", out.toString()).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("child JVM output:%n%s", output).isZero();
        String line = output.lines().filter(l -> l.startsWith("weights ")).findFirst().orElseThrow(
                () -> new AssertionError("no weights line in the child's output:\n" + output));
        return line.substring("weights ".length());
    }
}
