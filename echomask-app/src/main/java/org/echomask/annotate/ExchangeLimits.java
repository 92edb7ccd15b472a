package org.echomask.annotate;

import java.time.Duration;
import java.util.Objects;

/**
 * Time allowances for one HTTP exchange and the number of worker threads. The defaults are
 * generous for a browser (which sends its headers in one packet and an upload of at most
 * {@link MaskCodec#MAX_UPLOAD_BYTES} bytes) and short enough that slow clients cannot keep the
 * page from others for long.
 *
 * @param headers from the first byte of a request to the end of its headers
 * @param body reading the request body
 * @param response writing the response (the HQ export zip is the largest)
 * @param threads worker threads; each slow client holds one for at most its allowance
 */
record ExchangeLimits(Duration headers, Duration body, Duration response, int threads) {
    static final ExchangeLimits DEFAULT = new ExchangeLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(120), 8);

    ExchangeLimits {
        for (Duration d : new Duration[] {headers, body, response}) {
            Objects.requireNonNull(d, "time allowance");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("time allowances must be > 0, got " + d);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
