package org.echomask.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"paper", "watkins", "demo", "demo-quick"})
    void builtInsParseAndExpand(String name) {
        ExperimentConfig c = ExperimentConfig.load(name);
        assertThat(c.name()).isEqualTo(name);
        List<RunSpec> runs = RunSpec.distinct(RunSpec.expand(c));
        assertThat(runs).isNotEmpty().doesNotHaveDuplicates();
        assertThat(runs.stream().map(RunSpec::id).distinct()).hasSameSizeAs(runs);
        // Every config carries an image-only baseline next to its mask-guided runs.
        assertThat(runs).anyMatch(r -> r.mask().equals("none")).anyMatch(r -> !r.mask().equals("none"));
    }

    @Test
    void paperHasTheFourTablesAndSharesRunsBetweenThem() {
        Map<String, List<RunSpec>> byTable = RunSpec.expand(ExperimentConfig.load("paper"));
        assertThat(byTable).containsOnlyKeys("T1", "T2", "T3", "T4");
        assertThat(byTable.get("T1")).hasSize(6); // 4 image-only encoders + MGC x-attn soft on hq and generated
        assertThat(byTable.get("T2")).hasSize(6); // 3 fusions x 2 mask sources, binary
        assertThat(byTable.get("T3")).hasSize(6); // 3 fusions x binary/soft, generated
        assertThat(byTable.get("T4")).hasSize(10); // (4 encoders + MGC) x 2 tasks
        // T3's binary runs are T2's generated ones, T1's MGC generated run is in T3: trained once.
        assertThat(RunSpec.distinct(byTable)).hasSize(19);
    }

    @Test
    void runIdsAndLabelsSayWhatWasTrained() {
        RunSpec mgc = new RunSpec("resnet18", null, "soft", "hq", "xattn", "multilabel", 3);
        assertThat(mgc.id()).isEqualTo("resnet18-soft-hq-xattn-multilabel-s3");
        assertThat(mgc.recipe()).isEqualTo("resnet18-soft-hq-xattn-multilabel");
        assertThat(mgc.label()).isEqualTo("MGC xattn, soft hq masks (resnet18)");
        RunSpec plain = new RunSpec("vit", 0.5, "none", "hq", "gated", "multiclass", 1);
        assertThat(plain.source()).isEmpty();
        assertThat(plain.id()).isEqualTo("vit-w0.5-none-multiclass-s1");
        assertThat(plain.label()).isEqualTo("image-only vit w0.5, multiclass");
        assertThatThrownBy(() -> new RunSpec("resnet18", null, "fuzzy", "hq", "xattn", "multilabel", 1))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("fuzzy");
    }

    @Test
    void refusesConfigsThatCannotRun() {
        String base = """
                {"name": "x", "data": {"manifest": "m.csv", "transform": "watkins"},
                 "tables": [{"id": "A", "backbones": ["resnet18"], "masks": ["soft"], "sources": ["%s"]}]}""";
        assertThatThrownBy(() -> Json.read(base.formatted("hq"), ExperimentConfig.class))
                .hasMessageContaining("hq masks exist only on synthetic data");
        assertThatThrownBy(() -> Json.read(base.formatted("generated"), ExperimentConfig.class))
                .hasMessageContaining("masks.segmenter");
        assertThat(Json.read(base.formatted("proposal"), ExperimentConfig.class).masks().proposalPreset()).isEqualTo("soundscape");
        assertThatThrownBy(() -> Json.read("""
                {"name": "x", "data": {"manifest": "m.csv", "transform": "watkins", "window_sz": 2},
                 "tables": [{"id": "A", "backbones": ["resnet18"]}]}""", ExperimentConfig.class))
                .hasMessageContaining("window_sz");
        assertThatThrownBy(() -> Json.read("""
                {"name": "a b", "data": {"manifest": "m.csv", "transform": "watkins"}, "tables": []}""", ExperimentConfig.class))
                .hasMessageContaining("plain identifier");
        assertThatThrownBy(() -> Json.read("""
                {"name": "x", "data": {"manifest": "m.csv", "transform": "watkins"}, "evaluate": {"decision": "argmaxx"},
                 "tables": [{"id": "A", "backbones": ["resnet18"]}]}""", ExperimentConfig.class))
                .hasMessageContaining("argmaxx");
        assertThatThrownBy(() -> ExperimentConfig.load("no-such-experiment"))
                .hasMessageContaining("no-such-experiment").hasMessageContaining("paper");
    }

    @Test
    void stageMarksSkipSameSettingsAndRefuseOthers(@TempDir Path dir) throws Exception {
        Path stage = dir.resolve("dataset");
        StageStamp a = StageStamp.of(stage, Map.of("x", 1, "y", List.of("p", "q")));
        assertThat(a.done()).isFalse();
        a.mark();
        assertThat(StageStamp.of(stage, Map.of("y", List.of("p", "q"), "x", 1)).done()).isTrue();
        assertThatThrownBy(() -> StageStamp.of(stage, Map.of("x", 2, "y", List.of("p", "q"))).done())
                .isInstanceOf(EchomaskException.class).hasMessageContaining(stage.toString()).hasMessageContaining("other experiment settings");
        assertThat(Files.readString(dir.resolve("dataset.done")).trim()).hasSize(64);
        // Nested maps too: the same settings in any insertion order give the same key.
        Map<String, Object> ab = new java.util.LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new java.util.LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        assertThat(StageStamp.canonical(Map.of("x", ab))).isEqualTo(StageStamp.canonical(Map.of("x", ba)));
    }

    @Test
    void valTapesBecomeTheTestSetAndTrainTapesAreSplitAgain() {
        List<org.echomask.dataset.RecordingPlan> plans = List.of(
                new org.echomask.dataset.RecordingPlan(Path.of("/a/1.wav"), List.of("x"), null, "t1", org.echomask.dataset.Split.TRAIN, null, null),
                new org.echomask.dataset.RecordingPlan(Path.of("/a/2.wav"), List.of("y"), null, "t2", org.echomask.dataset.Split.VAL, null, null),
                new org.echomask.dataset.RecordingPlan(Path.of("/a/3.wav"), List.of("y"), null, "t3", null, null, null));
        List<org.echomask.dataset.RecordingPlan> out = ExperimentData.valAsTest(plans);
        assertThat(out).extracting(org.echomask.dataset.RecordingPlan::split)
                .containsExactly(null, org.echomask.dataset.Split.TEST, null);
        assertThat(out).extracting(org.echomask.dataset.RecordingPlan::group).containsExactly("t1", "t2", "t3");
    }
}
