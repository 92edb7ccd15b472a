package org.echomask.metrics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Scores of one label. precision, recall and F1 come from the decisions (0 where sklearn's
 * zero_division=0 gives 0), support is the number of true positives in the truth, predicted the
 * number of positive decisions. rocAuc and averagePrecision come from the probabilities and are
 * NaN where undefined (no positives; for AUC also no negatives), written as null in JSON.
 */
public record ClassMetrics(double precision, double recall, double f1, int support, int predicted,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class) double rocAuc,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class)
        double averagePrecision) {}
