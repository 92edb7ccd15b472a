package org.echomask.annotate;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Masks on the wire: PNG, 255 (white) = signal, laid out like the spectrogram images (mask row 0,
 * the lowest frequency, is the bottom row). Uploads are checked before anything is decoded fully:
 * size limit, PNG signature, IHDR dimensions equal to the example's image; only then decoded.
 */
public final class MaskCodec {
    /** Largest accepted upload; a 2048 x 2048 mask compresses far below this. */
    public static final int MAX_UPLOAD_BYTES = 4 << 20;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private MaskCodec() {}

    /** An upload that is not an acceptable mask; the message says why, for the HTTP 400/413 answer. */
    public static final class InvalidMask extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        InvalidMask(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** The mask as an 8-bit grey PNG (the format {@link org.echomask.mask.BinaryMasks} writes). */
    public static byte[] encode(boolean[][] mask) {
        int h = mask.length;
        int w = mask[0].length;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                r.setSample(t, h - 1 - f, 0, mask[f][t] ? 255 : 0);
            }
        }
        return png(img);
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes an uploaded mask of exactly {@code width x height} pixels. A pixel is signal when its
     * first band (grey or red) is at least 128 and, if the image has alpha, it is at least half
     * opaque, so both grey PNGs and a browser canvas's RGBA export work.
     *
     * @throws InvalidMask when it is too large, not a PNG, undecodable or of another size
     */
    public static boolean[][] decode(byte[] png, int width, int height) {
        if (png.length > MAX_UPLOAD_BYTES) {
            throw new InvalidMask("mask upload of " + png.length + " bytes is over the limit of " + MAX_UPLOAD_BYTES, true);
        }
        if (png.length < 33 || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw new InvalidMask("mask upload is not a PNG image", false);
        }
        // IHDR is the first chunk: length(4) "IHDR"(4) width(4) height(4) at offset 8.
        ByteBuffer b = ByteBuffer.wrap(png);
        if (b.getInt(8) != 13 || b.get(12) != 'I' || b.get(13) != 'H' || b.get(14) != 'D' || b.get(15) != 'R') {
            throw new InvalidMask("mask upload is not a valid PNG (no IHDR chunk first)", false);
        }
        long w = b.getInt(16) & 0xffffffffL;
        long h = b.getInt(20) & 0xffffffffL;
        if (w != width || h != height) {
            throw new InvalidMask("mask is " + w + "x" + h + " pixels but the example's image is " + width + "x" + height,
                    false);
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new InvalidMask("mask upload is not a decodable PNG: " + e.getMessage(), false);
        }
        if (img == null || img.getWidth() != width || img.getHeight() != height) {
            throw new InvalidMask("mask upload is not a decodable PNG of " + width + "x" + height, false);
        }
        if (img.getColorModel() instanceof java.awt.image.IndexColorModel) {
            img = toArgb(img); // palette PNGs: band 0 holds indices, not levels
        }
        Raster r = img.getRaster();
        boolean alpha = img.getColorModel().hasAlpha();
        int alphaBand = r.getNumBands() - 1;
        int alphaMax = alpha ? (1 << img.getColorModel().getComponentSize(alphaBand)) - 1 : 1;
        int firstMax = (1 << img.getColorModel().getComponentSize(0)) - 1;
        boolean[][] mask = new boolean[height][width];
        for (int f = 0; f < height; f++) {
            int y = height - 1 - f;
            for (int t = 0; t < width; t++) {
                boolean on = r.getSample(t, y, 0) * 2 >= firstMax + 1;
                if (on && alpha) {
                    on = r.getSample(t, y, alphaBand) * 2 >= alphaMax + 1;
                }
                mask[f][t] = on;
            }
        }
        return mask;
    }

    private static BufferedImage toArgb(BufferedImage img) {
        BufferedImage argb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(img, 0, 0, null);
        return argb;
    }
}
