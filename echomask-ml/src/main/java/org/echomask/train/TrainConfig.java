package org.echomask.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.echomask.io.Json;

/**
 * Settings of one training run, immutable and validated; saved as snake_case JSON with
 * {@link Json}. Everything that shapes the result is here, so a run is reproduced by its config,
 * its data and its seed.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per optimizer step (at least 2: BatchNorm needs two examples)
 * @param learningRate peak learning rate, reached at the end of warm-up
 * @param weightDecay decoupled weight decay of AdamW (not applied to 1-D parameters)
 * @param warmupFraction fraction of all optimizer steps spent in linear warm-up, in [0, 1)
 * @param minLearningRateFraction the cosine decay ends at this fraction of the peak, in [0, 1]
 * @param beta1 decay of AdamW's first moment, in [0, 1)
 * @param beta2 decay of AdamW's second moment, in [0, 1)
 * @param epsilon AdamW's epsilon (> 0), added to the bias-corrected root of the second moment
 * @param gradientClipNorm largest global L2 norm of all gradients; 0 = no clipping
 * @param seed the one seed every random choice of a run derives from
 * @param patience stop after this many epochs without a better validation score; 0 = never
 * @param loaderThreads threads that assemble batches ahead of the model; 0 = the training thread
 * @param prefetchBatches batches assembled ahead of the one being trained on (at least 1)
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, double weightDecay, double warmupFraction,
        double minLearningRateFraction, double beta1, double beta2, double epsilon, double gradientClipNorm,
        long seed, int patience, int loaderThreads, int prefetchBatches) {

    /**
     * Fields that change how fast a run goes but never what it computes (batches are assembled
     * from per-batch seeds and consumed in order whatever the thread timing), so a run may be
     * resumed with other values.
     */
    public static final Set<String> SPEED_ONLY_FIELDS = Set.of("loader_threads", "prefetch_batches");

    public TrainConfig {
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(batchSize >= 2, "batch_size must be >= 2 (BatchNorm needs two examples per batch), got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning_rate must be finite and > 0, got " + learningRate);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight_decay must be finite and >= 0, got " + weightDecay);
        require(warmupFraction >= 0 && warmupFraction < 1, "warmup_fraction must be in [0, 1), got " + warmupFraction);
        require(minLearningRateFraction >= 0 && minLearningRateFraction <= 1,
                "min_learning_rate_fraction must be in [0, 1], got " + minLearningRateFraction);
        require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
        require(epsilon > 0 && Double.isFinite(epsilon), "epsilon must be finite and > 0, got " + epsilon);
        require(gradientClipNorm >= 0 && Double.isFinite(gradientClipNorm),
                "gradient_clip_norm must be finite and >= 0 (0 = off), got " + gradientClipNorm);
        require(patience >= 0, "patience must be >= 0 (0 = no early stopping), got " + patience);
        require(loaderThreads >= 0 && loaderThreads <= 64, "loader_threads must be in [0, 64], got " + loaderThreads);
        require(prefetchBatches >= 1 && prefetchBatches <= 1024, "prefetch_batches must be in [1, 1024], got " + prefetchBatches);
    }

    /**
     * Defaults for training or fine-tuning a spectrogram network on a few thousand examples:
     * <ul>
     *   <li>learning rate 1e-3 with 5% warm-up and cosine decay to 1% of it: the usual AdamW
     *       peak for CNNs of this size; warm-up keeps the first steps, taken while Adam's second
     *       moment is still a poor estimate, from wrecking pretrained or BatchNorm statistics;</li>
     *   <li>weight decay 0.05 (the ConvNeXt/DeiT AdamW recipe) rather than torch's 0.01: the decay
     *       is decoupled, so it shrinks weights by about exp(-sum(lr) * wd); over 3000 steps of
     *       this schedule sum(lr) is about 1.5, a 7% pull towards zero at 0.05 but under 2% at
     *       0.01, and small bioacoustic datasets need the regularisation;</li>
     *   <li>gradient clipping at a global norm of 1, as in transformer recipes: it only acts on
     *       the rare spiky batch (losses are batch means, gradients usually smaller);</li>
     *   <li>batch 32, 30 epochs, patience 8 (late cosine epochs improve slowly);</li>
     *   <li>2 loader threads, 4 batches ahead: loaders block once the window is full, so they use
     *       the CPU only while the model is waiting for data.</li>
     * </ul>
     */
    public static TrainConfig defaults() {
        return new TrainConfig(30, 32, 1e-3, 0.05, 0.05, 0.01, 0.9, 0.999, 1e-8, 1.0, 42L, 8, 2, 4);
    }

    public TrainConfig withEpochs(int value) {
        return new TrainConfig(value, batchSize, learningRate, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, seed, patience, loaderThreads, prefetchBatches);
    }

    public TrainConfig withBatchSize(int value) {
        return new TrainConfig(epochs, value, learningRate, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, seed, patience, loaderThreads, prefetchBatches);
    }

    public TrainConfig withLearningRate(double value) {
        return new TrainConfig(epochs, batchSize, value, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, seed, patience, loaderThreads, prefetchBatches);
    }

    public TrainConfig withSeed(long value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, value, patience, loaderThreads, prefetchBatches);
    }

    public TrainConfig withPatience(int value) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, seed, value, loaderThreads, prefetchBatches);
    }

    public TrainConfig withLoaders(int threads, int prefetch) {
        return new TrainConfig(epochs, batchSize, learningRate, weightDecay, warmupFraction, minLearningRateFraction, beta1,
                beta2, epsilon, gradientClipNorm, seed, patience, threads, prefetch);
    }

    /** SHA-256 (hex) of the JSON of the fields that shape the result (all but {@link #SPEED_ONLY_FIELDS}). */
    public String resultHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(resultFields()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** "name: this -> other" for every result-shaping field whose value differs, in declaration order. */
    public List<String> resultDifferences(TrainConfig other) {
        JsonNode mine = resultFields();
        JsonNode theirs = other.resultFields();
        List<String> differences = new ArrayList<>();
        for (Iterator<String> names = mine.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!mine.get(name).equals(theirs.get(name))) {
                differences.add(name + ": " + mine.get(name) + " -> " + theirs.get(name));
            }
        }
        return differences;
    }

    private ObjectNode resultFields() {
        ObjectNode node = Json.mapper().valueToTree(this);
        node.remove(SPEED_ONLY_FIELDS);
        return node;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid training config: " + message);
        }
    }
}
