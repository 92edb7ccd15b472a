package org.echomask.spectrogram;

/**
 * Changes some fields of an existing transform, e.g. from command-line options:
 * {@code SpectrogramTransform.builder(ORIGIN).nFft(2048).hop(256).name("origin-2048").build()}.
 * Validation happens in {@link #build()} (the record's constructor), so every combination is
 * checked the same way a JSON config is.
 */
public final class SpectrogramTransformBuilder {
    private String name;
    private int sampleRate;
    private WindowType window;
    private int nFft;
    private int hop;
    private boolean center;
    private Scale scale;
    private double dbFloor;
    private Double topDb;
    private double fminHz;
    private double fmaxHz;
    private int melBands;
    private MelScale melScale;
    private PcenConfig pcen;
    private int outputHeight;
    private int outputWidth;
    private Normalisation normalisation;

    SpectrogramTransformBuilder(SpectrogramTransform b) {
        name = b.name();
        sampleRate = b.sampleRate();
        window = b.window();
        nFft = b.nFft();
        hop = b.hop();
        center = b.center();
        scale = b.scale();
        dbFloor = b.dbFloor();
        topDb = b.topDb();
        fminHz = b.fminHz();
        fmaxHz = b.fmaxHz();
        melBands = b.melBands();
        melScale = b.melScale();
        pcen = b.pcen();
        outputHeight = b.outputHeight();
        outputWidth = b.outputWidth();
        normalisation = b.normalisation();
    }

    public SpectrogramTransformBuilder name(String v) {
        name = v;
        return this;
    }

    public SpectrogramTransformBuilder sampleRate(int v) {
        sampleRate = v;
        return this;
    }

    public SpectrogramTransformBuilder window(WindowType v) {
        window = v;
        return this;
    }

    public SpectrogramTransformBuilder nFft(int v) {
        nFft = v;
        return this;
    }

    public SpectrogramTransformBuilder hop(int v) {
        hop = v;
        return this;
    }

    public SpectrogramTransformBuilder center(boolean v) {
        center = v;
        return this;
    }

    public SpectrogramTransformBuilder scale(Scale v) {
        scale = v;
        return this;
    }

    public SpectrogramTransformBuilder dbFloor(double v) {
        dbFloor = v;
        return this;
    }

    /** Null turns the clip off. */
    public SpectrogramTransformBuilder topDb(Double v) {
        topDb = v;
        return this;
    }

    public SpectrogramTransformBuilder fminHz(double v) {
        fminHz = v;
        return this;
    }

    /** 0 means Nyquist. */
    public SpectrogramTransformBuilder fmaxHz(double v) {
        fmaxHz = v;
        return this;
    }

    /** 0 turns mel off; a positive count with no mel scale yet picks Slaney (librosa's default). */
    public SpectrogramTransformBuilder melBands(int v) {
        melBands = v;
        if (v > 0 && melScale == null) {
            melScale = MelScale.SLANEY;
        }
        return this;
    }

    public SpectrogramTransformBuilder melScale(MelScale v) {
        melScale = v;
        return this;
    }

    /** Null turns PCEN off. */
    public SpectrogramTransformBuilder pcen(PcenConfig v) {
        pcen = v;
        return this;
    }

    public SpectrogramTransformBuilder outputHeight(int v) {
        outputHeight = v;
        return this;
    }

    public SpectrogramTransformBuilder outputWidth(int v) {
        outputWidth = v;
        return this;
    }

    /** Rows × columns after resizing; 0 keeps the native count. */
    public SpectrogramTransformBuilder outputSize(int height, int width) {
        outputHeight = height;
        outputWidth = width;
        return this;
    }

    public SpectrogramTransformBuilder normalisation(Normalisation v) {
        normalisation = v;
        return this;
    }

    public SpectrogramTransform build() {
        return new SpectrogramTransform(name, sampleRate, window, nFft, hop, center, scale, dbFloor, topDb, fminHz,
                fmaxHz, melBands, melScale, pcen, outputHeight, outputWidth, normalisation);
    }
}
