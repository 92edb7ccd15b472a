package org.echomask;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The toolkit version, recorded with every dataset and model and printed by {@code --version}:
 * the one place it is read. It comes from {@code version.properties}, which Maven filters with
 * {@code ${project.version}} (so it is right when run from classes as well as from a jar); when
 * that resource is missing or unfiltered (an IDE copying raw resources), from the jar manifest's
 * Implementation-Version; else "dev".
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    public static String toolkit() {
        return VERSION;
    }

    private static String load() {
        String v = fromResource();
        if (v == null || v.isBlank() || v.contains("${")) {
            v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        }
        return v == null || v.isBlank() ? "dev" : v;
    }

    private static String fromResource() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
