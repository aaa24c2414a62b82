package org.retentionsegments.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads generated files back the way an analyst would: for each {@code treatments.csv} row, whether
 * the customer made a positive order in {@code (treated_ts, treated_ts + 60 days]}.
 */
record HorizonRetention(Map<String, Boolean> holdoutByCustomer, Map<String, Boolean> retainedByCustomer) {

    static HorizonRetention of(GeneratedData data) {
        Map<String, Boolean> holdout = new LinkedHashMap<>();
        Map<String, Instant> treatedAt = new LinkedHashMap<>();
        for (String[] row : data.rows(Generator.TREATMENTS_FILE)) {
            holdout.put(row[1], row[3].equals("holdout"));
            treatedAt.put(row[1], Instant.parse(row[2]));
        }
        Set<String> retained = new HashSet<>();
        Duration horizon = Duration.ofDays(GeneratorConfig.HORIZON_DAYS);
        for (String[] row : data.rows(Generator.ORDERS_FILE)) {
            Instant from = treatedAt.get(row[1]);
            if (from != null && Double.parseDouble(row[3]) > 0) {
                Instant at = Instant.parse(row[2]);
                if (at.isAfter(from) && !at.isAfter(from.plus(horizon))) {
                    retained.add(row[1]);
                }
            }
        }
        Map<String, Boolean> retainedByCustomer = new LinkedHashMap<>();
        holdout.keySet().forEach(c -> retainedByCustomer.put(c, retained.contains(c)));
        return new HorizonRetention(holdout, retainedByCustomer);
    }

    long count(boolean holdout) {
        return holdoutByCustomer.values().stream().filter(h -> h == holdout).count();
    }

    double retention(boolean holdout) {
        long retained = holdoutByCustomer.entrySet().stream()
                .filter(e -> e.getValue() == holdout && retainedByCustomer.get(e.getKey()))
                .count();
        return (double) retained / count(holdout);
    }

    /** Treated minus holdout retention. */
    double lift() {
        return retention(false) - retention(true);
    }

    /** Half-width of the normal 95% confidence interval of {@link #lift()}. */
    double halfWidth95() {
        double pt = retention(false);
        double ph = retention(true);
        return 1.96 * Math.sqrt(pt * (1 - pt) / count(false) + ph * (1 - ph) / count(true));
    }
}
