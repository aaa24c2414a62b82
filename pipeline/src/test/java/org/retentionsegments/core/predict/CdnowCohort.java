package org.retentionsegments.core.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The CDNOW cohort (23,570 customers whose first purchase was in the first quarter of 1997) as
 * Fader, Hardie and Lee prepared it: purchases of a day merged into one, weeks as the time unit, a
 * 39-week calibration period ending 1997-09-30 and a 39-week holdout after it.
 */
record CdnowCohort(Map<Integer, TreeMap<LocalDate, Double>> days) {

    static final Path FILE = Path.of(System.getProperty("segments.cdnow", "../datasets/cdnow/CDNOW_master.txt"));
    static final Path SAMPLE_IDS = FILE.resolveSibling("FHL2005_sample_ids.txt");
    static final LocalDate CALIBRATION_END = LocalDate.parse("1997-09-30");
    static final double WEEKS = 39;

    static CdnowCohort read() throws IOException {
        Map<Integer, TreeMap<LocalDate, Double>> days = new TreeMap<>();
        for (String line : Files.readAllLines(FILE)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].chars().allMatch(Character::isDigit)) {
                days.computeIfAbsent(Integer.parseInt(f[0]), k -> new TreeMap<>())
                        .merge(LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[3]), Double::sum);
            }
        }
        return new CdnowCohort(days);
    }

    /** The master ids of the paper's 1/10 sample of 2,357 customers, in the sample's own order. */
    static java.util.Set<Integer> sampleIds() throws IOException {
        java.util.Set<Integer> ids = new java.util.LinkedHashSet<>();
        for (String line : Files.readAllLines(SAMPLE_IDS)) {
            if (!line.isBlank()) {
                ids.add(Integer.parseInt(line.strip()));
            }
        }
        return ids;
    }

    /** The calibration-period histories of the customers whose id passes {@code ids}. */
    List<PurchaseHistory> histories(IntPredicate ids) {
        List<PurchaseHistory> histories = new ArrayList<>();
        days.forEach((id, purchases) -> {
            if (ids.test(id)) {
                histories.add(history(purchases));
            }
        });
        return histories;
    }

    static PurchaseHistory history(TreeMap<LocalDate, Double> purchases) {
        java.util.NavigableMap<LocalDate, Double> calibration = purchases.headMap(CALIBRATION_END, true);
        LocalDate first = purchases.firstKey();
        LocalDate last = calibration.lastKey();
        return new PurchaseHistory(calibration.size() - 1, weeks(first, last), weeks(first, CALIBRATION_END));
    }

    /** The repeat customers' calibration spend (mean value of the purchases after the first). */
    List<SpendHistory> spends(IntPredicate ids) {
        List<SpendHistory> spends = new ArrayList<>();
        days.forEach((id, purchases) -> {
            if (ids.test(id)) {
                List<Double> repeats = new ArrayList<>(purchases.headMap(CALIBRATION_END, true).values());
                repeats.remove(0);
                double sum = repeats.stream().mapToDouble(Double::doubleValue).sum();
                if (!repeats.isEmpty() && sum > 0) {
                    spends.add(new SpendHistory(repeats.size(), sum / repeats.size()));
                }
            }
        });
        return spends;
    }

    /** Purchase days in the 39-week holdout after the calibration period, of every customer. */
    long holdoutPurchases() {
        LocalDate end = CALIBRATION_END.plusWeeks(39);
        return days.values().stream().mapToLong(p -> p.subMap(CALIBRATION_END, false, end, true).size()).sum();
    }

    static double weeks(LocalDate from, LocalDate to) {
        return (to.toEpochDay() - from.toEpochDay()) / 7.0;
    }
}
