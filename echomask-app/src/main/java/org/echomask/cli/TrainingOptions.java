package org.echomask.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.echomask.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * Trainer flags shared by {@code train} and {@code segment train}; each has a TrainConfig JSON field.
 * The bounds repeat TrainConfig's own rules so a bad value is refused while parsing, naming the flag.
 */
final class TrainingOptions {
    @Option(names = "--train-config", description = "TrainConfig JSON; flags given explicitly override its fields.")
    Path configFile;

    @Option(names = "--epochs", converter = Bounds.Positive.class, description = "Epochs (>= 1).")
    Integer epochs;

    @Option(names = "--batch-size", converter = Bounds.TrainingBatch.class,
            description = "Examples per step (>= 2: BatchNorm needs two).")
    Integer batchSize;

    @Option(names = "--lr", converter = Bounds.PositiveReal.class, description = "Peak learning rate (AdamW, linear warm-up then cosine decay).")
    Double learningRate;

    @Option(names = "--weight-decay", converter = Bounds.NonNegativeReal.class, description = "AdamW decoupled weight decay.")
    Double weightDecay;

    @Option(names = "--patience", converter = Bounds.NonNegative.class, description = "Early stopping after this many epochs without improvement (0 = off).")
    Integer patience;

    @Option(names = "--seed", description = "Random seed (weights, shuffling, augmentation).")
    Long seed;

    @Option(names = "--threads", converter = Bounds.LoaderThreads.class,
            description = "Loader threads preparing batches ahead of the model (0..64; 0 = the training thread).")
    Integer threads;

    /** The config: defaults (or --train-config), then explicit flags. */
    TrainConfig config() {
        TrainConfig base = configFile == null ? TrainConfig.defaults() : read(configFile);
        Map<String, Object> m = new LinkedHashMap<>(Json.toMap(base));
        put(m, "epochs", epochs);
        put(m, "batch_size", batchSize);
        put(m, "learning_rate", learningRate);
        put(m, "weight_decay", weightDecay);
        put(m, "patience", patience);
        put(m, "seed", seed);
        put(m, "loader_threads", threads);
        try {
            return Json.mapper().convertValue(m, TrainConfig.class);
        } catch (IllegalArgumentException e) {
            throw new EchomaskException("training settings: " + EchomaskException.rootMessage(e), e);
        }
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static TrainConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EchomaskException(file + ": training config not found");
        }
        return Json.readFile(file, TrainConfig.class);
    }
}
