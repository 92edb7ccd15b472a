package org.echomask.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File-name safe, readable, unique ids for recordings: the file's stem, prefixed with its parent
 * folder only where two recordings share a stem, and numbered as a last resort.
 */
final class ExampleIds {
    private ExampleIds() {}

    static List<String> forRecordings(List<Path> recordings) {
        Map<String, Integer> stemCounts = new HashMap<>();
        for (Path p : recordings) {
            stemCounts.merge(safe(ExampleSources.stem(p)), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (Path p : recordings) {
            String stem = safe(ExampleSources.stem(p));
            String id = stem;
            if (stemCounts.get(stem) > 1 && p.getParent() != null && p.getParent().getFileName() != null) {
                id = safe(p.getParent().getFileName().toString()) + "__" + stem;
            }
            String unique = id;
            for (int k = 2; !used.add(unique); k++) {
                unique = id + "-" + k;
            }
            ids.add(unique);
        }
        return ids;
    }

    static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9_.+-]", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
