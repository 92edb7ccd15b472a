package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.ExampleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated and random bytes through the annotation and manifest readers: each input is read or
 * refused with the reader's own exception (which names the file); nothing else may escape
 * (IllegalArgumentException, IndexOutOfBounds, NumberFormatException...). A small, seeded stand-in
 * for the fuzz campaign, so a regression shows in the ordinary build.
 */
class ReaderRobustnessTest {
    private static final int INPUTS = Integer.getInteger("echomask.robustness.inputs", 300);
    private static final byte[] SPECIAL = "\t\n\r\",;|+.-eE0123456789\\\uFEFF\u00FF ".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private record Tally(int tried, int refused, int accepted, List<String> escaped) {}

    private Tally run(String seed, Class<? extends EchomaskException> allowed, Consumer<Path> reader) throws Exception {
        Random rnd = new Random(seed.hashCode());
        byte[] base = seed.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("input.txt");
        int refused = 0;
        int accepted = 0;
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = i % 10 == 9 ? randomBytes(rnd) : mutate(base, rnd);
            Files.write(file, input);
            try {
                reader.accept(file);
                accepted++;
            } catch (EchomaskException e) {
                if (!allowed.isInstance(e) || e.getMessage() == null || !e.getMessage().contains(file.toString())) {
                    escaped.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                } else {
                    refused++;
                }
            } catch (RuntimeException e) {
                escaped.add(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        return new Tally(INPUTS, refused, accepted, escaped);
    }

    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(200)];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] mutate(byte[] base, Random rnd) {
        List<Byte> b = new ArrayList<>();
        for (byte x : base) {
            b.add(x);
        }
        int edits = 1 + rnd.nextInt(6);
        for (int k = 0; k < edits && !b.isEmpty(); k++) {
            int at = rnd.nextInt(b.size());
            switch (rnd.nextInt(5)) {
                case 0 -> b.set(at, SPECIAL[rnd.nextInt(SPECIAL.length)]);
                case 1 -> b.add(at, SPECIAL[rnd.nextInt(SPECIAL.length)]);
                case 2 -> b.remove(at);
                case 3 -> b.set(at, (byte) rnd.nextInt(256));
                default -> b.subList(at, b.size()).clear();
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static void report(String reader, Tally t) {
        System.out.printf("%s: %d inputs, %d refused clearly, %d accepted, %d escaped%n", reader, t.tried(), t.refused(),
                t.accepted(), t.escaped().size());
        assertThat(t.escaped()).as(reader).isEmpty();
    }

    @Test
    void ravenTables() throws Exception {
        report("Raven", run("Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tSpecies\n"
                + "1\tSpectrogram 1\t1\t0.5\t1.25\t100\t900\torca\n2\tWaveform 1\t2\t3\t4.5\t\t\thumpback whale\n",
                AnnotationFileException.class, p -> RavenTable.read(p)));
    }

    @Test
    void audacityLabels() throws Exception {
        report("Audacity", run("0.500000\t1.250000\torca\n\\\t100.000000\t900.000000\n3,5\t4,5\thumpback\n",
                AnnotationFileException.class, AudacityLabels::read));
    }

    @Test
    void csvAnnotations() throws Exception {
        report("CSV annotations", run("recording,begin_s,end_s,low_hz,high_hz,label,Notes\n"
                + "a.wav,0.5,1.25,100,900,orca,\"said \"\"hi\"\"\"\nb.wav,3,4.5,,,humpback,\n",
                AnnotationFileException.class, CsvAnnotations::read));
    }

    @Test
    void datasetManifests() throws Exception {
        report("dataset manifest", run("id,recording,start_s,end_s,labels,split,group,array,image,hq_mask,hq_status\n"
                + "a_w0000,../a.wav,0,2.5,orca;humpback,train,t1,arrays/a.npy,images/a.png,masks/hq/a.png,accepted\n"
                + "b,\"b, c.wav\",1.25,3.125,,val,,arrays/b.npy,,,\n", EchomaskException.class, DatasetManifest::read));
    }

    @Test
    void sourceManifests() throws Exception {
        report("source manifest", run("path,labels,split,tape\na.wav,orca;humpback,train,t1\n\"b, c.wav\",,val,t2\n",
                EchomaskException.class, p -> ExampleSources.fromManifest(p, null)));
    }
}
