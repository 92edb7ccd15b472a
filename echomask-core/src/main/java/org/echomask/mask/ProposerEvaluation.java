package org.echomask.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a proposer config over spectrograms with known masks and scores each proposal, e.g. the
 * per-sound-type IoU on synthetic soundscapes. Cases are independent, so they run in parallel.
 */
public final class ProposerEvaluation {
    private ProposerEvaluation() {}

    /** One spectrogram {@code [frequency][time]} and its true mask of the same shape. */
    public record Case(String name, float[][] values, boolean[][] truth) {
        public Case {
            if (values.length != truth.length || Masks.columns(values) != Masks.columns(truth)) {
                throw new IllegalArgumentException(name + ": spectrogram " + values.length + "x" + Masks.columns(values)
                        + " but truth mask " + truth.length + "x" + Masks.columns(truth));
            }
        }
    }

    /** Scores per case (in input order) and their mean. */
    public record Result(List<String> names, List<MaskMetrics.Scores> scores, MaskMetrics.Scores mean) {
        public Result {
            names = List.copyOf(names);
            scores = List.copyOf(scores);
        }
    }

    public static Result evaluate(ProposerConfig config, List<Case> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no cases to evaluate the proposer on");
        }
        MaskMetrics.Scores[] scores = new MaskMetrics.Scores[cases.size()];
        IntStream.range(0, cases.size()).parallel().forEach(i -> {
            Case c = cases.get(i);
            scores[i] = MaskMetrics.score(MaskProposer.propose(c.values(), config), c.truth());
        });
        List<String> names = new ArrayList<>();
        for (Case c : cases) {
            names.add(c.name());
        }
        List<MaskMetrics.Scores> list = List.of(scores);
        return new Result(names, list, MaskMetrics.mean(list));
    }
}
