package org.echomask.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.ChannelMix;
import org.echomask.spectrogram.Decibels;
import org.echomask.spectrogram.Stft;
import org.echomask.spectrogram.StftStream;
import org.echomask.spectrogram.WindowType;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Front-end throughput on one WAV (not a test): raw JTransforms realForward over the STFT's frames
 * (one core and all cores) against our STFT → power → dB, one-shot and streaming, and the whole
 * front end from the file (the real WAV decoder, then STFT and dB).
 *
 * <pre>java -cp ... org.echomask.bench.FrontEndBench file.wav [nFft=1024] [hop=512] [repeats=5]</pre>
 */
public final class FrontEndBench {
    private FrontEndBench() {}

    public static void main(String[] args) throws IOException {
        Path wav = Path.of(args[0]);
        int nFft = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int hop = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long t0 = System.nanoTime();
        float[] x = decode(wav);
        double decodeS = (System.nanoTime() - t0) / 1e9;
        int frames = Stft.frameCount(x.length, nFft, hop, true);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s: %d samples, %d frames of %d (hop %d), %d cores; first decode %.2f s%n",
                wav, x.length, frames, nFft, hop, cores, decodeS);
        float[] window = Stft.window(WindowType.HANN, nFft);
        // Memory: the whole-file grid is frames × (nFft/2+1) floats; run in segments of ~60 s of frames.
        int segFrames = Math.max(1, Math.min(frames, 30_000));
        // The machine may be shared: variants are interleaved and the best of the runs is reported.
        double[] best = new double[8];
        String[] names = {"raw FFT 1 core", "raw FFT " + cores + " cores", "STFT+dB (fused, top_db)",
            "STFT power only", "separate dB pass", "STFT+dB two passes", "streaming STFT+dB",
            "decode+STFT+dB end to end"};
        int seg = segFrames;
        float[] head = java.util.Arrays.copyOf(x, seg * hop);
        float[][] grid = Stft.power(head, window, hop, true, 0, nFft / 2);
        for (int r = 0; r < repeats; r++) {
            double[] v = {
                rate(x.length, () -> rawFft(x, nFft, hop, 1)),
                rate(x.length, () -> rawFft(x, nFft, hop, cores)),
                rate(x.length, () -> stftDb(x, window, hop, seg)),
                rate(head.length, () -> Stft.power(head, window, hop, true, 0, nFft / 2)),
                rate(head.length, () -> Decibels.toDbInPlace(copy(grid), 1e-10, 80.0)),
                rate(x.length, () -> stftThenDb(x, window, hop, seg)),
                rate(x.length, () -> streamDb(x, nFft, hop)),
                rate(x.length, () -> stftDb(decode(wav), window, hop, seg)),
            };
            StringBuilder line = new StringBuilder("run " + r + ":");
            for (int i = 0; i < v.length; i++) {
                best[i] = Math.max(best[i], v[i]);
                line.append(String.format(Locale.ROOT, " %s %.1f;", names[i], v[i]));
            }
            System.out.println(line);
        }
        System.out.println("best of " + repeats + " (Msamples/s):");
        for (int i = 0; i < best.length; i++) {
            System.out.printf(Locale.ROOT, "  %-26s %7.1f%n", names[i], best[i]);
        }
        System.out.printf(Locale.ROOT, "  STFT+dB / raw FFT %d cores = %.0f%%, / raw FFT 1 core = %.0f%%%n", cores,
                100 * best[2] / best[1], 100 * best[2] / best[0]);
        System.out.printf(Locale.ROOT, "  end to end / raw FFT %d cores = %.0f%%%n", cores, 100 * best[7] / best[1]);
    }

    private static float[][] copy(float[][] g) {
        float[][] c = new float[g.length][];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i].clone();
        }
        return c;
    }

    private static double rate(long samples, Runnable r) {
        long t = System.nanoTime();
        r.run();
        return samples / ((System.nanoTime() - t) / 1e9) / 1e6;
    }

    /** The FFT alone: copy each frame (no window) and transform it, split over {@code threads}. */
    private static void rawFft(float[] x, int nFft, int hop, int threads) {
        int frames = Stft.frameCount(x.length, nFft, hop, false);
        float[] sink = new float[threads];
        IntStream range = IntStream.range(0, threads);
        (threads > 1 ? range.parallel() : range).forEach(t -> {
            FloatFFT_1D fft = new FloatFFT_1D(nFft);
            float[] buf = new float[nFft];
            float acc = 0;
            for (int f = (int) ((long) frames * t / threads); f < (long) frames * (t + 1) / threads; f++) {
                System.arraycopy(x, f * hop, buf, 0, nFft);
                fft.realForward(buf);
                acc += buf[3];
            }
            sink[t] = acc;
        });
        if (Float.isNaN(sink[0])) {
            System.out.println("NaN");
        }
    }

    /** Our one-shot path on consecutive segments of the signal, each its own grid, then dB. */
    private static void stftDb(float[] x, float[] window, int hop, int segFrames) {
        int nFft = window.length;
        long segSamples = (long) segFrames * hop;
        for (long start = 0; start < x.length; start += segSamples) {
            int len = (int) Math.min(x.length - start, segSamples + nFft - hop);
            float[] seg = new float[len];
            System.arraycopy(x, (int) start, seg, 0, len);
            float[][] db = Stft.powerDb(seg, window, hop, true, 0, nFft / 2, 1e-10);
            Decibels.clipTopDb(db, 80.0);
        }
    }

    /** Power grid, then a separate dB pass, per segment (what a mel/resize pipeline does). */
    private static void stftThenDb(float[] x, float[] window, int hop, int segFrames) {
        int nFft = window.length;
        long segSamples = (long) segFrames * hop;
        for (long start = 0; start < x.length; start += segSamples) {
            int len = (int) Math.min(x.length - start, segSamples + nFft - hop);
            float[] seg = new float[len];
            System.arraycopy(x, (int) start, seg, 0, len);
            Decibels.toDbInPlace(Stft.power(seg, window, hop, true, 0, nFft / 2), 1e-10, 80.0);
        }
    }

    /** Streaming path, 1 MiB-ish blocks, dB per frame (no top_db: a stream has no global max). */
    private static void streamDb(float[] x, int nFft, int hop) {
        double[] sum = {0};
        StftStream s = new StftStream(WindowType.HANN, nFft, hop, true, 0, nFft / 2, (i, p) -> {
            float acc = 0;
            for (float v : p) {
                acc += Decibels.db(Math.max(v, 1e-10f));
            }
            sum[0] += acc;
        });
        int block = 262_144;
        for (int pos = 0; pos < x.length; pos += block) {
            s.accept(x, pos, Math.min(block, x.length - pos));
        }
        s.finish();
        if (Double.isNaN(sum[0])) {
            System.out.println("NaN");
        }
    }

    /** The project's real WAV decoder, mono. */
    static float[] decode(Path wav) {
        return AudioReaders.readMono(wav, ChannelMix.MEAN).samples();
    }
}
