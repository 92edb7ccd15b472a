package org.echomask.detect;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.DoubleConsumer;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioInfo;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.AudioSource;
import org.echomask.audio.AudioWindows;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.LastWindow;

/**
 * The analysis of one recording, the same on every engine: its windows streamed through a
 * {@link WindowScorer}, post-processed, merged into detections and written
 * ({@link RecordingOutputs}), or read back when it was analysed before with the same settings.
 */
public final class RecordingAnalysis {
    private RecordingAnalysis() {}

    /**
     * Analyses one recording and writes its files ({@link RecordingOutputs}), or reads them back
     * when it was analysed before with the same settings; a recording that cannot be analysed is a
     * {@link Analyzer.Status#FAILED} result, not an exception.
     *
     * @param workers threads preparing windows, or null
     * @param advanced receives the seconds of audio covered (progress)
     */
    public static <P> RecordingResult analyse(Recordings.Recording rec, AnalysisSettings settings, WindowScorer<P> scorer,
            Analyzer.Options options, ExecutorService workers, DoubleConsumer advanced) {
        long r0 = System.nanoTime();
        List<String> labels = settings.labels();
        RecordingOutputs files = new RecordingOutputs(options.out(), rec.name());
        try {
            Optional<RecordingOutputs.Record> done = files.completed(rec.path(), settings.hash());
            List<WindowScore> windows;
            List<Detection> detections;
            RecordingOutputs.Record record;
            Analyzer.Status status;
            if (done.isPresent()) {
                record = done.get();
                windows = RecordingOutputs.readWindows(files.windowsCsv(), labels);
                detections = RecordingOutputs.readDetections(files.selections());
                status = Analyzer.Status.SKIPPED;
            } else {
                Analysed a = analyseNow(rec, settings, scorer, options, workers, advanced);
                record = a.record;
                files.write(record, labels, a.windows, a.raw, a.detections, settings.ravenChannel());
                // The summaries are made from the files as written (six decimals), exactly as a
                // resumed run makes them from the files it finds: otherwise a run interrupted and
                // resumed reports a maximum probability 1e-4 away from an uninterrupted one.
                windows = RecordingOutputs.readWindows(files.windowsCsv(), labels);
                detections = RecordingOutputs.readDetections(files.selections());
                status = Analyzer.Status.ANALYSED;
            }
            LocalDateTime start = record.startTime() == null ? null : LocalDateTime.parse(record.startTime());
            Presence.Part part = Presence.part(labels, settings.thresholdArray(), rec.name(), start, record.durationS(),
                    windows, detections);
            return new RecordingResult(status, record.durationS(), (System.nanoTime() - r0) / 1e9, "", record.startTime(),
                    detections, part, WindowSample.of(rec.name(), windows, Analyzer.SAMPLE));
        } catch (RuntimeException e) {
            return new RecordingResult(Analyzer.Status.FAILED, 0, (System.nanoTime() - r0) / 1e9, problem(rec.path(), e), null,
                    List.of(), null, null);
        }
    }


    /** One recording analysed now. */
    private record Analysed(List<WindowScore> windows, List<WindowScore> raw, List<Detection> detections,
            RecordingOutputs.Record record) {}

    private static <P> Analysed analyseNow(Recordings.Recording rec, AnalysisSettings s, WindowScorer<P> scorer,
            Analyzer.Options options, ExecutorService workers, DoubleConsumer advanced) {
        long t0 = System.nanoTime();
        long size = RecordingOutputs.size(rec.path());
        String modified = RecordingOutputs.modified(rec.path());
        List<WindowScore> raw;
        AudioInfo info;
        AudioSource source = AudioReaders.open(rec.path());
        AudioWindows.Spec spec = new AudioWindows.Spec(s.channel() < 0 ? ChannelMix.MEAN : ChannelMix.select(s.channel()),
                s.sampleRate(), s.windowSamples(), s.hopSamples(), LastWindow.KEEP_SHORT, AudioWindows.Spec.DEFAULT_BLOCK);
        try (AudioWindows windows = AudioWindows.over(source, spec)) {
            info = source.info();
            s.checkWindowCount(rec.path().toString(), info.durationSeconds());
            raw = WindowPipeline.run(windows, s.windowSamples(), scorer, options.batchSize(), workers, advanced);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        if (raw.isEmpty()) {
            throw new EchomaskException(rec.path() + ": no audio samples");
        }
        double end = raw.get(raw.size() - 1).endS();
        double duration = Double.isFinite(info.durationSeconds()) ? Math.min(info.durationSeconds(), end) : end;
        List<WindowScore> windows = raw;
        if (s.postProcess() != PostProcess.NONE) {
            float[][] p = s.postProcess().apply(raw.stream().map(WindowScore::probabilities).toArray(float[][]::new));
            windows = new ArrayList<>(raw.size());
            for (int i = 0; i < p.length; i++) {
                windows.add(raw.get(i).withProbabilities(p[i]));
            }
        }
        double[][] band = s.bandEdges(scorer.band());
        List<Detection> detections = Detections.merge(windows, s.labels(), s.thresholdArray(), s.minGapS(), duration, band[0],
                band[1]);
        String start = RecordingTimes.parse(rec.path().getFileName().toString()).map(LocalDateTime::toString).orElse(null);
        RecordingOutputs.Record record = new RecordingOutputs.Record(rec.path().toString(), size, modified,
                s.hash(), info.sampleRate(), info.channels(), duration, raw.size(), detections.size(), start,
                (System.nanoTime() - t0) / 1e9);
        return new Analysed(windows, s.postProcess() == PostProcess.NONE ? null : raw, detections, record);
    }


    /** The problem as one line that names the file. */
    static String problem(Path file, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(file.toString()) ? m : file + ": " + m;
    }
}
