package org.echomask.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.MonoAudio;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.Resampler;
import org.echomask.io.Npy;
import org.echomask.spectrogram.MelScale;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramImages;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.spectrogram.SpectrogramTransformBuilder;
import org.echomask.spectrogram.Stft;
import org.echomask.spectrogram.WindowType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = {"Render one recording's spectrogram to .npy (and optionally PNG).",
                "The array is float32 [frequency, time], row 0 = lowest frequency; the PNG has labelled axes.",
                "Options override the chosen transform."})
final class SpectrogramCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Audio file (WAV or FLAC).")
    Path input;

    @Option(names = "--out", required = true, description = "Output .npy file.")
    Path out;

    @Option(names = "--transform", defaultValue = "plain", converter = Enums.Transforms.class,
            completionCandidates = Enums.Transforms.class,
            description = "Built-in transform name (${COMPLETION-CANDIDATES}) or a JSON file. Default: ${DEFAULT-VALUE}.")
    SpectrogramTransform transform;

    @Option(names = "--n-fft", converter = FftLength.class, description = "FFT length (8 to 2^20).")
    Integer nFft;

    @Option(names = "--hop", converter = Bounds.Positive.class, description = "Hop in samples (>= 1).")
    Integer hop;

    @Option(names = "--window", description = "Window: ${COMPLETION-CANDIDATES}.", converter = Enums.Windows.class,
            completionCandidates = Enums.Windows.class)
    WindowType window;

    @Option(names = "--scale", description = "Intensity scale: ${COMPLETION-CANDIDATES}.", converter = Enums.Scales.class,
            completionCandidates = Enums.Scales.class)
    Scale scale;

    @Option(names = "--fmin", converter = Bounds.NonNegativeReal.class, description = "Lowest frequency kept, Hz.")
    Double fmin;

    @Option(names = "--fmax", converter = Bounds.NonNegativeReal.class, description = "Highest frequency kept, Hz (0 = Nyquist).")
    Double fmax;

    @Option(names = "--mel", converter = MelBands.class, description = "Number of mel bands (0 = linear frequency; at most 4096).")
    Integer mel;

    @Mixin
    ChannelOption channel;

    @Option(names = "--png", description = "Also write a colour PNG with axes.")
    Path png;

    /** The transform's own range of FFT lengths. */
    static final class FftLength implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Bounds.intIn(value, 8, 1 << 20);
        }
    }

    /** Mel bands: a filter bank is bands x bins; thousands of bands already resolve more than any FFT here. */
    static final class MelBands implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Bounds.intIn(value, 0, 4096);
        }
    }

    /**
     * The most cells (frequency bins x frames, before any crop or mel) a spectrogram may have:
     * 2^28 floats, 1 GiB. A long recording at a hop of one sample asks for far more and ran the
     * heap out; the grid is checked before it is computed.
     */
    static final long MAX_CELLS = 1L << 28;

    @Override
    public Integer call() {
        SpectrogramTransformBuilder b = SpectrogramTransform.builder(transform);
        if (nFft != null) {
            b.nFft(nFft);
        }
        if (hop != null) {
            b.hop(hop);
        }
        if (window != null) {
            b.window(window);
        }
        if (scale != null) {
            b.scale(scale);
        }
        if (fmin != null) {
            b.fminHz(fmin);
        }
        if (fmax != null) {
            b.fmaxHz(fmax);
        }
        if (mel != null) {
            b.melBands(mel);
            if (mel > 0) {
                b.melScale(MelScale.SLANEY);
            }
        }
        SpectrogramTransform t = b.build();
        MonoAudio audio = AudioReaders.readMono(input, new ChannelMix(channel.channel));
        int rate = t.sampleRate() == 0 ? audio.sampleRate() : t.sampleRate();
        float[] samples = rate == audio.sampleRate() ? audio.samples()
                : Resampler.resample(audio.samples(), audio.sampleRate(), rate);
        long frames = Stft.frameCount(samples.length, t.nFft(), t.hop(), t.center());
        long cells = (t.nFft() / 2 + 1) * frames;
        if (cells > MAX_CELLS) {
            throw new EchomaskException(input + ": a spectrogram of " + (t.nFft() / 2 + 1) + " bins x " + frames + " frames ("
                    + cells * 4 / (1 << 20) + " MiB) is over the limit of " + MAX_CELLS * 4 / (1 << 20) + " MiB; use a larger"
                    + " --hop or a smaller --n-fft");
        }
        Spectrogram s = t.apply(samples, rate);
        Npy.write(out, s.values());
        System.out.printf(Locale.ROOT, "%s: %d frequency bins x %d frames (%s, %d Hz, n_fft %d, hop %d) -> %s%n", input,
                s.frequencyBins(), s.frames(), t.name(), rate, t.nFft(), t.hop(), out);
        if (png != null) {
            SpectrogramImages.writeColour(png, s);
            System.out.println("picture -> " + png);
        }
        return 0;
    }
}
