package org.echomask.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.echomask.Version;
import org.echomask.nn.Engines;

/**
 * {@code provenance.json}: how a model was made, so a result can be traced and repeated.
 *
 * @param createdAt ISO-8601 instant the package was written
 * @param command the command-line arguments, or empty when built from the API
 * @param datasetDir dataset the model was trained on
 * @param datasetManifestSha256 SHA-256 of that dataset's manifest.csv at training time
 * @param examples examples used per split
 * @param config the full training recipe (model spec, masks, trainer settings) as written by the trainer
 * @param seed random seed
 * @param seconds wall time of training
 * @param examplesPerSecond mean training throughput
 * @param bestEpoch epoch whose weights were kept (1-based)
 * @param metrics final metrics (validation at the best epoch and any later evaluation)
 * @param history per-epoch metrics
 * @param toolkitVersion Echomask version
 * @param engine deep-learning engine and version
 * @param java Java runtime
 * @param os operating system and architecture
 * @param cpus processors available
 */
public record Provenance(String createdAt, List<String> command, String datasetDir, String datasetManifestSha256,
        Map<String, Integer> examples, Map<String, Object> config, long seed, double seconds, double examplesPerSecond,
        int bestEpoch, Map<String, Double> metrics, List<Map<String, Object>> history, String toolkitVersion,
        String engine, String java, String os, int cpus) {
    public static final String FILE_NAME = "provenance.json";

    public Provenance {
        command = command == null ? List.of() : List.copyOf(command);
        examples = examples == null ? Map.of() : Map.copyOf(examples);
        config = config == null ? Map.of() : Map.copyOf(config);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A provenance for a model trained now in this process: the runtime fields are filled in. */
    public static Provenance now(List<String> command, String datasetDir, String datasetManifestSha256,
            Map<String, Integer> examples, Map<String, Object> config, long seed, double seconds,
            double examplesPerSecond, int bestEpoch, Map<String, Double> metrics, List<Map<String, Object>> history) {
        return new Provenance(Instant.now().toString(), command, datasetDir, datasetManifestSha256, examples,
                config, seed, seconds, examplesPerSecond, bestEpoch, metrics, history, Version.toolkit(),
                Engines.describe(), System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }
}
