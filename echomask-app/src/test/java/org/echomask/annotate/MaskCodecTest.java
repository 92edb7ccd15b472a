package org.echomask.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The wire format of masks: round trip, the browser's RGBA export, palette PNGs, and refusals. */
class MaskCodecTest {

    @Test
    void roundTripKeepsOrientation() {
        boolean[][] m = new boolean[3][5];
        m[0][1] = true; // lowest frequency row = bottom row of the picture
        m[2][4] = true;
        assertThat(MaskCodec.decode(MaskCodec.encode(m), 5, 3)).isDeepEqualTo(m);
    }

    @Test
    void readsRgbaWithAlphaAndPalettePngs() throws IOException {
        BufferedImage rgba = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 1, Color.WHITE.getRGB());           // bottom-left: signal
        rgba.setRGB(1, 1, 0x00ffffff);                      // white but transparent: background
        rgba.setRGB(3, 0, new Color(200, 200, 200).getRGB()); // light grey top-right: signal
        boolean[][] m = MaskCodec.decode(png(rgba), 4, 2);
        assertThat(m[0]).containsExactly(true, false, false, false);
        assertThat(m[1]).containsExactly(false, false, false, true);

        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0},
                new byte[] {(byte) 255, 0});
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(0, 0, 0, 0); // index 0 is white
        indexed.getRaster().setSample(1, 0, 0, 1); // index 1 is black
        assertThat(MaskCodec.decode(png(indexed), 2, 1)[0]).containsExactly(true, false);
    }

    @Test
    void refusesWhatIsNotAnAcceptableMask() {
        byte[] ok = MaskCodec.encode(new boolean[2][2]);
        assertThatThrownBy(() -> MaskCodec.decode(ok, 3, 2)).hasMessageContaining("2x2 pixels but the example's image is 3x2");
        assertThatThrownBy(() -> MaskCodec.decode("GIF89a....".getBytes(), 2, 2)).hasMessageContaining("not a PNG");
        MaskCodec.InvalidMask big = (MaskCodec.InvalidMask) org.assertj.core.api.Assertions.catchThrowable(
                () -> MaskCodec.decode(new byte[MaskCodec.MAX_UPLOAD_BYTES + 1], 2, 2));
        assertThat(big.tooLarge()).isTrue();
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
