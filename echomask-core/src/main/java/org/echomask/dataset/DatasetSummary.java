package org.echomask.dataset;

import java.util.List;

/** What a dataset build produced: the examples, the recordings refused, and the description. */
public record DatasetSummary(DatasetInfo info, List<DatasetEntry> entries, List<DatasetError> errors, double seconds) {
    public DatasetSummary {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }
}
