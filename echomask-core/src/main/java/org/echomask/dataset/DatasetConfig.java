package org.echomask.dataset;

import org.echomask.EchomaskException;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * How a dataset is cut and rendered.
 *
 * @param transform the spectrogram transform (its sample rate is the rate every recording is resampled to)
 * @param windowS example length in seconds; 0 = one example per whole recording
 * @param hopS hop between windows in seconds (windowed mode)
 * @param trainFraction share of examples for train when the source does not prescribe splits
 * @param valFraction share for val (the rest is test)
 * @param splitSeed seed of the grouped split
 * @param channel 0-based channel to use, or -1 to mix all channels down
 * @param writeImages also write {@code images/<id>.png}
 * @param threads recordings processed at once
 */
public record DatasetConfig(SpectrogramTransform transform, double windowS, double hopS, double trainFraction,
        double valFraction, long splitSeed, int channel, boolean writeImages, int threads) {

    public DatasetConfig {
        if (transform == null) {
            throw new EchomaskException("a dataset needs a spectrogram transform");
        }
        if (transform.sampleRate() <= 0) {
            throw new EchomaskException("the dataset transform '" + transform.name()
                    + "' must fix a sample rate so all examples share one time-frequency grid");
        }
        if (windowS < 0 || (windowS > 0 && !(hopS > 0))) {
            throw new EchomaskException("window must be >= 0 s and hop > 0 s when windowing: " + windowS + ", " + hopS);
        }
        if (channel < -1) {
            throw new EchomaskException("channel must be -1 (mixdown) or a 0-based index: " + channel);
        }
        if (threads < 1) {
            throw new EchomaskException("threads must be >= 1: " + threads);
        }
        new GroupedSplitter(trainFraction, valFraction, splitSeed);
    }

    public static DatasetConfig defaults(SpectrogramTransform transform) {
        return new DatasetConfig(transform, 0, 0, 0.7, 0.15, 42, -1, true,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public DatasetConfig withWindow(double window, double hop) {
        return new DatasetConfig(transform, window, hop, trainFraction, valFraction, splitSeed, channel, writeImages, threads);
    }
}
