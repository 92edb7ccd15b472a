package org.echomask.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.echomask.EchomaskException;

/**
 * Assigns whole groups (tapes, sites, recordings) to train/val/test so no group straddles two
 * splits. Groups are shuffled with a seed, then taken largest first (the shuffle orders equal
 * sizes), each going to the split furthest below its share of all examples. Largest first matters
 * with real archives, where one tape can hold half of a class's windows: placed early it lands in
 * train, where it fits, instead of swamping a small val share that happened to be emptiest. The
 * result depends only on the groups, their sizes and the seed.
 */
public final class GroupedSplitter {
    private final double trainFraction;
    private final double valFraction;
    private final long seed;

    public GroupedSplitter(double trainFraction, double valFraction, long seed) {
        if (trainFraction <= 0 || valFraction < 0 || trainFraction + valFraction > 1 + 1e-9) {
            throw new EchomaskException("split fractions must satisfy 0 < train, 0 <= val, train + val <= 1: "
                    + trainFraction + ", " + valFraction);
        }
        this.trainFraction = trainFraction;
        this.valFraction = valFraction;
        this.seed = seed;
    }

    /** @param groupSizes examples per group; returns the split of every group */
    public Map<String, Split> assign(Map<String, Integer> groupSizes) {
        List<String> groups = new ArrayList<>(new TreeMap<>(groupSizes).keySet());
        java.util.Collections.shuffle(groups, new Random(seed));
        groups.sort(java.util.Comparator.comparingInt((String g) -> groupSizes.get(g)).reversed()); // stable: ties stay shuffled
        double[] targets = {trainFraction, valFraction, 1 - trainFraction - valFraction};
        long total = groupSizes.values().stream().mapToLong(Integer::longValue).sum();
        long[] filled = new long[3];
        Map<String, Split> out = new HashMap<>();
        for (String g : groups) {
            // The split with the largest shortfall against its share takes the next group (train wins ties).
            int best = -1;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < 3; s++) {
                if (targets[s] > 1e-9) {
                    double deficit = targets[s] * total - filled[s];
                    if (deficit > bestDeficit) {
                        bestDeficit = deficit;
                        best = s;
                    }
                }
            }
            filled[best] += groupSizes.get(g);
            out.put(g, Split.values()[best]);
        }
        return out;
    }
}
