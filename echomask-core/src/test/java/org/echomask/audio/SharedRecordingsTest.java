package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.echomask.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Real recordings from ../shared/data (skipped where absent). */
class SharedRecordingsTest {

    private static List<CSVRecord> csv(Reader r) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }

    @Test
    void fixturesMatchWhatScipyReads() throws IOException {
        Path dir = SharedData.requireData("fixtures");
        List<CSVRecord> rows;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/golden/audio/fixtures.csv"),
                StandardCharsets.UTF_8)) {
            rows = csv(r);
        }
        assertThat(rows).hasSize(5);
        for (CSVRecord row : rows) {
            Path p = dir.resolve(row.get("file"));
            MonoAudio a = AudioReaders.readMono(p, ChannelMix.MEAN);
            assertThat(a.sampleRate()).as(p.toString()).isEqualTo(Integer.parseInt(row.get("sample_rate")));
            assertThat(a.info().channels()).isEqualTo(Integer.parseInt(row.get("channels")));
            assertThat(a.info().frames()).isEqualTo(Long.parseLong(row.get("frames")));
            assertThat(a.samples()).hasSize(Integer.parseInt(row.get("frames")));
            double meanAbs = 0;
            for (float v : a.samples()) {
                meanAbs += Math.abs(v);
            }
            meanAbs /= a.samples().length;
            double expected = Double.parseDouble(row.get("mean_abs"));
            assertThat(meanAbs).as(p.toString()).isCloseTo(expected, within(expected * 1e-6));
        }
    }

    /**
     * 84021003.wav: 12 bits in 16-bit containers (block align 2), but the byte rate (61440) and the
     * data size (232320) were computed for packed 12-bit samples. The bytes after the data chunk
     * continue the waveform without a jump, so the recording is the 154880 frames in the file.
     */
    @Test
    void malformedWatkinsHeaderIsRepairedAndSaysSo() {
        Path p = SharedData.requireData("watkins/audio/sperm_whale/84021003.wav");
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().sampleRate()).isEqualTo(40960);
            assertThat(r.info().channels()).isEqualTo(1);
            assertThat(r.info().frames()).isEqualTo(154880);
            assertThat(r.repairs()).contains("12-bit samples read from 16-bit containers",
                    "byte rate 61440 ignored; expected 81920",
                    "data size 232320 computed for packed 12-bit samples; the 16-bit samples fill the remaining "
                            + "309760 bytes");
            float[][] all = AudioTestSupport.readAll(r, 4096);
            assertThat(all[0]).hasSize(154880);
            // The repaired boundary (frame 116160) is as smooth as the rest of the waveform.
            float jump = Math.abs(all[0][116160] - all[0][116159]);
            assertThat(jump).isLessThan(0.05f);
        }
    }

    /**
     * Opens and decodes every file of the manifest. The manifest has 340 rows but 339 files:
     * audio/vessel/9.wav is listed twice (11 s and 18 s, different md5), the file on disk is the
     * 18-s one; a file therefore matches when its length fits any of its rows.
     */
    @Test
    void everyWatkinsFileLoads() throws IOException {
        Path root = SharedData.requireData("watkins");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(root.resolve("manifest.csv"))) {
            rows = csv(r);
        }
        List<String> failures = new ArrayList<>();
        int repaired = 0;
        float[][] buf = new float[8][1 << 15];
        java.util.Map<String, List<Double>> durations = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> rates = new java.util.HashMap<>();
        for (CSVRecord row : rows) {
            durations.computeIfAbsent(row.get("path"), k -> new ArrayList<>()).add(Double.parseDouble(row.get("duration_s")));
            rates.put(row.get("path"), Integer.parseInt(row.get("sample_rate")));
        }
        for (var entry : durations.entrySet()) {
            Path p = root.resolve(entry.getKey());
            try (AudioSource src = AudioReaders.open(p)) {
                if (src.info().sampleRate() != rates.get(entry.getKey())) {
                    failures.add(p + ": rate " + src.info().sampleRate());
                }
                long frames = 0;
                int n;
                while ((n = src.read(buf, 0, buf[0].length)) >= 0) {
                    frames += n;
                }
                int rate = src.info().sampleRate();
                long total = frames;
                boolean fits = entry.getValue().stream()
                        .anyMatch(d -> Math.abs(total - Math.round(d * rate)) <= rate / 1000 + 1);
                if (src instanceof WavReader w && !w.repairs().isEmpty()) {
                    repaired++;
                } else if (!fits) {
                    failures.add(p + ": " + frames + " frames, manifest says " + entry.getValue() + " s");
                }
            } catch (AudioFileException e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(rows).hasSize(340);
        assertThat(durations).hasSize(339);
        assertThat(failures).isEmpty();
        assertThat(repaired).isEqualTo(1);
    }
}
