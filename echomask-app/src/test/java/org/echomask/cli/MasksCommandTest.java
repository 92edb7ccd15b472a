package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Json;
import org.echomask.mask.ProposerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echomask masks propose|soften|evaluate} as a user types them, on a three-clip synthetic dataset. */
class MasksCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"propose", "soften", "evaluate"})
    void everySubcommandHasHelp(String sub) {
        CommandsTest.Result r = CommandsTest.run("masks", sub, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: echomask masks " + sub).contains("--dataset");
    }

    @Test
    void proposeSoftenEvaluate(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        assertThat(CommandsTest.run("synth", "--out", corpus.toString(), "--clips", "3", "--seed", "4", "--duration", "0.5")
                .code()).isZero();
        Path ds = dir.resolve("ds");
        CommandsTest.Result built = CommandsTest.run("dataset", "--manifest", corpus.resolve("manifest.csv").toString(),
                "--out", ds.toString(), "--transform", "alternative");
        assertThat(built.code()).as(built.err()).isZero();

        CommandsTest.Result p = CommandsTest.run("masks", "propose", "--dataset", ds.toString(), "--preset", "whistle",
                "--threshold", "2", "--threads", "2");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out()).contains("proposals whistle-t2-").contains("3 masks");
        assertThat(Json.readFile(ds.resolve("masks/proposals/config.json"), ProposerConfig.class))
                .isEqualTo(ProposerConfig.preset("whistle").withThreshold(2));

        CommandsTest.Result s = CommandsTest.run("masks", "soften", "--dataset", ds.toString(), "--sigma", "3",
                "--source", "proposal");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("soft_proposal_s3").contains("3 written");
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(ds.resolve(e.extra().get("proposal_mask"))).exists();
            assertThat(ds.resolve(e.extra().get("soft_proposal_s3"))).exists();
            assertThat(e.extra().get("proposal_config")).startsWith("whistle-t2-");
        });

        CommandsTest.Result stored = CommandsTest.run("masks", "evaluate", "--dataset", ds.toString());
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("stored whistle-t2-").contains("all-background").contains("all-signal")
                .contains("per-label synthetic ground truth");
        CommandsTest.Result sweep = CommandsTest.run("masks", "evaluate", "--dataset", ds.toString(), "--preset",
                "default,click", "--threshold", "3,4");
        assertThat(sweep.code()).as(sweep.err()).isZero();
        assertThat(sweep.out()).contains("default-t3-").contains("default-t4-").contains("click-t3-").contains("click-t4-");
        assertThat(Files.readString(ds.resolve("masks/proposals/evaluation.json"))).contains("click-t4-");
    }

    @Test
    void badInputsGetClearMessages(@TempDir Path dir) {
        CommandsTest.Result notDs = CommandsTest.run("masks", "propose", "--dataset", dir.toString());
        assertThat(notDs.code()).isEqualTo(1);
        assertThat(notDs.err()).startsWith("echomask: ").contains("not a dataset directory");
        // An unknown preset is refused while parsing (a usage error, exit 2), listing the presets.
        CommandsTest.Result preset = CommandsTest.run("masks", "evaluate", "--dataset", dir.toString(), "--preset", "nope");
        assertThat(preset.code()).isEqualTo(2);
        assertThat(preset.err()).startsWith("echomask: ").contains("'nope' is not one of: default, whistle");
    }
}
