package org.echomask.detect;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;

/**
 * The files one recording's analysis leaves in {@code OUT/recordings/}: {@code <name>.windows.csv}
 * (per-window probabilities), {@code <name>.selections.txt} (Raven table of detections) and
 * {@code <name>.json} (what was analysed with which settings). Each is written atomically and the
 * JSON last, so it marks a complete recording: resuming trusts a recording whose JSON exists and
 * matches the settings and the audio file.
 */
public final class RecordingOutputs {
    public static final String DIR = "recordings";
    /** Label column of the written Raven tables. */
    public static final String LABEL_COLUMN = RavenTable.DEFAULT_LABEL_COLUMN;

    private final Path dir;
    private final String name;

    public RecordingOutputs(Path out, String name) {
        this.dir = out.resolve(DIR);
        this.name = name;
    }

    /**
     * {@code <name>.json}.
     *
     * @param recording the audio file, absolute
     * @param sizeBytes its size when analysed
     * @param modified its modification time when analysed (ISO instant)
     * @param settingsHash {@link AnalysisSettings#hash()}
     * @param sampleRate the file's own rate
     * @param channels the file's channels
     * @param durationS audio analysed, seconds
     * @param windows windows scored
     * @param detections detections written
     * @param startTime start time read from the file name (ISO), or null
     * @param seconds wall time of the analysis
     */
    public record Record(String recording, long sizeBytes, String modified, String settingsHash, int sampleRate,
            int channels, double durationS, long windows, long detections, String startTime, double seconds) {}

    public Path windowsCsv() {
        return dir.resolve(name + ".windows.csv");
    }

    public Path selections() {
        return dir.resolve(name + ".selections.txt");
    }

    public Path recordFile() {
        return dir.resolve(name + ".json");
    }

    /** The record of a complete earlier analysis of {@code audio} with these settings, if there is one. */
    public java.util.Optional<Record> completed(Path audio, String settingsHash) {
        if (!Files.isRegularFile(recordFile()) || !Files.isRegularFile(windowsCsv()) || !Files.isRegularFile(selections())) {
            return java.util.Optional.empty();
        }
        Record r;
        try {
            r = Json.readFile(recordFile(), Record.class);
        } catch (EchomaskException e) {
            return java.util.Optional.empty(); // unreadable: analyse again and overwrite it
        }
        boolean same = r.recording().equals(audio.toString()) && r.settingsHash().equals(settingsHash)
                && r.sizeBytes() == size(audio) && r.modified().equals(modified(audio));
        return same ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    /** Writes the three files, the record last. */
    public void write(Record record, List<String> labels, List<WindowScore> windows, List<WindowScore> raw,
            List<Detection> detections, int ravenChannel) {
        writeWindows(windowsCsv(), labels, windows, raw);
        RavenTable.write(selections(), detections.stream().map(d -> d.toSelection(ravenChannel)).toList(), LABEL_COLUMN);
        Json.writeFile(recordFile(), record);
    }

    /**
     * Per-window CSV: {@code window,start_s,end_s,low_hz,high_hz,p_<label>...} with the probabilities
     * the detections were made from, then {@code raw_p_<label>...} when post-processing changed them
     * ({@code raw} not null).
     */
    static void writeWindows(Path csv, List<String> labels, List<WindowScore> windows, List<WindowScore> raw) {
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("window", "start_s", "end_s", "low_hz", "high_hz"));
            labels.forEach(l -> header.add("p_" + l));
            if (raw != null) {
                labels.forEach(l -> header.add("raw_p_" + l));
            }
            // Labels may hold commas or quotes: the header is quoted as CSV needs (the rows are numbers).
            w.write(CSVFormat.DEFAULT.format(header.toArray()) + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < windows.size(); i++) {
                WindowScore s = windows.get(i);
                sb.setLength(0);
                sb.append(s.index()).append(',').append(num(s.startS())).append(',').append(num(s.endS())).append(',')
                        .append(Double.isNaN(s.lowHz()) ? "" : num(s.lowHz())).append(',')
                        .append(Double.isNaN(s.highHz()) ? "" : num(s.highHz()));
                for (float p : s.probabilities()) {
                    sb.append(',').append(prob(p));
                }
                if (raw != null) {
                    for (float p : raw.get(i).probabilities()) {
                        sb.append(',').append(prob(p));
                    }
                }
                w.write(sb.append('\n').toString());
            }
            w.flush();
        });
    }

    /** Reads a per-window CSV back (the {@code p_} columns), checking it holds {@code labels}. */
    public static List<WindowScore> readWindows(Path csv, List<String> labels) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<WindowScore> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, format)) {
            for (String l : labels) {
                if (!parser.getHeaderMap().containsKey("p_" + l)) {
                    throw new EchomaskException(csv + ": no column p_" + l + "; written by another model?");
                }
            }
            for (CSVRecord r : parser) {
                float[] p = new float[labels.size()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = Float.parseFloat(r.get("p_" + labels.get(j)));
                }
                out.add(new WindowScore(Long.parseLong(r.get("window")), Double.parseDouble(r.get("start_s")),
                        Double.parseDouble(r.get("end_s")), p, optional(r.get("low_hz")), optional(r.get("high_hz"))));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EchomaskException(csv + ": unreadable window CSV: " + e.getMessage(), e);
        }
        return out;
    }

    /** Reads the detections of a written Raven table back. */
    public static List<Detection> readDetections(Path table) {
        List<Detection> out = new ArrayList<>();
        for (Selection s : RavenTable.read(table, LABEL_COLUMN)) {
            String score = s.extra().getOrDefault(Detection.SCORE_COLUMN, "");
            String windows = s.extra().getOrDefault(Detection.WINDOWS_COLUMN, "1");
            out.add(new Detection(s.label(), s.begin(), s.end(), s.lowFreqHz(), s.highFreqHz(),
                    score.isEmpty() ? Double.NaN : Double.parseDouble(score), 0, Math.max(0, Long.parseLong(windows) - 1)));
        }
        return out;
    }

    /** The file's size in bytes, or -1 when it cannot be read. */
    public static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static String modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant().toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static double optional(String cell) {
        return cell == null || cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static String prob(float p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}
