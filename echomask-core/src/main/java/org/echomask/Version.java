package org.echomask;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolkit version, recorded with every dataset and model. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    public static String toolkit() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
