package org.echomask.mask;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Npy;

/**
 * Gaussian soft masks (SPEC section 1 step 4): {@code S = exp(-d^2 / (2 sigma^2))} where {@code d}
 * is the Euclidean distance to the nearest mask pixel, so {@code S = 1} inside the mask and decays
 * with distance. An empty mask gives all 0 (its distances are infinite). Stored as 16-bit
 * greyscale PNG ({@code round(S * 65535)}, mask row 0 = bottom row of the picture, like
 * {@link BinaryMasks}) or as float32 {@code .npy} {@code [frequency][time]}.
 */
public final class SoftMasks {
    private static final int MAX16 = 65535;

    private SoftMasks() {}

    /** Soft mask with decay {@code sigmaPixels} (> 0) in pixels on both axes. */
    public static float[][] gaussian(boolean[][] mask, double sigmaPixels) {
        return gaussian(mask, sigmaPixels, 1, 1);
    }

    /**
     * Soft mask where distances are measured with pixel spacings {@code frequencySpacing} and
     * {@code timeSpacing}, and {@code sigma} is in the same units as those spacings.
     */
    public static float[][] gaussian(boolean[][] mask, double sigma, double frequencySpacing, double timeSpacing) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("soft-mask sigma must be finite and > 0, got " + sigma);
        }
        double[][] d2 = DistanceTransform.squared(mask, frequencySpacing, timeSpacing);
        double scale = -1 / (2 * sigma * sigma);
        float[][] s = new float[d2.length][];
        for (int f = 0; f < d2.length; f++) {
            s[f] = new float[d2[f].length];
            for (int t = 0; t < s[f].length; t++) {
                s[f][t] = (float) Math.exp(d2[f][t] * scale);
            }
        }
        return s;
    }

    /** Writes a soft mask (values in [0, 1]) as a 16-bit greyscale PNG, atomically. */
    public static void writePng16(Path png, float[][] soft) {
        int h = soft.length;
        int w = Masks.columns(soft);
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException(png + ": empty soft mask");
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                float v = soft[f][t];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException(png + ": soft-mask value " + v + " at [" + f + "][" + t
                            + "] is outside [0, 1]");
                }
                r.setSample(t, h - 1 - f, 0, Math.round(v * MAX16));
            }
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /**
     * Reads a greyscale PNG as a soft mask in [0, 1]: 16-bit levels are divided by 65535, 8-bit
     * levels by 255 (so a {@link BinaryMasks} file reads as 0/1).
     */
    public static float[][] readPng16(Path png) {
        BufferedImage img;
        try {
            img = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new EchomaskException(png + ": cannot read soft mask: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new EchomaskException(png + ": not an image");
        }
        Raster r = img.getRaster();
        if (r.getNumBands() != 1) {
            throw new EchomaskException(png + ": soft mask must be greyscale, found " + r.getNumBands() + " bands");
        }
        int bits = img.getSampleModel().getSampleSize(0);
        double max = (1L << bits) - 1;
        int h = img.getHeight();
        int w = img.getWidth();
        float[][] soft = new float[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                soft[f][t] = (float) (r.getSample(t, h - 1 - f, 0) / max);
            }
        }
        return soft;
    }

    /** Writes a soft mask as float32 {@code .npy} {@code [frequency][time]}, atomically. */
    public static void writeNpy(Path npy, float[][] soft) {
        Npy.write(npy, soft);
    }

    /** Reads a 2-D {@code .npy} soft mask. */
    public static float[][] readNpy(Path npy) {
        Npy.Array a = Npy.read(npy);
        if (a.shape().length != 2) {
            throw new EchomaskException(npy + ": soft mask must be 2-D, found " + a.shape().length + " dimensions");
        }
        return a.toMatrix();
    }
}
