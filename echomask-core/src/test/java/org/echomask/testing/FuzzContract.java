package org.echomask.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.echomask.EchomaskException;

/**
 * What every fuzzed reader must do with arbitrary bytes: read them, or refuse them with its own
 * documented exception and a message that names the file. Anything else a reader lets out
 * (another RuntimeException, an Error such as OutOfMemoryError or StackOverflowError) reaches
 * Jazzer as a finding; a hang is caught by the fuzz test's timeout.
 *
 * <p>The fuzz tests live next to the readers ({@code *FuzzTest}), run their committed seed inputs
 * ({@code src/test/resources/<package>/<Class>Inputs/<method>/}) in every build and are fuzzed
 * for real by {@code bench/fuzz.sh}.
 */
public final class FuzzContract {
    /**
     * Where a campaign ({@code bench/fuzz.sh}) wants the tally of inputs tried and refused: written
     * when the JVM exits, so it covers every input libFuzzer ran.
     */
    public static final String TALLY_PROPERTY = "echomask.fuzz.tally";

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    /** Whether the input now being read was already accepted by one of the ways it is read. */
    private static volatile boolean currentAccepted;

    static {
        String tally = System.getProperty(TALLY_PROPERTY);
        if (tally != null && !tally.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> writeTally(Path.of(tally))));
        }
    }

    private FuzzContract() {}

    /**
     * Writes the fuzzed {@code data} to {@code dir/name}, replacing what a previous input left
     * there, and counts it as one input tried; fixed companion files go through
     * {@link #writeFixture}.
     */
    public static Path write(Path dir, String name, byte[] data) {
        INPUTS.incrementAndGet();
        currentAccepted = false;
        return writeFixture(dir, name, data);
    }

    /** Writes a fixed file an input is read with (not counted as an input). */
    public static Path writeFixture(Path dir, String name, byte[] data) {
        try {
            return Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTally(Path file) {
        long inputs = INPUTS.get();
        long accepted = ACCEPTED.get();
        String text = "inputs=" + inputs + "\naccepted=" + accepted + "\nrefused=" + (inputs - accepted) + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write the fuzz tally " + file + ": " + e.getMessage());
        }
    }

    /** {@link #expectClearRefusal(RuntimeException, Class, Path, Path)} where the input is the named file. */
    public static void expectClearRefusal(RuntimeException e, Class<? extends EchomaskException> documented, Path file) {
        expectClearRefusal(e, documented, file, file);
    }

    /**
     * Checks a refusal: {@code e} must be a {@code documented} exception whose message is not blank
     * and, when {@code file} is given, names it; otherwise {@code e} is rethrown as the finding.
     *
     * @param input the file holding the fuzzed bytes (may differ from the named file, e.g. a
     *     package directory's model.json), or null
     */
    public static void expectClearRefusal(RuntimeException e, Class<? extends EchomaskException> documented, Path file,
            Path input) {
        if (!documented.isInstance(e)) {
            throw e;
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            throw new AssertionError("refusal without a message: " + e.getClass().getName(), e);
        }
        if (file != null && !message.contains(file.getFileName().toString())) {
            throw new AssertionError("refusal does not name the file " + file.getFileName() + ": " + message, e);
        }

        // The cause's class in the message means a library's exception text was passed through
        // unexplained ("cannot read: java.io.IOException: ..."). Jazzer learns the strings a test
        // compares and writes them into inputs, which messages may quote: a class name that is in
        // the input itself does not count.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (message.contains(name) && !inputContains(input, name)) {
                throw new AssertionError("refusal message passes on " + name + ": " + message, e);
            }
        }
    }

    /**
     * Marks the input now being read as accepted by one of the ways it is read, every invariant
     * checked; a campaign's tally counts an input as refused when no way accepted it (a card is
     * either a classifier's or a segmenter's, so one way always refuses).
     */
    public static void accepted() {
        if (!currentAccepted) {
            currentAccepted = true;
            ACCEPTED.incrementAndGet();
        }
    }

    private static boolean inputContains(Path input, String text) {
        if (input == null) {
            return false;
        }
        try {
            byte[] bytes = Files.readAllBytes(input);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains(text)
                    || new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Fails (a finding) unless {@code ok}; for the invariants of a successful read. */
    public static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("accepted input breaks an invariant: " + what);
        }
    }
}
