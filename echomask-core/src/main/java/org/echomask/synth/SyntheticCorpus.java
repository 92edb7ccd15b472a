package org.echomask.synth;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.MonoAudio;
import org.echomask.audio.WavWriter;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;

/**
 * A directory of synthetic clips: {@code audio/<id>.wav} (mono 16-bit PCM), {@code manifest.csv}
 * and {@code synth_config.json} (the full config, so clips of a custom profile can be regenerated).
 * Clean stems are not stored: {@link #regenerate} rebuilds a clip from its manifest row and checks
 * it against the WAV on disk.
 *
 * <p>16-bit PCM keeps a 2-s 288 kHz clip at 1.1 MB; with noise drawn at −45…−28 dBFS its
 * quantisation noise (−101 dBFS RMS) sits tens of dB below the quietest sea noise at every
 * frequency of interest, so nothing a mask or classifier sees is lost.
 */
public final class SyntheticCorpus {
    public static final String MANIFEST = "manifest.csv";
    public static final String CONFIG = "synth_config.json";
    static final String[] COLUMNS = {"id", "path", "labels", "split", "profile", "seed", "index", "sample_rate",
        "duration_s", "vessel"};

    private SyntheticCorpus() {}

    /** Split fractions; the test share is what remains. */
    public record Splits(double train, double val) {
        public Splits {
            if (!(train >= 0) || !(val >= 0) || train + val > 1 + 1e-9) {
                throw new EchomaskException("invalid split fractions: train " + train + ", val " + val);
            }
        }

        public static Splits of(double train, double val) {
            return new Splits(train, val);
        }
    }

    /** One manifest row. {@code path} is relative to the manifest's directory. */
    public record Row(String id, String path, List<String> labels, String split, String profile, long seed, int index,
            int sampleRate, double durationS, boolean vessel) {
        public Row {
            labels = List.copyOf(labels);
        }
    }

    /** Called after each clip is written, e.g. to write its annotation table next to the audio. */
    @FunctionalInterface
    public interface ClipListener {
        void written(Path outDir, Row row, SyntheticClip clip);
    }

    public static List<Row> write(Path outDir, SynthConfig config, long seed, int clips, Splits splits) {
        return write(outDir, config, seed, clips, splits, (dir, row, clip) -> { });
    }

