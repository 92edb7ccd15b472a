package org.echomask.mask;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;

/**
 * Binary masks as 8-bit greyscale PNG (255 = signal, 0 = background), laid out like the
 * spectrogram images: mask row 0 (lowest frequency) is the bottom row of the picture.
 */
public final class BinaryMasks {
    private BinaryMasks() {}

    public static void write(Path png, boolean[][] mask) {
        int h = mask.length;
        int w = h == 0 ? 0 : mask[0].length;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("empty mask");
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                r.setSample(t, h - 1 - f, 0, mask[f][t] ? 255 : 0);
            }
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** Reads a mask PNG; any grey level of 128 or more counts as signal. */
    public static boolean[][] read(Path png) {
        BufferedImage img;
        try {
            img = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new EchomaskException(png + ": cannot read mask: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new EchomaskException(png + ": not an image");
        }
        Raster r = img.getRaster();
        int h = img.getHeight();
        int w = img.getWidth();
        boolean[][] mask = new boolean[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                mask[f][t] = r.getSample(t, h - 1 - f, 0) >= 128;
            }
        }
        return mask;
    }

    /** Fraction of pixels set. */
    public static double coverage(boolean[][] mask) {
        long on = 0;
        long all = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                on += b ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : on / (double) all;
    }
}
