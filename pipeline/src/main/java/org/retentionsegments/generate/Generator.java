package org.retentionsegments.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a synthetic retailer's input files ({@code customers.csv}, {@code orders.csv}, {@code
 * engagement.csv}, {@code treatments.csv}; see DESIGN.md section 3), streaming customer by customer
 * so that memory does not grow with the number of customers. The same config gives the same bytes.
 *
 * <p><b>Model.</b> Each customer draws an {@link Archetype}, a signup time (20% in the year before
 * the period, the rest uniform over it), a first purchase soon after signup, then repeat purchases
 * as a Poisson process with rate {@code lambda_i * s(t)} ({@code lambda_i} = archetype rate times a
 * Gamma(2) factor, {@code s} = {@link Seasonality}) until an exponential drop-out time. Lines,
 * prices (lognormal), categories, channels, discounts and returns follow per-customer habits.
 * Engagement follows activity and fades after drop-out. Only events inside the period are written.
 *
 * <p><b>Program.</b> On day {@code T} ({@link GeneratorConfig#treatedAt()}, 90 days before the end)
 * every customer with a positive order in the period before {@code T} and none in the 60 days
 * before {@code T} gets one {@code treatments.csv} row, arm {@code holdout} with probability {@code
 * holdoutShare} (drawn from the customer's own arm stream), otherwise {@code treatment}.
 *
 * <p><b>Planted lift {@code L}.</b> Natural behaviour comes from a random stream that the arm and
 * {@code L} never touch, so it is identical in both arms. For an eligible customer, {@code p_i} =
 * {@code 1 - exp(-lambda_i * integral of s over (T, min(T + 60d, dropOut_i)])} (0 if dropped out
 * before {@code T}) is the exact probability of at least one natural purchase in the horizon {@code
 * (T, T + 60d]}, since the Poisson purchases after {@code T} are independent of those before. A
 * treated customer with no natural purchase in the horizon gets one extra positive order at a
 * uniformly random day of the horizon with probability {@code min(1, L / (1 - p_i))}, drawn from
 * a separate lift stream. So {@code P(buy | treated) = p_i + (1 - p_i) min(1, L / (1 - p_i)) =
 * p_i + min(L, 1 - p_i)}, while {@code P(buy | holdout) = p_i}: over eligible customers the
 * expected treated-minus-holdout 60-day retention is exactly {@code L} except for customers with
 * {@code p_i > 1 - L} (only heavy buyers who were nevertheless silent for 60 days), where it is
 * capped at {@code 1 - p_i}. {@link GenerationSummary#expectedLift()} reports the capped mean
 * (0.0699 for {@code L = 0.07} with the default mix). Holdout and non-eligible customers' rows are
 * the same bytes for every {@code L}; treated customers only gain rows.
 */
public final class Generator {

    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String ORDERS_FILE = "orders.csv";
    public static final String ENGAGEMENT_FILE = "engagement.csv";
    public static final String TREATMENTS_FILE = "treatments.csv";

    public static final String CUSTOMERS_HEADER = "customer_id,signup_ts,email_consent,country,email,phone";
    public static final String ORDERS_HEADER =
            "order_id,customer_id,order_ts,amount,line_no,category,channel,discount";
    public static final String ENGAGEMENT_HEADER = "customer_id,event_ts,event_type,channel,event_id";
    public static final String TREATMENTS_HEADER = "program_id,customer_id,treated_ts,arm,channel,cost";

    /** Where the four files go; closed by {@link #writeTo(Outputs, ProgressListener)}. */
    public record Outputs(OutputStream customers, OutputStream orders, OutputStream engagement,
            OutputStream treatments) {}

    private final GeneratorConfig config;

    public Generator(GeneratorConfig config) {
        this.config = config;
    }

    /** Writes the four files into {@code directory} (created if missing, files replaced). */
    public GenerationSummary writeTo(Path directory, ProgressListener progress) throws IOException {
        Files.createDirectories(directory);
        return writeTo(new Outputs(
                Files.newOutputStream(directory.resolve(CUSTOMERS_FILE)),
                Files.newOutputStream(directory.resolve(ORDERS_FILE)),
                Files.newOutputStream(directory.resolve(ENGAGEMENT_FILE)),
                Files.newOutputStream(directory.resolve(TREATMENTS_FILE))), progress);
    }

    public GenerationSummary writeTo(Outputs outputs, ProgressListener progress) throws IOException {
        long firstDay = config.startEpochDay() - 400;
        int dayCount = config.days() + 500;
        try (LineWriter customers = new LineWriter(outputs.customers(), firstDay, dayCount);
                LineWriter orders = new LineWriter(outputs.orders(), firstDay, dayCount);
                LineWriter engagement = new LineWriter(outputs.engagement(), firstDay, dayCount);
                LineWriter treatments = new LineWriter(outputs.treatments(), firstDay, dayCount)) {
            customers.header(CUSTOMERS_HEADER);
            orders.header(ORDERS_HEADER);
            engagement.header(ENGAGEMENT_HEADER);
            treatments.header(TREATMENTS_HEADER);
            CustomerSimulator simulator = new CustomerSimulator(config, customers, orders, engagement, treatments);
            int total = config.customers();
            int step = Math.max(1, total / 100);
            for (int i = 0; i < total; i++) {
                simulator.simulate(i);
                if ((i + 1) % step == 0 && i + 1 < total) {
                    progress.onProgress(i + 1, total);
                }
            }
            progress.onProgress(total, total);
            return summary(simulator, orders.lines(), engagement.lines());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private GenerationSummary summary(CustomerSimulator simulator, long orderLines, long events) {
        Map<Archetype, Long> counts = new EnumMap<>(Archetype.class);
        long[] byArchetype = simulator.archetypeCounts();
        for (Archetype a : Archetype.values()) {
            counts.put(a, byArchetype[a.ordinal()]);
        }
        return new GenerationSummary(config.customers(), simulator.orders(), simulator.returns(), orderLines,
                events, simulator.eligible(), simulator.treated(), simulator.expectedLift(), counts);
    }
}
