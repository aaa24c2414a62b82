package org.retentionsegments.input.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.retentionsegments.core.Contacts;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;

/**
 * The first stage of a bounded run on files, in plain Java: reads every input file, parses and
 * validates every record, drops duplicates, rolls orders, engagement and sign-ups up per customer
 * and UTC day, and leaves in the staging folder what the Flink SQL batch stage leaves (the
 * day-sorted rollups, the accepted treatments, the rejected rows and the per-input accounting), so
 * that the stream stage reads either.
 *
 * <p>It computes what the views of {@code sql/flink/features} compute, reason for reason (the
 * continuous job runs those views, and a run with a user's own adapter SQL runs them in Flink's
 * batch mode); {@code PreparationMatchesFlinkSqlITCase} compares the two on the hostile corpus,
 * CDNOW, the Online Retail layout and a generated business. It exists because Flink SQL spends
 * most of a bounded run's first stage planning and generating code, single-threaded (see
 * {@code bench/README.md}); this does the same work in one pass over the files and a few sorts
 * of the accepted rows.
 */
public final class Preparation {

    /** One file of an input and how its records are written. */
    public record InputFile(Path path, InputFormat format) {}

    /** The accounting of one input: read = accepted + rejected + duplicates. */
    public record Counts(long read, long rejected, long duplicates, LocalDateTime lastEvent) {}

    private final Rules rules;
    private final Checks checks;
    private final Map<InputKind, ShippedAdapter> adapters;
    private final StagingFiles out;
    private final Map<InputKind, long[]> counts = new EnumMap<>(InputKind.class);
    private final Map<InputKind, LocalDateTime> lastEvents = new EnumMap<>(InputKind.class);
    private final DayTable days = new DayTable();
    /** The bytes of the input files read so far (the first reading of each; not the rereading of rejects). */
    private AtomicLong bytesRead = new AtomicLong();

    private Preparation(Rules rules, Map<InputKind, ShippedAdapter> adapters, StagingFiles out) {
        this.rules = rules;
        this.checks = new Checks(rules);
        this.adapters = adapters;
        this.out = out;
    }

