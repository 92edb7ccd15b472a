package org.echomask.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * How the labels of an example are read. The only metric it changes is the Hamming loss:
 * multilabel counts wrong labels over N*K decisions, multiclass (one class per label combination,
 * the power set) counts the examples whose label vector is wrong at all, as sklearn's
 * {@code hamming_loss} does on class ids.
 */
public enum EvaluationTask {
    MULTILABEL,
    MULTICLASS;

    /** The name in JSON and on the command line: "multilabel" or "multiclass". */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EvaluationTask parse(String id) {
        if (id != null) {
            for (EvaluationTask t : values()) {
                if (t.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new EchomaskException("unknown evaluation task \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(EvaluationTask::id).toList());
    }
}
