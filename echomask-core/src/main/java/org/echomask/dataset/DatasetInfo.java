package org.echomask.dataset;

import java.util.List;
import java.util.Map;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * {@code dataset.json}: what a dataset directory holds and how it was made.
 *
 * @param format layout version of the directory
 * @param source how recordings were found (manifest, folders, raven)
 * @param sourcePath the manifest or folder given
 * @param transform the spectrogram transform every array was rendered with
 * @param labels all labels, sorted
 * @param windowS example length (0 = whole recordings)
 * @param hopS hop between windows
 * @param synthetic true when the examples carry synthetic ground-truth masks as HQ masks
 * @param examples examples per split
 * @param recordingsFailed inputs left out: the rows of errors.csv (recordings, unreadable or orphan tables, ...)
 * @param toolkitVersion version of Echomask that built it
 */
public record DatasetInfo(int format, String source, String sourcePath, SpectrogramTransform transform,
        List<String> labels, double windowS, double hopS, boolean synthetic, Map<String, Integer> examples,
        int recordingsFailed, String toolkitVersion) {
    public static final String FILE_NAME = "dataset.json";
    public static final int FORMAT = 1;
}
