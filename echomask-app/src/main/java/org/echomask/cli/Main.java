package org.echomask.cli;

import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code echomask} command: every subcommand is registered here. */
@Command(name = "echomask", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Mask-guided classification and analysis of bioacoustic recordings.",
        subcommands = {DemoCommand.class, SynthCommand.class, DatasetCommand.class, SpectrogramCommand.class,
                MasksCommand.class, AnnotateCommand.class, SegmentCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class,
                ExperimentCommand.class, BenchCommand.class, AnalyzeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
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
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof EchomaskException || ex instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("echomask: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"echomask " + toolkitVersion()};
        }
    }

    public static String toolkitVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
