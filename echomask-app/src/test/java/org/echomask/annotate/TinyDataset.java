package org.echomask.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Json;
import org.echomask.io.Npy;
import org.echomask.spectrogram.SpectrogramImages;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * A dataset directory small enough for every annotation test: {@code n} examples of
 * {@code width x height} dB-like noise with one bright horizontal ridge (a "whistle") each, no HQ
 * masks, made with the origin transform's metadata (0-144 kHz).
 */
final class TinyDataset {
    private TinyDataset() {}

    static List<DatasetEntry> create(Path dir, int n, int width, int height) {
        Random rnd = new Random(7);
        List<DatasetEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("ex-%03d", i);
            float[][] v = new float[height][width];
            int ridge = height / 4 + i * 3 % (height / 2);
            for (int f = 0; f < height; f++) {
                for (int t = 0; t < width; t++) {
                    v[f][t] = (float) (-60 + 3 * rnd.nextGaussian());
                    if (Math.abs(f - ridge) <= 1 && t >= width / 3 && t < width / 3 + width / 4) {
                        v[f][t] += 40;
                    }
                }
            }
            Npy.write(dir.resolve("arrays/" + id + ".npy"), v);
            SpectrogramImages.writeGray(dir.resolve("images/" + id + ".png"), v);
            entries.add(new DatasetEntry(id, "audio/" + id + ".wav", i * 1.0, i * 1.0 + 1, List.of("beluga_whistle"),
                    i % 4 == 3 ? "val" : "train", "g" + i, "arrays/" + id + ".npy", "images/" + id + ".png", "",
                    Map.of()));
        }
        DatasetManifest.write(dir.resolve(DatasetManifest.FILE_NAME), entries);
        Json.writeFile(dir.resolve(DatasetInfo.FILE_NAME), new DatasetInfo(DatasetInfo.FORMAT, "manifest", "test.csv",
                SpectrogramTransform.ORIGIN, List.of("beluga_whistle"), 1, 1, false,
                Map.of("train", n - n / 4, "val", n / 4), 0, "test"));
        return entries;
    }
}
