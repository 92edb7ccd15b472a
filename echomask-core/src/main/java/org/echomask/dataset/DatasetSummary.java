package org.echomask.dataset;

import java.util.List;

/**
 * What a dataset build produced: the examples, what was left out (recordings, tables, selections;
 * the rows of errors.csv), the description, and what became of the HQ masks of a dataset rebuilt
 * in place.
 */
public record DatasetSummary(DatasetInfo info, List<DatasetEntry> entries, List<DatasetError> errors, double seconds,
        HqMasksReport hqMasks) {
    public DatasetSummary {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
        hqMasks = hqMasks == null ? HqMasksReport.NONE : hqMasks;
    }

    public DatasetSummary(DatasetInfo info, List<DatasetEntry> entries, List<DatasetError> errors, double seconds) {
        this(info, entries, errors, seconds, HqMasksReport.NONE);
    }
}
