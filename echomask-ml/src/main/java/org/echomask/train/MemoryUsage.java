package org.echomask.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory readings for the per-epoch record: is a long run's footprint flat? */
final class MemoryUsage {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryUsage() {}

    /** Heap in use, MiB, as the memory bean reports it now (no GC is forced, so it includes garbage). */
    static double heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    /** VmRSS of this process, MiB; NaN where /proc is not available. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return parseKilobytes(line.substring("VmRSS:".length())) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** "   123456 kB" -> 123456. */
    static double parseKilobytes(String value) {
        String v = value.trim();
        if (!v.endsWith("kB")) {
            throw new IllegalArgumentException("not a kB value: " + value);
        }
        return Long.parseLong(v.substring(0, v.length() - 2).trim());
    }
}
