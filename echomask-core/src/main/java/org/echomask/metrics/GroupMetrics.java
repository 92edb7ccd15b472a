package org.echomask.metrics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * One class-frequency group ("frequent", "common", "rare"; see {@link EvaluationConfig}): its
 * labels in label order and the unweighted means of their F1, precision and recall over the whole
 * test set. NaN (null in JSON) when the group is empty.
 */
public record GroupMetrics(List<String> labels,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class) double macroF1,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class)
        double macroPrecision,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class)
        double macroRecall) {

    public GroupMetrics {
        labels = List.copyOf(labels);
    }
}
