package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.echomask.Version;
import org.echomask.augment.Pipeline;
import org.echomask.augment.TimeShift;
import org.echomask.classify.FusionKind;
import org.echomask.classify.Task;
import org.echomask.detect.PostProcess;
import org.echomask.eval.Decision;
import org.echomask.mask.MaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The option vocabulary: bounds and names refused while parsing (exit 2, one {@code echomask:}
 * line naming the flag, nothing written), the shared mixins, the one version.
 */
class OptionsTest {
    @TempDir
    static Path dir;

    /** Minimal required options per command; nothing here is read before the bad value is refused. */
    private static String[] required(String command) {
        String d = dir.resolve("ds").toString();
        String o = dir.resolve("out").toString();
        String m = dir.resolve("model").toString();
        return switch (command) {
            case "train", "segment train" -> new String[] {"--dataset", d, "--out", o};
            case "predict", "evaluate" -> new String[] {"--model", m, "--dataset", d, "--out", o};
            case "segment predict" -> new String[] {"--model", m, "--dataset", d};
            case "analyze" -> new String[] {"--model", m, "--in", d, "--out", o};
            case "annotate", "masks propose", "masks evaluate" -> new String[] {"--dataset", d};
            case "masks soften" -> new String[] {"--dataset", d, "--sigma", "2"};
            case "dataset" -> new String[] {"--folders", d, "--out", o};
            case "spectrogram" -> new String[] {dir.resolve("a.wav").toString(), "--out", o};
            case "synth" -> new String[] {"--out", o, "--clips", "2"};
            default -> new String[0];
        };
    }

    private static CommandsTest.Result run(String command, String option, String value) {
        String[] argv = Stream.of(command.split(" "), required(command), new String[] {option + "=" + value})
                .flatMap(Stream::of).toArray(String[]::new);
        return CommandsTest.run(argv);
    }

