package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echomask.cli.CommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.annotate.AnnotationStore;
import org.echomask.audio.WavWriter;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Npy;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.echomask.mask.BinaryMasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `echomask dataset` run again over its own output, and with Raven tables that cannot all be used. */
class DatasetCommandTest {

    private static float[] tone(double hz, double seconds) {
        float[] x = new float[(int) Math.round(16_000 * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16_000));
        }
        return x;
    }

    @Test
    void rebuildingKeepsTheMasksAcceptedInAnnotate(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        WavWriter.write(audio.resolve("whale/a.wav"), tone(500, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        Path ds = dir.resolve("ds");
        String[] build = {"dataset", "--folders", audio.toString(), "--out", ds.toString(), "--transform", "watkins",
                "--window-s", "0.5", "--threads", "1"};
        CommandsTest.Result first = run(build);
        assertThat(first.code()).as(first.err()).isZero();
        DatasetEntry e = DatasetManifest.read(ds.resolve("manifest.csv")).get(1);
        int[] shape = Npy.read(ds.resolve(e.array())).shape();
        boolean[][] mask = new boolean[shape[0]][shape[1]];
        mask[shape[0] / 2][shape[1] / 2] = true;
        AnnotationStore.open(ds).accept(e.id(), mask);

        CommandsTest.Result again = run(build);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("HQ masks of the previous build: 1 kept");
        DatasetEntry kept = DatasetManifest.read(ds.resolve("manifest.csv")).get(1);
        assertThat(kept.hqMask()).isEqualTo("masks/hq/" + e.id() + ".png");
        assertThat(kept.extra()).containsEntry(AnnotationStore.STATUS_COLUMN, "accepted");
        assertThat(BinaryMasks.read(ds.resolve(kept.hqMask()))).isDeepEqualTo(mask);

        // Another window length: the mask no longer fits any example and is moved aside, not deleted.
        build[build.length - 3] = "0.25";
        CommandsTest.Result rewindowed = run(build);
        assertThat(rewindowed.code()).as(rewindowed.err()).isZero();
        assertThat(rewindowed.out()).contains("0 kept", "1 no longer fit", "hq-orphaned");
        assertThat(BinaryMasks.read(ds.resolve("masks/hq-orphaned/" + e.id() + ".png"))).isDeepEqualTo(mask);
    }

    @Test
    void aBadRavenTableIsReportedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        Path tables = dir.resolve("tables");
        WavWriter.write(audio.resolve("good.wav"), tone(500, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("bad.wav"), tone(500, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        RavenTable.write(tables.resolve("good.Table.1.selections.txt"), List.of(new Selection(0.1, 0.4, 100, 900, "orca")),
                "Species");
        Files.writeString(tables.resolve("bad.Table.1.selections.txt"), "Begin Time (s)\tEnd Time (s)\n0\t1\n");
        CommandsTest.Result r = run("dataset", "--raven", tables.toString(), "--audio", audio.toString(), "--out",
                dir.resolve("ds").toString(), "--transform", "watkins", "--window-s", "0.5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("left out 2", "bad.Table.1.selections.txt", "no label column");
        assertThat(DatasetManifest.read(dir.resolve("ds/manifest.csv"))).extracting(DatasetEntry::recording)
                .allSatisfy(rec -> assertThat(rec).endsWith("good.wav"));
    }
}
