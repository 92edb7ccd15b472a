package org.echomask.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioInfo;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.AudioSource;
import org.echomask.audio.AudioWindows;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.LastWindow;
import org.echomask.audio.MonoAudio;
import org.echomask.audio.Resampler;
import org.echomask.audio.Segments;
import org.echomask.io.Npy;
import org.echomask.label.WindowLabels;
import org.echomask.mask.BinaryMasks;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramImages;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.GroundTruthMask;
import org.echomask.synth.SyntheticClip;
import org.echomask.synth.SyntheticCorpus;

/**
 * Turns one recording into dataset examples: mix down, resample to the transform's rate, cut
 * windows, render each window's spectrogram and picture, label it, and for synthetic clips render
 * the exact ground-truth mask as its HQ mask.
 *
 * <p>Windowed recordings are streamed, so hours-long files need memory for one window only; the
 * samples after the last whole window are dropped. A recording shorter than one window becomes one
 * example, cyclically padded (repeated) to the window length rather than padded with silence.
 */
final class RecordingRenderer {
    private final DatasetConfig config;
    private final Path staging;
    private final Path target;

    RecordingRenderer(DatasetConfig config, Path staging, Path target) {
        this.config = config;
        this.staging = staging;
        this.target = target;
    }

    /**
     * Examples a windowed recording gives, from its header, counted as {@link #render} cuts them:
     * one (padded) when shorter than a window, else every whole window (length unknown: 1).
     */
    int windowCount(AudioInfo info) {
        int rate = config.transform().sampleRate();
        long frames = framesAtRate(info, rate);
        int window = windowSamples(rate);
        return frames == Long.MAX_VALUE || frames < window ? 1 : (int) Math.min(Integer.MAX_VALUE, 1 + (frames - window) / hopSamples(rate));
    }

    private int windowSamples(int rate) {
        return (int) Math.round(config.windowS() * rate);
    }

    private int hopSamples(int rate) {
        return (int) Math.max(1, Math.round(config.hopS() * rate));
    }

    /** The recording's length at the transform's rate; {@code Long.MAX_VALUE} when the header does not say. */
    private static long framesAtRate(AudioInfo info, int rate) {
        long frames = info.frames();
        return frames < 0 ? Long.MAX_VALUE : Math.round(frames * (double) rate / info.sampleRate());
    }

    List<DatasetEntry> render(RecordingPlan plan, String recordingId, Split split) {
        int rate = config.transform().sampleRate();
        ChannelMix mix = new ChannelMix(config.channel());
        SyntheticClip clip = SyntheticCorpus.isSynthetic(plan.sourceColumns())
                ? SyntheticCorpus.regenerate(plan.sourceDir(), SyntheticCorpus.rowOf(plan.sourceColumns())) : null;
        if (clip != null && clip.sampleRate() != rate) {
            throw new EchomaskException(plan.audio() + ": synthetic clip at " + clip.sampleRate()
                    + " Hz but the transform renders at " + rate + " Hz; ground-truth masks need the clip's own rate");
        }
        Example ex = new Example(plan, recordingId, split, clip, new ArrayList<>());
        if (config.windowS() == 0) {
            float[] samples = readWhole(plan.audio(), mix, rate);
            ex.add(recordingId, 0, samples);
            return ex.entries;
        }
        int window = windowSamples(rate);
        int hop = hopSamples(rate);
        try (AudioSource source = AudioReaders.open(plan.audio())) {
            if (framesAtRate(source.info(), rate) < window) {
                float[] samples = readWhole(plan.audio(), mix, rate);
                ex.add(recordingId + "_w0000", 0, Segments.cyclicPad(samples, window));
                return ex.entries;
            }
            AudioWindows.Spec spec = AudioWindows.Spec.of(window, hop, LastWindow.DROP).withMix(mix).withTargetRate(rate);
            try (AudioWindows windows = AudioWindows.over(source, spec)) {
                while (windows.hasNext()) {
                    AudioWindows.Window w = windows.next();
                    ex.add(recordingId + String.format("_w%04d", w.index()), w.startFrame(), w.samples());
                }
            }
        }
        return ex.entries;
    }

    private static float[] readWhole(Path audio, ChannelMix mix, int rate) {
        MonoAudio a = AudioReaders.readMono(audio, mix);
        float[] samples = a.sampleRate() == rate ? a.samples() : Resampler.resample(a.samples(), a.sampleRate(), rate);
        if (samples.length == 0) {
            throw new EchomaskException(audio + ": no audio samples");
        }
        return samples;
    }

    /**
     * How the manifest names a recording: relative to the dataset when both sit under the
     * dataset's parent (a project folder moved as a whole keeps working), absolute otherwise (a
     * dataset moved away from shared recordings keeps working).
     */
    static String recordingPath(Path datasetDir, Path audio) {
        Path abs = audio.toAbsolutePath().normalize();
        Path parent = datasetDir.toAbsolutePath().normalize().getParent();
        if (parent != null && abs.startsWith(parent)) {
            return datasetDir.toAbsolutePath().normalize().relativize(abs).toString();
        }
        return abs.toString();
    }

    /** The examples of one recording as they are rendered. */
    private final class Example {
        private final RecordingPlan plan;
        private final String split;
        private final SyntheticClip clip;
        private final List<DatasetEntry> entries;
        private final String recording;

        Example(RecordingPlan plan, String recordingId, Split split, SyntheticClip clip, List<DatasetEntry> entries) {
            this.plan = plan;
            this.split = split.id();
            this.clip = clip;
            this.entries = entries;
            this.recording = recordingPath(target, plan.audio());
        }

        void add(String id, long startFrame, float[] samples) {
            SpectrogramTransform t = config.transform();
            int rate = t.sampleRate();
            Spectrogram s = t.apply(samples, rate);
            String array = "arrays/" + id + ".npy";
            Npy.write(staging.resolve(array), s.values());
            String image = "";
            if (config.writeImages()) {
                image = "images/" + id + ".png";
                SpectrogramImages.writeGray(staging.resolve(image), s.values());
            }
            double startS = startFrame / (double) rate;
            double endS = (startFrame + samples.length) / (double) rate;
            List<String> labels = plan.labelsFromEvents()
                    ? List.copyOf(WindowLabels.DEFAULT.labels(plan.selections(), startS, endS)) : plan.fileLabels();
            String hq = "";
            if (clip != null) {
                hq = "masks/hq/" + id + ".png";
                int end = (int) Math.min(startFrame + samples.length, clip.mix().length);
                BinaryMasks.write(staging.resolve(hq), GroundTruthMask.render(clip, t, (int) startFrame, end));
            }
            entries.add(new DatasetEntry(id, recording, startS, endS, labels, split, plan.group(), array, image, hq,
                    Map.of()));
        }
    }
}
