package org.echomask.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.echomask.EchomaskException;

/**
 * The implementations of one seam (fusion, head, loss) by name. A new method is a new class and
 * one entry here, never a new {@code switch}; a name nobody registered is a user error that lists
 * the known names, since names come from command lines, experiment configs and model.json files.
 * Immutable: {@link #with} returns a new registry, so no caller can change another's entries.
 */
final class Registry<T> {
    private final String seam;
    private final Map<String, T> byName;

    private Registry(String seam, Map<String, T> byName) {
        this.seam = seam;
        this.byName = byName;
    }

    /** An empty registry; {@code seam} names what the names name, for messages ("fusion", "head", "loss"). */
    static <T> Registry<T> of(String seam) {
        return new Registry<>(seam, Map.of());
    }

    /** This registry plus {@code entry} under {@code name}, which must be new. */
    Registry<T> with(String name, T entry) {
        if (name == null || name.isBlank() || byName.containsKey(name) || entry == null) {
            throw new IllegalArgumentException(seam + " '" + name + "' is blank, null or registered twice");
        }
        Map<String, T> more = new LinkedHashMap<>(byName);
        more.put(name, entry);
        return new Registry<>(seam, Collections.unmodifiableMap(more));
    }

    T get(String name) {
        T entry = name == null ? null : byName.get(name);
        if (entry == null) {
            throw new EchomaskException("unknown " + seam + " '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
        }
        return entry;
    }

    /** The registered names, in registration order. */
    Set<String> names() {
        return byName.keySet();
    }
}
