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
import org.echomask.label.WindowLabels;
import org.echomask.spectrogram.Spectrogram;
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
    private final DatasetOutput output;

    RecordingRenderer(DatasetConfig config, Path staging, Path target, DatasetOutput output) {
        this.config = config;
        this.staging = staging;
        this.target = target;
        this.output = output;
    }

    /**
     * A recording's examples, and what the source said about it that could not be used (e.g.
     * selections after its end), for errors.csv.
     */
    record Rendered(List<DatasetEntry> entries, List<DatasetError> notes) {}

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

    Rendered render(RecordingPlan plan, String recordingId, Split split) {
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
            return ex.done(samples.length / (double) rate);
        }
        int window = windowSamples(rate);
        int hop = hopSamples(rate);
        try (AudioSource source = AudioReaders.open(plan.audio())) {
            AudioInfo info = source.info();
            double durationS = info.frames() < 0 ? Double.POSITIVE_INFINITY : info.frames() / (double) info.sampleRate();
            if (framesAtRate(info, rate) < window) {
                float[] samples = readWhole(plan.audio(), mix, rate);
                ex.add(recordingId + "_w0000", 0, Segments.cyclicPad(samples, window));
                return ex.done(samples.length / (double) rate);
            }
            AudioWindows.Spec spec = AudioWindows.Spec.of(window, hop, LastWindow.DROP).withMix(mix).withTargetRate(rate);
            try (AudioWindows windows = AudioWindows.over(source, spec)) {
                while (windows.hasNext()) {
                    AudioWindows.Window w = windows.next();
                    ex.add(recordingId + String.format("_w%04d", w.index()), w.startFrame(), w.samples());
                }
            }
            return ex.done(durationS);
        }
    }

    /**
     * Selections that begin at or after the recording's end label nothing: most likely the table
     * belongs to another recording, or its times are on a combined timeline. Said, not dropped silently.
     */
    private static List<DatasetError> beyondEnd(RecordingPlan plan, double durationS) {
        if (!plan.labelsFromEvents() || !Double.isFinite(durationS)) {
            return List.of();
        }
        List<org.echomask.label.Selection> lost = plan.selections().stream().filter(s -> s.begin() >= durationS).toList();
        if (lost.isEmpty()) {
            return List.of();
        }
        org.echomask.label.Selection first = lost.get(0);
        return List.of(new DatasetError(plan.audio().toString(), String.format(java.util.Locale.ROOT,
                "%d of %d selection(s) begin after the recording ends (%.3f s), e.g. \"%s\" at %.3f s; they label"
                        + " nothing (is the table for another recording, or on a combined timeline?)",
                lost.size(), plan.selections().size(), durationS, first.label(), first.begin())));
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

    /** Runs one write of the dataset's own files; any failure is the output's, not the recording's. */
    private void write(String relative, Runnable writing) {
        try {
            writing.run();
        } catch (RuntimeException e) {
            throw new DatasetOutput.OutputFailure(staging.resolve(relative), e);
        }
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

        Rendered done(double durationS) {
            return new Rendered(entries, beyondEnd(plan, durationS));
        }

        void add(String id, long startFrame, float[] samples) {
            SpectrogramTransform t = config.transform();
            int rate = t.sampleRate();
            Spectrogram s = t.apply(samples, rate);
            String array = "arrays/" + id + ".npy";
            write(array, () -> output.array(staging.resolve(array), s.values()));
            String image = "";
            if (config.writeImages()) {
                String png = "images/" + id + ".png";
                write(png, () -> output.image(staging.resolve(png), s.values()));
                image = png;
            }
            double startS = startFrame / (double) rate;
            double endS = (startFrame + samples.length) / (double) rate;
            List<String> labels = plan.labelsFromEvents()
                    ? List.copyOf(WindowLabels.DEFAULT.labels(plan.selections(), startS, endS)) : plan.fileLabels();
            String hq = "";
            if (clip != null) {
                String png = "masks/hq/" + id + ".png";
                int end = (int) Math.min(startFrame + samples.length, clip.mix().length);
                boolean[][] truth = GroundTruthMask.render(clip, t, (int) startFrame, end);
                write(png, () -> output.mask(staging.resolve(png), truth));
                hq = png;
            }
            entries.add(new DatasetEntry(id, recording, startS, endS, labels, split, plan.group(), array, image, hq,
                    Map.of()));
        }
    }
}