    /**
     * Generates clips {@code 0 … clips−1} and writes them with the manifest. The split of each
     * clip comes from a permutation drawn from the seed: exactly {@code round(train·clips)} train
     * and {@code round(val·clips)} val clips. The listener sees every clip with its events
     * ({@link SyntheticClip#events()}) — the place to write its Raven table.
     */
    public static List<Row> write(Path outDir, SynthConfig config, long seed, int clips, Splits splits,
            ClipListener listener) {
        if (clips < 0) {
            throw new EchomaskException("clip count must be >= 0: " + clips);
        }
        String[] split = assignSplits(seed, clips, splits);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < clips; i++) {
            SyntheticClip clip = SoundscapeGenerator.generate(seed, i, config);
            String path = "audio/" + clip.id() + ".wav";
            WavWriter.write(outDir.resolve(path), clip.mix(), clip.sampleRate(), WavWriter.Encoding.PCM_16);
            Row row = new Row(clip.id(), path, List.copyOf(clip.labels()), split[i], clip.profile(), seed, i,
                    clip.sampleRate(), config.durationS(), clip.vesselPresent());
            listener.written(outDir, row, clip);
            rows.add(row);
        }
        Json.writeFile(outDir.resolve(CONFIG), config);
        AtomicFiles.writeString(outDir.resolve(MANIFEST), manifestText(rows));
        return rows;
    }

    /**
     * {@link #write} with one Raven table per clip in {@code annotations/} (what the dataset builder
     * reads), showing progress.
     */
    public static List<Row> writeAnnotated(Path outDir, SynthConfig config, long seed, int clips, Splits splits,
            Progress progress) {
        progress.start("synth", clips);
        try {
            return write(outDir, config, seed, clips, splits, (dir, row, clip) -> {
                RavenTable.write(dir.resolve("annotations").resolve(row.id() + ".txt"), clip.events());
                progress.step(1);
            });
        } finally {
            progress.finish();
        }
    }

    /** The events (Raven selections) of one clip of a corpus, regenerated from its row. */
    public static List<Selection> events(SynthConfig config, Row row) {
        return SoundscapeGenerator.generate(row.seed(), row.index(), rowConfig(config, row)).events();
    }

    static String[] assignSplits(long seed, int clips, Splits splits) {
        int[] order = new int[clips];
        for (int i = 0; i < clips; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = clips - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int train = (int) Math.round(splits.train() * clips);
        int val = Math.min(clips - train, (int) Math.round(splits.val() * clips));
        String[] split = new String[clips];
        for (int k = 0; k < clips; k++) {
            split[order[k]] = k < train ? "train" : k < train + val ? "val" : "test";
        }
        return split;
    }

    static String manifestText(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator("\n").get())) {
            for (Row r : rows) {
                csv.printRecord(r.id(), r.path(), String.join(";", r.labels()), r.split(), r.profile(),
                        Long.toString(r.seed()), r.index(), r.sampleRate(), format(r.durationS()), r.vessel());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String format(double seconds) {
        String s = String.format(Locale.ROOT, "%.6f", seconds);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static List<Row> readManifest(Path manifest) {
        try (Reader in = Files.newBufferedReader(manifest);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!csv.getHeaderNames().containsAll(Arrays.asList(COLUMNS))) {
                throw new EchomaskException(manifest + ": not a synthetic corpus manifest; columns " + csv.getHeaderNames()
                        + ", expected " + Arrays.toString(COLUMNS));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : csv) {
                try {
                    rows.add(rowOf(r.toMap()));
                } catch (IllegalArgumentException e) {
                    throw new EchomaskException(manifest + ": line " + csv.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new EchomaskException(manifest + ": cannot read manifest: " + e.getMessage(), e);
        }
    }

    /** True when a manifest row carries what is needed to regenerate a synthetic clip. */
    public static boolean isSynthetic(Map<String, String> columns) {
        return columns.keySet().containsAll(Arrays.asList(COLUMNS));
    }

    /** A manifest row from its columns (as a dataset source reads them). */
    public static Row rowOf(Map<String, String> c) {
        String labels = c.get("labels");
        return new Row(c.get("id"), c.get("path"), labels.isEmpty() ? List.of() : List.of(labels.split(";")),
                c.get("split"), c.get("profile"), Long.parseLong(c.get("seed")), Integer.parseInt(c.get("index")),
                Integer.parseInt(c.get("sample_rate")), Double.parseDouble(c.get("duration_s")),
                Boolean.parseBoolean(c.get("vessel")));
    }

    /** Regenerates a clip of the corpus in {@code corpusDir} (its config from {@code synth_config.json}). */
    public static SyntheticClip regenerate(Path corpusDir, Row row) {
        SynthConfig config = Json.readFile(corpusDir.resolve(CONFIG), SynthConfig.class);
        return regenerate(corpusDir, row, config);
    }

    /**
     * Regenerates a clip from its row (seed, index, rate, duration; profile and peak level from
     * {@code config}) and checks it against the WAV on disk: same length and rate, every sample
     * within 16-bit quantisation, same labels. Throws naming the file and the first difference
     * otherwise (a changed generator, profile or file).
     */
    public static SyntheticClip regenerate(Path corpusDir, Row row, SynthConfig config) {
        if (!config.profile().name().equals(row.profile())) {
            throw new EchomaskException("clip " + row.id() + ": manifest profile '" + row.profile()
                    + "' differs from the config's profile '" + config.profile().name() + "'");
        }
        SyntheticClip clip = SoundscapeGenerator.generate(row.seed(), row.index(), rowConfig(config, row));
        Path wav = corpusDir.resolve(row.path());
        MonoAudio pcm = AudioReaders.readMono(wav, ChannelMix.MEAN);
        String problem = null;
        if (pcm.sampleRate() != clip.sampleRate() || pcm.samples().length != clip.mix().length) {
            problem = "file has " + pcm.samples().length + " samples at " + pcm.sampleRate() + " Hz, regenerated clip "
                    + clip.mix().length + " at " + clip.sampleRate() + " Hz";
        } else if (!clip.id().equals(row.id()) || !List.copyOf(clip.labels()).equals(row.labels())) {
            problem = "regenerated clip " + clip.id() + " has labels " + clip.labels() + ", manifest row " + row.id()
                    + " says " + row.labels();
        } else {
            float tolerance = 0.5f / 32768 + 1e-6f;
            float[] mix = clip.mix();
            for (int i = 0; i < mix.length; i++) {
                if (Math.abs(pcm.samples()[i] - mix[i]) > tolerance) {
                    problem = String.format(Locale.ROOT,
                            "sample %d differs beyond 16-bit quantisation: file %.6f, regenerated %.6f", i, pcm.samples()[i], mix[i]);
                    break;
                }
            }
        }
        if (problem != null) {
            throw new EchomaskException(wav + ": does not match its regenerated clip (seed " + row.seed() + ", index "
                    + row.index() + ", profile " + row.profile() + "): " + problem);
        }
        return clip;
    }

    private static SynthConfig rowConfig(SynthConfig config, Row row) {
        return new SynthConfig(config.profile(), row.sampleRate(), row.durationS(), config.peakLevel());
    }
}