    /**
     * Whether the preparation can read inputs mapped by these {@code --source-sql} values: none,
     * or only names of shipped adapters (a file or folder of SQL needs the Flink SQL stage).
     */
    public static boolean handles(List<String> adapterArguments) {
        for (String adapter : adapterArguments) {
            if (Files.exists(Path.of(adapter)) || ShippedAdapter.named(adapter) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Heap the preparation may take per byte of input, measured with the parallel collector (the
     * launcher's for runs): 644,560 generated order lines (41 MB) ran out of memory with a 250 MB
     * heap and ran in 300 MB; 6.4M lines of 1M customers (390 MB) thrashed and ran out of a 2.4 GB
     * heap and ran in 3.2 GB (41.5 s). With {@link #HEAP_SHARE} a run plans 13 bytes of heap per
     * input byte, 1.6 times what ran.
     */
    static final long HEAP_PER_INPUT_BYTE = 8;

    /** The share of the JVM's heap the preparation may plan to take. */
    static final double HEAP_SHARE = 0.6;

    /**
     * Whether inputs of {@code inputBytes} fit this stage in a heap of {@code maxHeap} bytes. It
     * keeps every accepted order line and every event with an id in memory, where the Flink SQL
     * stage spills to disk (and took 234 s for those 6.4M lines).
     */
    public static boolean fits(long inputBytes, long maxHeap) {
        return inputBytes <= maxHeap * HEAP_SHARE / HEAP_PER_INPUT_BYTE;
    }

    /** The bytes of every file of the inputs. */
    public static long bytes(Map<InputKind, List<InputFile>> files) throws IOException {
        long bytes = 0;
        for (List<InputFile> list : files.values()) {
            for (InputFile file : list) {
                bytes += Files.size(file.path());
            }
        }
        return bytes;
    }

    /** The heap a run needs for the preparation of inputs of {@code inputBytes}, rounded up to a gigabyte. */
    public static long heapNeeded(long inputBytes) {
        long bytes = (long) Math.ceil(inputBytes * HEAP_PER_INPUT_BYTE / HEAP_SHARE);
        return (bytes + (1L << 30) - 1) >> 30 << 30;
    }

    /**
     * Prepares the inputs into {@code staging} (its folders {@code customer_day}, {@code treatments},
     * {@code rejected} and {@code input_counts}) and returns each input's accounting.
     *
     * @param adapterNames shipped adapter names, as {@link #handles} accepted them
     */
    public static Map<InputKind, Counts> run(Map<InputKind, List<InputFile>> files, Charset charset,
            List<String> adapterNames, Rules rules, Path staging) throws IOException {
        return run(files, charset, adapterNames, rules, staging, new AtomicLong());
    }

    /**
     * {@link #run(Map, Charset, List, Rules, Path)}, adding to {@code bytesRead} the bytes of the
     * input files as they are read (up to {@link #bytes} in all), for a progress line.
     */
    public static Map<InputKind, Counts> run(Map<InputKind, List<InputFile>> files, Charset charset,
            List<String> adapterNames, Rules rules, Path staging, AtomicLong bytesRead) throws IOException {
        Map<InputKind, ShippedAdapter> adapters = new EnumMap<>(InputKind.class);
        for (String name : adapterNames) {
            ShippedAdapter adapter = ShippedAdapter.named(name);
            adapters.put(adapter.kind(), adapter);
        }
        try (StagingFiles out = new StagingFiles(staging)) {
            Preparation p = new Preparation(rules, adapters, out);
            p.bytesRead = bytesRead;
            p.orders(files.getOrDefault(InputKind.ORDERS, List.of()), charset);
            p.engagement(files.getOrDefault(InputKind.ENGAGEMENT, List.of()), charset);
            p.treatments(files.getOrDefault(InputKind.TREATMENTS, List.of()), charset);
            p.customers(files.getOrDefault(InputKind.CUSTOMERS, List.of()), charset);
            p.writeDays();
            Map<InputKind, Counts> result = new EnumMap<>(InputKind.class);
            for (Map.Entry<InputKind, long[]> e : p.counts.entrySet()) {
                long[] c = e.getValue();
                if (c[0] > 0) { // as the SQL's GROUP BY source: an input without records has no row
                    Counts counts = new Counts(c[0], c[1], c[2], p.lastEvents.get(e.getKey()));
                    result.put(e.getKey(), counts);
                    out.inputCounts(e.getKey().label(), counts);
                }
            }
            return result;
        }
    }

    /** One readable record mapped onto the contract. */
    private record Mapped(InputRecord record, String raw, String parseError, String[] fields) {}

    /** What each record of an input's files is handed to. */
    private interface RecordHandler {
        void accept(Mapped record) throws IOException;
    }

    /** Reads every file of an input, rejecting unreadable lines, and hands over the records. */
    private void read(InputKind kind, List<InputFile> files, Charset charset, RecordHandler handler) throws IOException {
        long[] c = counts.computeIfAbsent(kind, k -> new long[3]);
        ShippedAdapter adapter = adapters.get(kind);
        for (InputFile file : files) {
            try (InputStream in = new CountingInputStream(Files.newInputStream(file.path()), bytesRead)) {
                RecordReader reader = new RecordReader(kind, file.format(), charset, file.path().toString(), in);
                InputRecord record;
                while ((record = reader.next()) != null) {
                    if (record.error() != null) {
                        c[0]++;
                        c[1]++;
                        out.rejected(kind.label(), record.file(), record.line(), record.raw(), record.error());
                        continue;
                    }
                    Mapped mapped;
                    if (file.format() == InputFormat.LINES) {
                        String line = record.fields()[0];
                        ShippedAdapter.Mapped m = adapter.map(line);
                        if (m == null) {
                            continue; // not a record: the adapter's WHERE leaves it out
                        }
                        mapped = new Mapped(record, line, m.parseError(), m.fields());
                    } else {
                        mapped = new Mapped(record, record.raw(), null, record.fields());
                    }
                    c[0]++;
                    handler.accept(mapped);
                }
            }
        }
    }

    private void reject(InputKind kind, Mapped m, String reason) throws IOException {
        counts.get(kind)[1]++;
        out.rejected(kind.label(), m.record().file(), m.record().line(), m.raw(), reason);
    }

    private void duplicate(InputKind kind) {
        counts.get(kind)[2]++;
    }

    private void seen(InputKind kind, LocalDateTime ts) {
        lastEvents.merge(kind, ts, (a, b) -> a.isAfter(b) ? a : b);
    }

    // ---------------------------------------------------------------------------------- orders

    /**
     * An accepted order line, as small as it can be: its order id is the key of its group, equal
     * texts share one instance ({@link #canonical}), the time is seconds and nanoseconds, and the
     * raw line is read again from the file in the rare case it is needed (an order rejected as a
     * whole). 6.4M lines of 1M generated customers took about 600 bytes each as objects with
     * {@code LocalDateTime} and strings of their own.
     */
    private static final class OrderLine {
        String customerId;
        long second;
        int nano;
        double amount;
        /** Whether the line carried a discount above zero (all an order needs of it). */
        boolean discounted;
        String lineNo;
        String category;
        String channel;
        String file;
        long lineNumber;

        boolean before(OrderLine other) {
            return second < other.second || second == other.second && nano < other.nano;
        }
    }

    /** Lines of one order in {@code orders_numbered}'s order: line number (nulls first), then time (a stable sort). */
    private static final Comparator<OrderLine> NUMBERING = Comparator
            .<OrderLine, String>comparing(l -> l.lineNo, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(l -> l.second).thenComparingInt(l -> l.nano);

    /** One instance per distinct text of ids, line numbers, categories and channels. */
    private final Map<String, String> canonical = new HashMap<>();

    private String canonical(String text) {
        if (text == null) {
            return null;
        }
        String kept = canonical.putIfAbsent(text, text);
        return kept == null ? text : kept;
    }

    /** Lines of orders rejected as a whole, by file and line number, with the reason: their raw text is read again. */
    private final Map<String, Map<Long, String>> wholeOrderRejects = new HashMap<>();

    private OrderLine lastOrderLine;

    private void orders(List<InputFile> files, Charset charset) throws IOException {
        // each order's lines together as they are read (grouped by hashing, not by sorting every line)
        Map<String, Object> byOrder = new HashMap<>();
        Object[] parsed = new Object[4];
        read(InputKind.ORDERS, files, charset, m -> {
            String reason = checks.order(m.parseError(), m.fields(), parsed);
            if (reason != null) {
                reject(InputKind.ORDERS, m, reason);
                return;
            }
            String[] f = m.fields();
            LocalDateTime ts = (LocalDateTime) parsed[0];
            OrderLine line = new OrderLine();
            line.customerId = canonical(f[1]);
            line.second = ts.toEpochSecond(ZoneOffset.UTC);
            line.nano = ts.getNano();
            line.amount = (Double) parsed[1];
            line.lineNo = canonical(f[4]);
            line.category = canonical(f[5]);
            line.channel = canonical(f[6]);
            line.discounted = parsed[3] != null && (Double) parsed[3] > 0; // false for NaN, no discount
            line.file = canonical(m.record().file());
            line.lineNumber = m.record().line();
            byOrder.merge(f[0], line, (a, b) -> {
                if (a instanceof OrderLine single) {
                    List<OrderLine> lines = new ArrayList<>(4);
                    lines.add(single);
                    lines.add((OrderLine) b);
                    return lines;
                }
                @SuppressWarnings("unchecked")
                List<OrderLine> lines = (List<OrderLine>) a;
                lines.add((OrderLine) b);
                return lines;
            });
        });
        canonical.clear();
        for (Map.Entry<String, Object> group : byOrder.entrySet()) {
            @SuppressWarnings("unchecked")
            List<OrderLine> lines = group.getValue() instanceof OrderLine single ? List.of(single)
                    : (List<OrderLine>) group.getValue();
            if (lines.size() > 1) {
                lines.sort(NUMBERING);
            }
            String first = lines.get(0).customerId;
            String last = first;
            for (OrderLine line : lines) {
                first = Texts.min(first, line.customerId);
                last = Texts.max(last, line.customerId);
            }
            order(group.getKey(), lines, first, last);
        }
        byOrder.clear();
        if (lastOrderLine != null) {
            seen(InputKind.ORDERS, LocalDateTime.ofEpochSecond(lastOrderLine.second, lastOrderLine.nano, ZoneOffset.UTC));
        }
        rejectWholeOrders(files, charset);
    }

    /** The accepted lines of one order: rejected as a whole, or numbered and rolled up. */
    private void order(String orderId, List<OrderLine> lines, String firstCustomer, String lastCustomer) {
        OrderLine head = lines.get(0);
        if (!firstCustomer.equals(lastCustomer)) {
            String reason = "order_id " + orderId + " has lines for different customers (" + firstCustomer
                    + ", " + lastCustomer + "): the whole order is rejected";
            for (OrderLine line : lines) {
                counts.get(InputKind.ORDERS)[1]++;
                wholeOrderRejects.computeIfAbsent(line.file, f -> new HashMap<>()).put(line.lineNumber, reason);
            }
            return;
        }
        OrderLine earliest = null;
        double amount = 0;
        String channel = null;
        boolean discounted = false;
        String previousLineNo = null;
        for (OrderLine line : lines) {
            if (lastOrderLine == null || lastOrderLine.before(line)) {
                lastOrderLine = line;
            }
            boolean copy = line.lineNo != null && line.lineNo.equals(previousLineNo);
            previousLineNo = line.lineNo;
            if (copy) {
                duplicate(InputKind.ORDERS);
                continue;
            }
            earliest = earliest == null || line.before(earliest) ? line : earliest;
            amount += line.amount;
            channel = Texts.min(channel, line.channel);
            discounted |= line.discounted;
            if (line.amount > 0 && line.category != null) {
                day(line.customerId, Math.floorDiv(line.second, SECONDS_PER_DAY)).categorySpend()
                        .add(Texts.listName(line.category), line.amount);
            }
        }
        Day day = day(head.customerId, Math.floorDiv(earliest.second, SECONDS_PER_DAY));
        boolean midnight = Math.floorMod(earliest.second, SECONDS_PER_DAY) == 0 && earliest.nano == 0;
        if (amount > 0) {
            day.orders++;
            day.discountedOrders += discounted ? 1 : 0;
            if (midnight) {
                day.midnight().orders++;
            }
            String name = Texts.listName(channel);
            if (name != null) {
                day.channelOrders().add(name, 1);
            }
        } else if (amount < 0) {
            day.returnOrders++;
        }
        day.revenue += amount;
        day.gross += amount > 0 ? amount : 0;
        day.returnAmount += amount < 0 ? -amount : 0;
        if (midnight) {
            Midnight m = day.midnight();
            m.revenue += amount;
            m.gross += amount > 0 ? amount : 0;
            m.returnAmount += amount < 0 ? -amount : 0;
        }
    }

    private static final long SECONDS_PER_DAY = 86_400;

    /** Writes the rejected lines of orders rejected as a whole, their raw text read again from their files. */
    private void rejectWholeOrders(List<InputFile> files, Charset charset) throws IOException {
        if (wholeOrderRejects.isEmpty()) {
            return;
        }
        ShippedAdapter adapter = adapters.get(InputKind.ORDERS);
        for (InputFile file : files) {
            Map<Long, String> reasons = wholeOrderRejects.get(file.path().toString());
            if (reasons == null) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file.path())) {
                RecordReader reader = new RecordReader(InputKind.ORDERS, file.format(), charset, file.path().toString(), in);
                InputRecord record;
                while ((record = reader.next()) != null) {
                    String reason = record.error() == null ? reasons.get(record.line()) : null;
                    if (reason != null) {
                        String raw = file.format() == InputFormat.LINES ? record.fields()[0] : record.raw();
                        out.rejected(InputKind.ORDERS.label(), record.file(), record.line(), raw, reason);
                    }
                }
            }
        }
        wholeOrderRejects.clear();
    }

    // ------------------------------------------------------------------------------ engagement

    /** An accepted engagement event; equal texts share one instance, the time is seconds and nanoseconds. */
    private record Event(String customerId, long second, int nano, String type) {

        boolean before(Event other) {
            return second < other.second || second == other.second && nano < other.nano;
        }
    }

    private void engagement(List<InputFile> files, Charset charset) throws IOException {
        Map<String, Event> byEventId = new HashMap<>();
        Object[] parsed = new Object[1];
        read(InputKind.ENGAGEMENT, files, charset, m -> {
            String reason = checks.engagement(m.parseError(), m.fields(), parsed);
            if (reason != null) {
                reject(InputKind.ENGAGEMENT, m, reason);
                return;
            }
            String[] f = m.fields();
            LocalDateTime ts = (LocalDateTime) parsed[0];
            Event event = new Event(canonical(f[0]), ts.toEpochSecond(ZoneOffset.UTC), ts.getNano(),
                    canonical(Texts.lowerTrim(f[2])));
            seen(InputKind.ENGAGEMENT, ts);
            if (f[4] == null) {
                count(event); // events without an event_id are all kept
                return;
            }
            Event kept = byEventId.putIfAbsent(f[4], event);
            if (kept != null) {
                duplicate(InputKind.ENGAGEMENT);
                if (event.before(kept)) {
                    byEventId.put(f[4], event); // the earliest copy is the one kept
                }
            }
        });
        canonical.clear();
        byEventId.values().forEach(this::count);
    }

    private void count(Event event) {
        Day day = day(event.customerId(), Math.floorDiv(event.second(), SECONDS_PER_DAY));
        day.engagementEvents++;
        day.eventCounts().add(Texts.listName(event.type()), 1);
    }

    // ------------------------------------------------------------------------------ treatments

    /** An accepted program entry, as staged. */
    record Treatment(String programId, String customerId, LocalDateTime ts, String arm, String channel, Double cost) {}

    private record TreatmentKey(String programId, String customerId, LocalDateTime ts) {}

    private void treatments(List<InputFile> files, Charset charset) throws IOException {
        Map<TreatmentKey, Treatment> kept = new HashMap<>();
        Object[] parsed = new Object[2];
        read(InputKind.TREATMENTS, files, charset, m -> {
            String reason = checks.treatment(m.parseError(), m.fields(), parsed);
            if (reason != null) {
                reject(InputKind.TREATMENTS, m, reason);
                return;
            }
            String[] f = m.fields();
            Treatment t = new Treatment(f[0], f[1], (LocalDateTime) parsed[0], Texts.lowerTrim(f[3]), f[4],
                    (Double) parsed[1]);
            Treatment earlier = kept.putIfAbsent(new TreatmentKey(t.programId(), t.customerId(), t.ts()), t);
            if (earlier != null) {
                duplicate(InputKind.TREATMENTS);
                if (Texts.compare(t.arm(), earlier.arm()) < 0) { // numbered by arm: holdout before treatment
                    kept.put(new TreatmentKey(t.programId(), t.customerId(), t.ts()), t);
                }
            }
        });
        List<Treatment> sorted = new ArrayList<>(kept.values());
        sorted.sort(Comparator.comparing(Treatment::ts).thenComparing(Treatment::programId, Texts.SQL_ORDER)
                .thenComparing(Treatment::customerId, Texts.SQL_ORDER));
        for (Treatment t : sorted) {
            out.treatment(t);
        }
    }

    // ------------------------------------------------------------------------------- customers

    /** A kept customers row; the email and phone as their SHA-256 ({@link Contacts}), never in clear. */
    private record Customer(LocalDateTime signup, Boolean consent, String country, String emailSha256,
            String phoneSha256) {}

    private void customers(List<InputFile> files, Charset charset) throws IOException {
        Map<String, Customer> kept = new HashMap<>();
        Object[] parsed = new Object[2];
        read(InputKind.CUSTOMERS, files, charset, m -> {
            String reason = checks.customer(m.parseError(), m.fields(), parsed);
            if (reason != null) {
                reject(InputKind.CUSTOMERS, m, reason);
                return;
            }
            String[] f = m.fields();
            Customer c = new Customer((LocalDateTime) parsed[0], (Boolean) parsed[1], f[3],
                    Contacts.emailSha256(f[4]), Contacts.phoneSha256(f[5], f[3]));
            Customer earlier = kept.putIfAbsent(f[0], c);
            if (earlier != null) {
                duplicate(InputKind.CUSTOMERS);
                // numbered by signup_ts, nulls first (Flink SQL's default order): the first copy wins ties
                if (earlier.signup() != null && (c.signup() == null || c.signup().isBefore(earlier.signup()))) {
                    kept.put(f[0], c);
                }
            }
        });
        kept.forEach((id, c) -> {
            if (c.signup() != null) {
                Signup signup = day(id, c.signup()).signup();
                signup.emailConsent = c.consent() == null ? null : c.consent() ? 1 : 0;
                String country = Texts.trimSpaces(c.country());
                signup.country = country == null || country.isEmpty() ? null : country;
                signup.emailSha256 = c.emailSha256();
                signup.phoneSha256 = c.phoneSha256();
            }
        });
    }

    // ------------------------------------------------------------------------------------ days

    /**
     * One customer's rollup of one UTC day: a row of {@code customer_day}, with its key. What
     * most days lack (orders at exactly midnight, a sign-up) is in objects of its own, made when
     * first needed: the stage keeps every day of every customer until it ends (at a million
     * customers 5.8M days), and each field costs that many times over.
     */
    static final class Day {
        final String customerId;
        final long day;
        int orders;
        int returnOrders;
        int discountedOrders;
        int engagementEvents;
        double revenue;
        double gross;
        double returnAmount;
        Tally channelOrders;
        Tally categorySpend;
        Tally eventCounts;
        Midnight midnight;
        Signup signup;

        Day(String customerId, long day) {
            this.customerId = customerId;
            this.day = day;
        }

        // made when first needed: most days have no engagement or no order
        Tally channelOrders() {
            return channelOrders == null ? channelOrders = new Tally() : channelOrders;
        }

        Tally categorySpend() {
            return categorySpend == null ? categorySpend = new Tally() : categorySpend;
        }

        Tally eventCounts() {
            return eventCounts == null ? eventCounts = new Tally() : eventCounts;
        }

        Midnight midnight() {
            return midnight == null ? midnight = new Midnight() : midnight;
        }

        Signup signup() {
            return signup == null ? signup = new Signup() : signup;
        }
    }

    /** The part of a day's orders placed at exactly midnight (none: every figure 0). */
    static final class Midnight {
        int orders;
        double revenue;
        double gross;
        double returnAmount;
    }

    /** A day's sign-up, from the customers input. */
    static final class Signup {
        Integer emailConsent;
        String country;
        String emailSha256;
        String phoneSha256;
    }

    private Day day(String customerId, LocalDateTime ts) {
        return day(customerId, ts.toLocalDate().toEpochDay());
    }

    private Day day(String customerId, long epochDay) {
        return days.get(customerId, epochDay);
    }

    /**
     * Writes the rollups sorted by day, as the stream stage reads them; within a day in no
     * particular order (as Flink SQL's sort leaves them: each customer's days go to its own key).
     */
    private void writeDays() throws IOException {
        Day[] sorted = days.all();
        long[] order = new long[sorted.length]; // day in the high bits, position in the low 32: one primitive sort
        long firstDay = Long.MAX_VALUE;
        for (Day d : sorted) {
            firstDay = Math.min(firstDay, d.day);
        }
        for (int i = 0; i < sorted.length; i++) {
            order[i] = ((sorted[i].day - firstDay) << 32) | i;
        }
        Arrays.sort(order);
        for (long o : order) {
            out.day(sorted[(int) o]);
        }
    }
}
