package org.echomask.cli;

import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code echomask} command: every subcommand is registered here. */
@Command(name = "echomask", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Mask-guided classification and analysis of bioacoustic recordings.",
        subcommands = {DemoCommand.class, SynthCommand.class, DatasetCommand.class, SpectrogramCommand.class,
                MasksCommand.class, AnnotateCommand.class, SegmentCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class,
                ExperimentCommand.class, BenchCommand.class, AnalyzeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        // An OutOfMemoryError on another thread leaves the JVM half alive (it then ignored SIGTERM for
        // minutes, issue 13): say so and stop at once. The launcher runs java with
        // -XX:+ExitOnOutOfMemoryError, which stops it even sooner; this serves plain `java -cp` runs.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (outOfMemory(e)) {
                System.err.println("echomask: " + outOfMemoryMessage() + " (in thread " + thread.getName() + ")");
                Runtime.getRuntime().halt(1);
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        });
        System.exit(run(args));
    }

    private static final ThreadLocal<java.util.List<String>> ARGS = ThreadLocal.withInitial(java.util.List::of);

    /** The arguments of the command now running on this thread, for provenance records. */
    static java.util.List<String> lastArgs() {
        return ARGS.get();
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        ARGS.set(java.util.List.of(args));
        CommandLine cl = new CommandLine(new Main());
        giveVersionToSubcommands(cl);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String line = errorLine(ex);
            if (line != null) {
                commandLine.getErr().println("echomask: " + line);
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /**
     * The one line a failed command prints, or null for a bug (whose stack trace is wanted):
     * Echomask's own errors and I/O failures say what is wrong; running out of memory, wherever
     * it happened, says what to change.
     */
    static String errorLine(Throwable ex) {
        if (ex instanceof EchomaskException || ex instanceof java.io.UncheckedIOException) {
            return ex.getMessage();
        }
        return outOfMemory(ex) ? outOfMemoryMessage() : null;
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static String outOfMemoryMessage() {
        return "out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): use a smaller"
                + " --window-s, --batch-size or --threads, or give Java more heap, e.g. ECHOMASK_JAVA_OPTS=-Xmx16g ./echomask ...";
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /**
     * A usage error (unknown option, value out of bounds, name not in the set, missing option):
     * one {@code echomask:} line, picocli's suggestions for a misspelt option, and where the help
     * is, instead of the whole usage text; exit code 2 ({@link CommandLine.ExitCode#USAGE}) so
     * scripts can tell a bad invocation from a failed run (1).
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println("echomask: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code --version} works on every subcommand (each has mixinStandardHelpOptions) and prints the same line. */
    private static void giveVersionToSubcommands(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
            giveVersionToSubcommands(sub);
        }
    }

    /** The one version of the toolkit, {@link org.echomask.Version#toolkit()}, as datasets and packages record it. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"echomask " + org.echomask.Version.toolkit()};
        }
    }
}
