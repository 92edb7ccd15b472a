package org.echomask.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * The trainer's state after an epoch, in {@code runDir/checkpoint/}: {@code state.json} (this
 * record), {@code weights.params} (the block now), {@code best.params} (the block at the best
 * epoch) and {@code optimizer.bin} (AdamW's moments and step counts).
 *
 * <p>A checkpoint is replaced as a whole: the new one is written to {@code checkpoint.partial/},
 * the old one renamed to {@code checkpoint.previous/}, the new one renamed into place, the old one
 * deleted. A crash leaves either a complete {@code checkpoint/} or, between the two renames, a
 * complete {@code checkpoint.previous/}, which {@link #read} falls back to; a partial directory
 * is never read.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param configSha256 {@link TrainConfig#resultHash()} of the run's config
 * @param config the run's config, to list what differs when a resume is refused
 * @param trainExamples size of the training set (a different one would change every batch)
 * @param metric name of the validation metric
 * @param epochsDone epochs completed
 * @param bestEpoch epoch with the best validation score so far (earliest of equals)
 * @param bestScore its score
 * @param stoppedEarly whether early stopping ended the run after {@code epochsDone}
 * @param history one record per completed epoch
 */
public record Checkpoint(int formatVersion, String configSha256, TrainConfig config, int trainExamples, String metric,
        int epochsDone, int bestEpoch, double bestScore, boolean stoppedEarly, List<EpochRecord> history) {
    public static final int FORMAT_VERSION = 1;
    public static final String DIRECTORY = "checkpoint";
    static final String STATE = "state.json";
    static final String WEIGHTS = "weights.params";
    static final String BEST_WEIGHTS = "best.params";
    static final String OPTIMIZER = "optimizer.bin";
    private static final String PARTIAL = DIRECTORY + ".partial";
    private static final String PREVIOUS = DIRECTORY + ".previous";

    public Checkpoint {
        history = List.copyOf(history);
        if (history.size() != epochsDone) {
            throw new IllegalArgumentException(history.size() + " history records for " + epochsDone + " epochs");
        }
    }

    /** What {@link #write} stores besides the state. */
    interface Payload {
        byte[] weights();

        byte[] bestWeights();

        void writeOptimizer(OutputStream out) throws IOException;
    }

    /** A checkpoint found on disk and the directory it was read from. */
    record Stored(Checkpoint checkpoint, Path directory) {
        byte[] weights() {
            return readBytes(directory.resolve(WEIGHTS));
        }

        byte[] bestWeights() {
            return readBytes(directory.resolve(BEST_WEIGHTS));
        }

        InputStream optimizer() throws IOException {
            return Files.newInputStream(directory.resolve(OPTIMIZER));
        }
    }

    /** Replaces the run's checkpoint with this one (see the class comment). */
    void write(Path runDir, Payload payload) {
        Path partial = runDir.resolve(PARTIAL);
        Path target = runDir.resolve(DIRECTORY);
        Path previous = runDir.resolve(PREVIOUS);
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            Files.write(partial.resolve(WEIGHTS), payload.weights());
            Files.write(partial.resolve(BEST_WEIGHTS), payload.bestWeights());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial.resolve(OPTIMIZER)), 1 << 16)) {
                payload.writeOptimizer(out);
            }
            Files.writeString(partial.resolve(STATE), Json.write(this) + "\n");
            deleteTree(previous);
            if (Files.exists(target)) {
                move(target, previous);
            }
            move(partial, target);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint in " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** The run's checkpoint, if one was completed. */
    static Optional<Stored> read(Path runDir) {
        for (String name : List.of(DIRECTORY, PREVIOUS)) {
            Path dir = runDir.resolve(name);
            if (Files.isRegularFile(dir.resolve(STATE))) {
                Checkpoint checkpoint = Json.readFile(dir.resolve(STATE), Checkpoint.class);
                if (checkpoint.formatVersion() != FORMAT_VERSION) {
                    throw new EchomaskException(dir + ": checkpoint format " + checkpoint.formatVersion()
                            + ", this version reads format " + FORMAT_VERSION);
                }
                return Optional.of(new Stored(checkpoint, dir));
            }
        }
        return Optional.empty();
    }

    /** Removes every checkpoint directory of the run (a fresh start). */
    static void delete(Path runDir) {
        try {
            for (String name : List.of(DIRECTORY, PREVIOUS, PARTIAL)) {
                deleteTree(runDir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old checkpoint in " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EchomaskException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
