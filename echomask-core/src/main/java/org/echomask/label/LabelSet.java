package org.echomask.label;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * The classes a model predicts, in a fixed order: index i is output i of the network. Immutable.
 * Names are non-blank, unique, without surrounding spaces or control characters, and free of
 * {@link #FORBIDDEN}: ';' separates labels in a label string (the one separator manifests write),
 * ',' and '|' are read as separators in older manifests, '+' joins labels in power-set class names.
 * "none" is reserved for no label. Every reader of labels (manifests, Raven, Audacity and CSV
 * annotations, class folders) applies this same rule through {@link #problemWith(String)}.
 * Serialises to JSON as {@code {"labels": [...]}}.
 */
public final class LabelSet {
    /** Separator of several labels in one label string. */
    public static final String SEPARATOR = ";";
    /** Characters no label may contain (see the class comment). */
    public static final String FORBIDDEN = ";,|+";
    /** The label string of "no label". */
    public static final String NONE = "none";

    private final List<String> names;
    private final Map<String, Integer> index;

    private LabelSet(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a label set needs at least one label");
        }
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            validateName(n);
            if (idx.put(n, i) != null) {
                throw new IllegalArgumentException("label \"" + n + "\" appears twice in " + names);
            }
        }
        this.names = List.copyOf(names);
        this.index = Map.copyOf(idx);
    }

    /** The labels in the given order. */
    @JsonCreator
    public static LabelSet of(@JsonProperty("labels") List<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("labels missing");
        }
        return new LabelSet(new ArrayList<>(names));
    }

    public static LabelSet of(String... names) {
        return of(List.of(names));
    }

    /** The distinct labels in alphabetical order (e.g. every label seen in a set of annotations). */
    public static LabelSet sorted(Collection<String> names) {
        return new LabelSet(new ArrayList<>(new TreeSet<>(names)));
    }

    public static LabelSet fromJson(String json) {
        return Json.read(json, LabelSet.class);
    }

    public String toJson() {
        return Json.write(this);
    }

    @JsonProperty("labels")
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String name(int i) {
        if (i < 0 || i >= names.size()) {
            throw new IndexOutOfBoundsException("label index " + i + " outside 0.." + (names.size() - 1));
        }
        return names.get(i);
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** Index of a label; unknown labels are an error that lists the known ones. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new EchomaskException("unknown label \"" + name + "\"; known labels: " + names);
        }
        return i;
    }

    /** Multi-hot vector: 1 at each given label's index. */
    public float[] encode(Collection<String> labels) {
        float[] v = new float[names.size()];
        for (String l : labels) {
            v[indexOf(l)] = 1f;
        }
        return v;
    }

    /** Labels whose probability is at least {@code threshold}, in this set's order. */
    public Set<String> decode(float[] probs, double threshold) {
        checkLength(probs.length);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < probs.length; i++) {
            if (Float.isNaN(probs[i])) {
                throw new IllegalArgumentException("probability of \"" + names.get(i) + "\" is NaN");
            }
            if (probs[i] >= threshold) {
                out.add(names.get(i));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The labels of a label string such as "beluga_whistle;porpoise_click" (spaces around labels
     * ignored); "" and "none" (any case) mean no label. Every label must be in this set.
     */
    public Set<String> parse(String labelString) {
        String s = labelString == null ? "" : labelString.strip();
        if (s.isEmpty() || s.toLowerCase(Locale.ROOT).equals(NONE)) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>((a, b) -> Integer.compare(indexOf(a), indexOf(b)));
        for (String part : s.split(SEPARATOR, -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new EchomaskException("empty label in \"" + labelString + "\"");
            }
            found.add(p);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(found));
    }

    /** The label string of a set of labels, in this set's order; "none" when empty. */
    public String format(Collection<String> labels) {
        if (labels.isEmpty()) {
            return NONE;
        }
        return labels.stream().distinct().sorted((a, b) -> Integer.compare(indexOf(a), indexOf(b)))
                .collect(Collectors.joining(SEPARATOR));
    }

    void checkLength(int n) {
        if (n != names.size()) {
            throw new IllegalArgumentException("vector of length " + n + " for " + names.size() + " labels " + names);
        }
    }

    private static void validateName(String n) {
        String problem = problemWith(n);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why {@code name} cannot be a label, or null when it can: the one rule of label names, for
     * readers to report with their file and line.
     */
    public static String problemWith(String name) {
        if (name == null || name.isBlank()) {
            return "blank label name";
        }
        for (char c : FORBIDDEN.toCharArray()) {
            if (name.indexOf(c) >= 0) {
                return "label \"" + name + "\" contains '" + c + "'; labels must not contain any of " + FORBIDDEN
                        + " (';' separates several labels)";
            }
        }
        if (!name.strip().equals(name) || name.chars().anyMatch(Character::isISOControl)) {
            return "label \"" + name + "\" must not have surrounding spaces or control characters";
        }
        if (name.toLowerCase(Locale.ROOT).equals(NONE)) {
            return "\"" + name + "\" is reserved for no label";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSet" + names;
    }
}