    /** Every bound: command, option, a refused value, what the message says. */
    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("train", "--batch-size", "1", "must be >= 2"),
                Arguments.of("train", "--batch-size", "0", "must be >= 2"),
                Arguments.of("train", "--epochs", "0", "must be >= 1"),
                Arguments.of("train", "--heads", "0", "must be >= 1"),
                Arguments.of("train", "--heads", "-4", "must be >= 1"),
                Arguments.of("train", "--latent-dim", "4", "must be >= 8"),
                Arguments.of("train", "--threads", "-1", "must be in 0..64"),
                Arguments.of("train", "--threads", "65", "must be in 0..64"),
                Arguments.of("train", "--patience", "-1", "must be >= 0"),
                Arguments.of("train", "--lr", "0", "must be > 0"),
                Arguments.of("train", "--lr", "NaN", "finite"),
                Arguments.of("train", "--weight-decay", "-0.1", "must be >= 0"),
                Arguments.of("train", "--width", "0", "must be > 0"),
                Arguments.of("train", "--sigma", "-1", "must be > 0"),
                Arguments.of("train", "--time-shift", "1.5", "must be in [0, 1]"),
                Arguments.of("segment train", "--batch-size", "1", "must be >= 2"),
                Arguments.of("segment train", "--epochs", "-3", "must be >= 1"),
                Arguments.of("segment train", "--limit", "-1", "must be >= 0"),
                Arguments.of("segment predict", "--batch-size", "0", "must be >= 1"),
                Arguments.of("segment predict", "--threads", "0", "must be >= 1"),
                Arguments.of("predict", "--batch-size", "0", "must be >= 1"),
                Arguments.of("predict", "--threads", "-2", "must be >= 1"),
                Arguments.of("evaluate", "--batch-size", "-64", "must be >= 1"),
                Arguments.of("analyze", "--batch-size", "0", "must be >= 1"),
                Arguments.of("analyze", "--window-s", "0", "must be > 0"),
                Arguments.of("analyze", "--window-s", "Infinity", "finite"),
                Arguments.of("analyze", "--hop-s", "-1", "must be > 0"),
                // Issue 13: a 1e9 s window exhausted the heap before any check; no window is longer than an hour.
                Arguments.of("analyze", "--window-s", "1e9", "must be > 0 and at most 3600"),
                Arguments.of("analyze", "--hop-s", "7200", "must be > 0 and at most 3600"),
                Arguments.of("analyze", "--channel", "-2", "must be >= -1"),
                Arguments.of("analyze", "--threads", "-1", "must be >= 0"), // 0 = windows prepared on the calling thread
                Arguments.of("analyze", "--inference-threads", "0", "must be >= 1"),
                Arguments.of("analyze", "--threshold", "1.5", "must be in [0, 1]"),
                Arguments.of("analyze", "--min-gap-s", "-1", "must be >= 0"),
                Arguments.of("analyze", "--weights", "1,-1", "must be >= 0"),
                Arguments.of("annotate", "--port", "-1", "must be in 0..65535"),
                Arguments.of("annotate", "--port", "65536", "must be in 0..65535"),
                Arguments.of("annotate", "--target", "0", "must be >= 1"),
                Arguments.of("annotate", "--allow-host", "*", "not a host name or an IP address"),
                Arguments.of("annotate", "--allow-host", "evil.example:80", "not a host name or an IP address"),
                Arguments.of("dataset", "--window-s", "-1", "must be >= 0"),
                Arguments.of("dataset", "--window-s", "1e9", "at most 3600"),
                Arguments.of("dataset", "--hop-s", "0", "must be > 0"),
                Arguments.of("dataset", "--channel", "-2", "must be >= -1"),
                Arguments.of("dataset", "--threads", "0", "must be >= 1"),
                Arguments.of("dataset", "--train", "1.2", "must be in [0, 1]"),
                Arguments.of("dataset", "--val", "-0.1", "must be in [0, 1]"),
                Arguments.of("spectrogram", "--channel", "-3", "must be >= -1"),
                Arguments.of("spectrogram", "--n-fft", "1", "must be in 8..1048576"),
                Arguments.of("spectrogram", "--n-fft", "2000000000", "must be in 8..1048576"),
                Arguments.of("spectrogram", "--mel", "1000000000", "must be in 0..4096"),
                Arguments.of("spectrogram", "--hop", "0", "must be >= 1"),
                Arguments.of("spectrogram", "--mel", "-1", "must be in 0..4096"),
                Arguments.of("synth", "--clips", "0", "must be >= 1"),
                Arguments.of("synth", "--duration", "0", "must be > 0"),
                Arguments.of("synth", "--sample-rate", "8000", "must be >= 48000"),
                Arguments.of("masks soften", "--sigma", "0", "must be > 0"),
                Arguments.of("masks propose", "--threads", "0", "must be >= 1"),
                Arguments.of("masks evaluate", "--threads", "0", "must be >= 1"),
                Arguments.of("bench-training", "--batch-size", "1", "must be >= 2"),
                Arguments.of("bench-training", "--epochs", "1", "must be >= 2"),
                Arguments.of("bench-training", "--examples", "0", "must be >= 1"),
                Arguments.of("train", "--epochs", "many", "'many' is not a whole number"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("bounds")
    void nonsenseNumbersAreUsageErrors(String command, String option, String value, String says) {
        CommandsTest.Result r = run(command, option, value);
        assertThat(r.code()).as(r.err()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).startsWith("echomask: ").contains("'" + option + "'").contains(says)
                .contains("Try 'echomask " + command + " --help'").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Every fixed set of names: command, option, a typo, names the message lists. */
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("train", "--model", "resnet19", "resnet18, resnet34, resnet50, convnext"),
                Arguments.of("train", "--mask", "sof", "none, binary, soft"),
                Arguments.of("train", "--fusion", "cat", "concat, gated, xattn"),
                Arguments.of("train", "--task", "multi", "multilabel, multiclass"),
                Arguments.of("train", "--class-weights", "equal", "none, balanced"),
                Arguments.of("train", "--augment", "timeshift", "neither a preset [none, time-shift] nor a JSON file"),
                Arguments.of("train", "--mask-source", "h-q", "lower-case letters and digits"),
                Arguments.of("bench-training", "--model", "vgg", "mobilenetv3-small"),
                Arguments.of("bench-training", "--fusion", "sum", "concat, gated, xattn"),
                Arguments.of("segment train", "--decoder", "plusplus", "plus, none"),
                Arguments.of("segment train", "--loss", "dice", "ce, ce_dice"),
                Arguments.of("segment train", "--masks", "proposal", "is not one of: hq"),
                Arguments.of("evaluate", "--decision", "vote", "model, argmax"),
                Arguments.of("evaluate", "--split", "vall", "train, val, test, all"),
                Arguments.of("evaluate", "--transform", "nope", "neither a built-in"),
                Arguments.of("predict", "--split", "holdout", "train, val, test, all"),
                Arguments.of("analyze", "--post-process", "mean", "none, file-mean"),
                Arguments.of("annotate", "--preset", "whistles", "default, whistle, click, soundscape"),
                Arguments.of("masks propose", "--preset", "x", "default, whistle, click, soundscape"),
                Arguments.of("masks soften", "--source", "HQ!", "lower-case letters and digits"),
                Arguments.of("dataset", "--transform", "orgin", "neither a built-in"),
                Arguments.of("spectrogram", "--window", "hanning", "hann, hamming, blackman"),
                Arguments.of("spectrogram", "--scale", "log", "magnitude, power, db"),
                Arguments.of("synth", "--profile", "shiftd", "not a built-in"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("names")
    void unknownNamesAreUsageErrorsListingTheKnownOnes(String command, String option, String value, String lists) {
        CommandsTest.Result r = run(command, option, value);
        assertThat(r.code()).as(r.err()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).startsWith("echomask: ").contains("'" + option + "'").contains(value).contains(lists);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Parses without running: the command object as picocli filled it. */
    private static <T> T parse(Class<T> type, String... args) {
        CommandLine cl = new CommandLine(new Main());
        CommandLine.ParseResult pr = cl.parseArgs(args);
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        return type.cast(pr.commandSpec().userObject());
    }

    @Test
    void namesAreTheJsonIdsInAnyCaseAndParseIntoTheDomainEnums() {
        TrainCommand t = parse(TrainCommand.class, "train", "--dataset", "d", "--out", "o", "--mask", "BINARY", "--fusion",
                "Gated", "--task", "multiclass", "--model", "ConvNeXt", "--width", "0.5");
        assertThat(t.maskFusion.mask).isEqualTo(MaskKind.BINARY);
        assertThat(t.maskFusion.fusion).isEqualTo(FusionKind.GATED);
        assertThat(t.task).isEqualTo(Task.MULTICLASS);
        assertThat(t.backbone.architecture).isEqualTo("convnext");
        assertThat(t.backbone.spec().widthMultiplier()).isEqualTo(0.5);

        EvaluateCommand e = parse(EvaluateCommand.class, "evaluate", "--model", "m", "--dataset", "d", "--out", "o",
                "--decision", "argmax", "--split", "validation");
        assertThat(e.decision).isEqualTo(Decision.ARGMAX);
        assertThat(e.split).isEqualTo("val");
        assertThat(e.scoring.batchSize).isEqualTo(64);

        AnalyzeCommand a = parse(AnalyzeCommand.class, "analyze", "--model", "m", "--in", "x", "--out", "o",
                "--post-process", PostProcess.FILE_MEAN.id());
        assertThat(a.postProcess).isEqualTo(PostProcess.FILE_MEAN);
        assertThat(a.channel.channel).isEqualTo(-1);
    }

    @Test
    void theSharedBlocksKeepTheirDefaultsInEveryCommand() {
        TrainCommand t = parse(TrainCommand.class, "train", "--dataset", "d", "--out", "o");
        BenchCommand b = parse(BenchCommand.class, "bench-training");
        SegmentCommand.Train s = parse(SegmentCommand.Train.class, "segment", "train", "--dataset", "d", "--out", "o");
        for (BackboneOptions o : java.util.List.of(t.backbone, b.backbone, s.backbone)) {
            assertThat(o.architecture).isEqualTo("resnet18");
            assertThat(o.width).isNull();
        }
        assertThat(java.util.List.of(t.maskFusion.mask, b.maskFusion.mask)).containsOnly(MaskKind.SOFT);
        assertThat(java.util.List.of(t.maskFusion.fusion, b.maskFusion.fusion)).containsOnly(FusionKind.XATTN);
        // Unset trainer flags leave TrainConfig's defaults (or --train-config) alone.
        assertThat(t.training.config()).isEqualTo(org.echomask.train.TrainConfig.defaults());
        PredictCommand p = parse(PredictCommand.class, "predict", "--model", "m", "--dataset", "d", "--out", "o");
        assertThat(p.split).isEqualTo("all");
        assertThat(p.scoring.threads.resolve()).isEqualTo(Runtime.getRuntime().availableProcessors());
        SegmentCommand.Predict sp = parse(SegmentCommand.Predict.class, "segment", "predict", "--model", "m", "--dataset", "d");
        assertThat(sp.batchSize).isEqualTo(32);
    }

    @Test
    void aHeadCountThatDoesNotDivideTheLatentSizeIsAUsageErrorBeforeTheDatasetIsRead() {
        CommandsTest.Result r = CommandsTest.run("train", "--dataset", dir.resolve("none").toString(), "--out",
                dir.resolve("out").toString(), "--heads", "3");
        assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).startsWith("echomask: --latent-dim 128 must be a multiple of --heads 3");
    }

    @Test
    void augmentTakesAPresetOrAFileAndTimeShiftSetsItsTimeShiftStep() throws Exception {
        String[] base = {"train", "--dataset", "d", "--out", "o"};
        assertThat(parse(TrainCommand.class, base).augmentation()).isEqualTo(Pipeline.of(new TimeShift(0.25)));
        assertThat(parse(TrainCommand.class, concat(base, "--time-shift", "0.1")).augmentation())
                .isEqualTo(Pipeline.of(new TimeShift(0.1)));
        assertThat(parse(TrainCommand.class, concat(base, "--augment", "none")).augmentation()).isEqualTo(Pipeline.NONE);
        Path file = dir.resolve("augment.json");
        java.nio.file.Files.writeString(file, "{\"steps\": [{\"name\": \"time_shift\", \"max_fraction\": 0.5, \"bypass\": true}]}");
        assertThat(parse(TrainCommand.class, concat(base, "--augment", file.toString(), "--time-shift", "0.2")).augmentation())
                .isEqualTo(Pipeline.of(new TimeShift(0.2, true)));

        CommandsTest.Result r = CommandsTest.run("train", "--dataset", dir.resolve("none").toString(), "--out",
                dir.resolve("out").toString(), "--augment", "none", "--time-shift", "0.1");
        assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).startsWith("echomask: --time-shift sets the time_shift step of --augment, which has none");
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void aMisspeltOptionIsAUsageErrorWithASuggestion() {
        CommandsTest.Result r = CommandsTest.run("bench-training", "--fusoin=gated");
        assertThat(r.code()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).startsWith("echomask: Unknown option: '--fusoin=gated'").contains("Possible solutions: --fusion");
    }

    @Test
    void everyCommandPrintsTheOneVersion() {
        // Maven filters version.properties, so tests see the project's version, not "dev".
        assertThat(Version.toolkit()).matches("\\d+\\.\\d+\\.\\d+.*");
        for (String[] argv : new String[][] {{"--version"}, {"train", "--version"}, {"segment", "predict", "--version"}}) {
            CommandsTest.Result r = CommandsTest.run(argv);
            assertThat(r.code()).isZero();
            assertThat(r.out().strip()).isEqualTo("echomask " + Version.toolkit());
        }
    }
}
