package org.retentionsegments.input.prepare;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How input values are judged, as the feature SQL's placeholders give them: the time zone of
 * timestamps without an offset, the latest and earliest accepted times, and the magnitude beyond
 * which amounts, discounts and costs are rejected.
 *
 * @param futureCutoff UTC; compared at whole seconds, as the SQL's literal is written
 * @param amountLimit the limit as it appears in reasons, e.g. {@code 1000000000}
 */
public record Rules(ZoneId zone, LocalDateTime futureCutoff, LocalDate earliest, String amountLimit) {

    public Rules {
        futureCutoff = futureCutoff.truncatedTo(ChronoUnit.SECONDS);
    }

    double limit() {
        return Double.parseDouble(amountLimit);
    }

    String cutoffText() {
        return futureCutoff.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    LocalDateTime earliestTime() {
        return earliest.atStartOfDay();
    }
}
