package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path runDir;

    private static Checkpoint checkpoint(int epochs) {
        List<EpochRecord> history = new java.util.ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochRecord(e, 0.5 / e, 0.6 / e, Double.NaN, 1e-3, 1.5, 100, 20, Double.NaN));
        }
        TrainConfig config = TrainConfig.defaults();
        return new Checkpoint(Checkpoint.FORMAT_VERSION, config.resultHash(), config, 10, "accuracy", epochs, 1,
                Double.NaN, false, history);
    }

    private static Checkpoint.Payload payload(byte tag) {
        return new Checkpoint.Payload() {
            @Override
            public byte[] weights() {
                return new byte[] {tag, 1};
            }

            @Override
            public byte[] bestWeights() {
                return new byte[] {tag, 2};
            }

            @Override
            public void writeOptimizer(OutputStream out) throws IOException {
                out.write(new byte[] {tag, 3});
            }
        };
    }

    @Test
    void roundTripsStateIncludingNotANumberAndReplacesTheWholeDirectory() throws IOException {
        checkpoint(1).write(runDir, payload((byte) 1));
        checkpoint(2).write(runDir, payload((byte) 2));

        Checkpoint.Stored stored = Checkpoint.read(runDir).orElseThrow();
        assertThat(stored.directory()).isEqualTo(runDir.resolve("checkpoint"));
        assertThat(stored.checkpoint()).isEqualTo(checkpoint(2));
        assertThat(stored.checkpoint().bestScore()).isNaN();
        assertThat(stored.weights()).containsExactly(2, 1);
        assertThat(stored.bestWeights()).containsExactly(2, 2);
        try (var in = stored.optimizer()) {
            assertThat(in.readAllBytes()).containsExactly(2, 3);
        }
        try (var files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint");
        }
    }

    @Test
    void aCrashBetweenTheRenamesFallsBackToThePreviousCheckpointAndIgnoresAPartialOne() throws IOException {
        checkpoint(1).write(runDir, payload((byte) 1));
        // The state a crash leaves after "checkpoint -> checkpoint.previous" but before "partial -> checkpoint".
        Files.move(runDir.resolve("checkpoint"), runDir.resolve("checkpoint.previous"));
        Files.createDirectories(runDir.resolve("checkpoint.partial"));
        Files.writeString(runDir.resolve("checkpoint.partial/state.json"), "{ half");

        Checkpoint.Stored stored = Checkpoint.read(runDir).orElseThrow();
        assertThat(stored.directory()).isEqualTo(runDir.resolve("checkpoint.previous"));
        assertThat(stored.checkpoint().epochsDone()).isEqualTo(1);

        checkpoint(2).write(runDir, payload((byte) 2));
        assertThat(Checkpoint.read(runDir).orElseThrow().checkpoint().epochsDone()).isEqualTo(2);
        assertThat(runDir.resolve("checkpoint.previous")).doesNotExist();
        assertThat(runDir.resolve("checkpoint.partial")).doesNotExist();
    }

    @Test
    void noCheckpointIsEmptyAndAForeignFormatIsRefused() throws IOException {
        assertThat(Checkpoint.read(runDir)).isEmpty();
        checkpoint(1).write(runDir, payload((byte) 1));
        Path state = runDir.resolve("checkpoint/state.json");
        Files.writeString(state, Files.readString(state).replace("\"format_version\" : 1", "\"format_version\" : 99"));
        assertThatThrownBy(() -> Checkpoint.read(runDir)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("checkpoint format 99");
        Checkpoint.delete(runDir);
        assertThat(Checkpoint.read(runDir)).isEmpty();
    }

    @Test
    void rssIsReadFromProcStatus() {
        assertThat(MemoryUsage.parseKilobytes("   204800 kB")).isEqualTo(204800);
        assertThat(MemoryUsage.rssMb()).isGreaterThan(1); // this JVM, on Linux
        assertThat(MemoryUsage.heapUsedMb()).isPositive();
    }
}
