package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.echomask.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 11: options that ask for more memory than any input needs are refused before the
 * memory is taken, and running out of memory anyway ends in one line saying what to change.
 */
class ResourceBoundsCommandTest {

    @Test
    void aSpectrogramGridOverTheLimitIsRefusedBeforeItIsComputed(@TempDir Path dir) {
        Path wav = dir.resolve("a.wav");
        WavWriter.write(wav, new float[48_000], 48_000, WavWriter.Encoding.PCM_16); // 1 s of silence
        Path out = dir.resolve("a.npy");
        // 524289 bins x 48001 frames: 94 GiB of floats, which ran the heap out.
        CommandsTest.Result r = CommandsTest.run("spectrogram", wav.toString(), "--out", out.toString(), "--n-fft",
                "1048576", "--hop", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("echomask: " + wav + ": a spectrogram of 524289 bins x 48001 frames")
                .contains("--hop").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void runningOutOfMemoryAnywhereIsOneLineSayingWhatToChange() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThat(Main.errorLine(oom)).startsWith("out of memory (Java heap of ").contains("--window-s")
                .contains("-Xmx");
        // Thrown on a worker and handed to the command wrapped.
        assertThat(Main.errorLine(new RuntimeException(new ExecutionException(oom)))).startsWith("out of memory");
        assertThat(Main.errorLine(new IllegalStateException("a bug"))).isNull();
    }
}
