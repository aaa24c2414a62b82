package org.retentionsegments.hostile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded generator of hostile input: for each of the four inputs, folders of CSV and JSON-lines
 * files (each CSV file with its own header: other column orders, cases, extra columns, CRLF, BOMs,
 * empty and header-only files) in which good rows are mixed with every class of bad row the
 * pipeline must survive: truncation, wrong column counts, unbalanced quotes, quoted newlines, NUL
 * bytes, invalid UTF-8, BOMs inside lines, lines of 1 and 5 MB, huge, tiny and non-finite numbers,
 * decimal commas, impossible, ancient and far-future dates, offsets, duplicates, orders naming two
 * customers, strict-JSON violations. It records the fate of every record and the R/F/M every
 * customer with orders must end with, computed here from the good orders alone.
 */
public final class HostileCorpus {

    /** The run's as_of; every good order lies well inside two years before it. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    private static final String RANGE = "(less than 1000000000 either way)";
    private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final List<String> ORDER_COLUMNS =
            List.of("order_id", "customer_id", "order_ts", "amount", "line_no", "category", "channel", "discount");

    /** The R/F/M a customer with orders must have as of {@link #AS_OF}. */
    public record Rfm(int frequency, BigDecimal monetary, int recencyDays) {}

    /** What the corpus holds and what must come of it. */
    public record Expected(Map<String, Path> inputs, Map<String, Map<Long, Fate>> fates,
            Map<String, long[]> counts, Map<String, Rfm> orderCustomers, Set<String> acceptedIds,
            Set<String> rejectedOnlyIds) {}

    private record GoodOrder(String customer, Instant ts, List<BigDecimal> lines) {}

    private final Random random;
    private final Path dir;
    private final Map<String, GoodOrder> orders = new LinkedHashMap<>();
    private final List<String> customers = new ArrayList<>();
    private final Set<String> acceptedIds = new LinkedHashSet<>();
    private final Set<String> rejectedOnlyIds = new LinkedHashSet<>();
    private final Map<CorpusFile, String> files = new LinkedHashMap<>();
    private int next;

    private HostileCorpus(long seed, Path dir) {
        this.random = new Random(seed);
        this.dir = dir;
    }

    /** Writes the corpus of {@code seed} under {@code dir}. */
    public static Expected write(long seed, Path dir) throws IOException {
        return new HostileCorpus(seed, dir).write();
    }

    private Expected write() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < 30 + random.nextInt(20)) {
            ids.add(String.format("c%04d", random.nextInt(10_000)));
        }
        customers.addAll(ids);
        customers.addAll(List.of("Café", "Cafè", "Cafe\u0301", "客户-7", "emoji😀", "O'Brien", "a \"quoted\" id", "12345"));
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("orders", orders());
        inputs.put("engagement", engagement());
        inputs.put("treatments", treatments());
        inputs.put("customers", customersInput());

        Map<String, Map<Long, Fate>> fates = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        for (Map.Entry<CorpusFile, String> e : files.entrySet()) {
            Map<Long, Fate> written = e.getKey().write();
            fates.put(e.getKey().path.toString(), written);
            long[] c = counts.computeIfAbsent(e.getValue(), k -> new long[4]);
            for (Fate f : written.values()) {
                switch (f.outcome()) {
                    case ACCEPTED -> { c[0]++; c[1]++; }
                    case REJECTED -> { c[0]++; c[2]++; }
                    case DUPLICATE -> { c[0]++; c[3]++; }
                    case SKIPPED -> { }
                }
            }
        }
        Map<String, Rfm> rfm = new TreeMap<>();
        Map<String, List<GoodOrder>> byCustomer = new HashMap<>();
        orders.values().forEach(o -> byCustomer.computeIfAbsent(o.customer(), k -> new ArrayList<>()).add(o));
        Instant asOf = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowStart = asOf.minus(365, ChronoUnit.DAYS);
        byCustomer.forEach((customer, list) -> {
            if (list.stream().noneMatch(o -> o.lines().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() > 0)) {
                return; // only refunds: no recency to expect
            }
            int frequency = 0;
            BigDecimal monetary = BigDecimal.ZERO;
            LocalDate last = null;
            for (GoodOrder o : list) {
                BigDecimal net = o.lines().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                boolean positive = net.signum() > 0;
                if (o.ts().isAfter(windowStart) && o.ts().isBefore(asOf)) {
                    monetary = monetary.add(net);
                    frequency += positive ? 1 : 0;
                }
                LocalDate day = o.ts().atOffset(ZoneOffset.UTC).toLocalDate();
                if (positive && (last == null || day.isAfter(last))) {
                    last = day;
                }
            }
            rfm.put(customer, new Rfm(frequency, monetary.max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_EVEN),
                    (int) ChronoUnit.DAYS.between(last, AS_OF)));
        });
        return new Expected(inputs, fates, counts, rfm, acceptedIds, rejectedOnlyIds);
    }

    // ---------------------------------------------------------------- orders

    private Path orders() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("orders"));
        CorpusFile a = file(folder.resolve("a_canonical.csv"), "orders", false, ORDER_COLUMNS, "\n", false);
        goodOrders(a, 60, true);
        hostileOrders(a);
        // a file name that would be SQL if it reached SQL: a quote, a table option, a placeholder
        CorpusFile b = file(folder.resolve("b o.csv', 'source.monitor-interval' = '1s ${orders.path}.csv"), "orders", false,
                List.of(" Amount ", "CUSTOMER_ID", "order_ts", "note", "Order_Id", "line_no", "Category"), "\r\n", true);
        goodOrders(b, 30, true);
        b.raw("1,2,3", Fate.rejected("expected 7 columns, found 3"));
        b.scatterLast(1, random);
        CorpusFile c = file(folder.resolve("c_lines.jsonl"), "orders", true,
                List.of("Order_ID", "customer_id", "ORDER_TS", "amount", "line_no", "channel"), "\n", true);
        goodOrders(c, 30, true);
        hostileJsonOrders(c);
        file(folder.resolve("d_empty.csv"), "orders", false, null, "\n", false);
        CorpusFile e = file(folder.resolve("e_header_only.csv"), "orders", false,
                List.of("order_id", "customer_id", "order_ts", "amount"), "\r\n", false);
        CorpusFile f = file(folder.resolve("f_minimal.csv"), "orders", false,
                List.of("customer_id", "order_id", "amount", "order_ts"), "\n", false);
        goodOrders(f, 20, false);
        // one file of the folder with a header that lacks a required column: its lines are rejected, the run goes on
        CorpusFile g = file(folder.resolve("g_bad_header.csv"), "orders", false,
                List.of("invoice", "customer_id", "order_ts", "amount"), "\n", false);
        for (int i = 0; i < 3; i++) {
            Map<String, String> row = base("h" + next++, "x" + next++);
            g.row(Map.of("invoice", row.get("order_id"), "customer_id", row.get("customer_id"), "order_ts",
                    row.get("order_ts"), "amount", "5.00"), Fate.rejected("not read: its header line has no column 'order_id'"));
            rejectedOnly(row.get("customer_id"));
        }
        g.raw("", Fate.SKIPPED);
        // identical rows without line_no are two lines of one order, not a retry
        String customer = pick();
        String id = "o" + next++;
        Instant ts = goodInstant();
        Map<String, String> row = Map.of("customer_id", customer, "order_id", id, "amount", "7.25", "order_ts", ISO_Z.format(ts.atOffset(ZoneOffset.UTC)));
        f.row(row, accepted(customer));
        f.row(row, accepted(customer));
        orders.put(id, new GoodOrder(customer, ts, List.of(new BigDecimal("7.25"), new BigDecimal("7.25"))));
        f.scatterLast(2, random);
        return folder;
    }

    /** Good orders of 1 to 3 lines in varied timestamp spellings; a few retried lines when the file has line_no. */
    private void goodOrders(CorpusFile f, int n, boolean lineNumbers) {
        for (int i = 0; i < n; i++) {
            String id = "o" + next++;
            String customer = pick();
            Instant ts = goodInstant();
            String when = spell(ts);
            int lines = lineNumbers ? 1 + random.nextInt(3) : 1;
            List<BigDecimal> amounts = new ArrayList<>();
            for (int l = 1; l <= lines; l++) {
                // the first line is a purchase of at least 100; later ones may be returned items
                BigDecimal amount = l == 1 ? BigDecimal.valueOf(10_000 + random.nextInt(30_000), 2)
                        : BigDecimal.valueOf(random.nextInt(45_000) - 5_000, 2);
                amounts.add(amount);
                Map<String, String> row = new HashMap<>();
                row.put("order_id", random.nextBoolean() ? id : "  " + id + " ");
                row.put("customer_id", customer);
                row.put("order_ts", when);
                row.put("amount", amount.toPlainString());
                if (lineNumbers) {
                    row.put("line_no", Integer.toString(l));
                }
                row.put("category", random.nextInt(5) == 0 ? "home, garden" : "apparel");
                row.put("channel", "web");
                row.put("discount", random.nextBoolean() ? "0" : "0.1");
                f.row(row, accepted(customer));
                if (lineNumbers && random.nextInt(12) == 0) {
                    f.row(row, Fate.DUPLICATE); // a producer's retry
                }
            }
            orders.put(id, new GoodOrder(customer, ts, amounts));
            Instant later = ts.plus(1 + random.nextInt(20), ChronoUnit.DAYS);
            if (random.nextInt(10) == 0 && nearNoBoundary(later) && later.isBefore(Instant.parse("2024-12-30T00:00:00Z"))) {
                String refund = "r" + next++; // a refund, as an order of its own
                BigDecimal amount = BigDecimal.valueOf(-(1 + random.nextInt(20_000)), 2);
                Map<String, String> row = new HashMap<>(Map.of("order_id", refund, "customer_id", customer,
                        "order_ts", ISO_Z.format(later.atOffset(ZoneOffset.UTC)), "amount", amount.toPlainString()));
                f.row(row, accepted(customer));
                orders.put(refund, new GoodOrder(customer, later, List.of(amount)));
            }
        }
    }

    private void hostileOrders(CorpusFile a) {
        int added = 0;
        added += bad(a, "order_id", "", "missing order_id");
        added += bad(a, "customer_id", "", "missing customer_id");
        for (String amount : List.of("abc", "NaN", "Infinity", "-Infinity", "1,5", "1e400", "12.5.1", "0x10", "1_000")) {
            added += bad(a, "amount", amount, "amount is not a finite number: " + amount);
        }
        added += bad(a, "amount", "", "amount is not a finite number: (empty)");
        for (String amount : List.of("1e16", "-1e16", "1000000000", "-99999999999999999999", "1E+300")) {
            added += bad(a, "amount", amount, "amount is beyond the accepted range " + RANGE + ": " + amount);
        }
        for (String ts : List.of("2011-02-30T10:00:00Z", "yesterday", "2024-13-01", "2024-05-01T10:00:00+25:00",
                "2024-05-01T25:00:00", "20240501", "2024-5-1")) {
            added += bad(a, "order_ts", ts, "order_ts is not a valid ISO-8601 timestamp: " + ts);
        }
        added += bad(a, "order_ts", "", "order_ts is not a valid ISO-8601 timestamp: (empty)");
        for (String ts : List.of("0000-01-01", "1500-01-01", "1969-12-31T23:59:59Z", "1970-01-01T00:30:00+01:00")) {
            added += bad(a, "order_ts", ts, "order_ts is before the earliest accepted date 1970-01-01: " + ts);
        }
        for (String ts : List.of("9999-12-31", "2999-01-01T00:00:00Z")) {
            Map<String, String> row = base("h" + next++, "x" + next++);
            row.put("order_ts", ts);
            a.row(row, Fate.rejectedStartingWith("order_ts is in the future (beyond "));
            rejectedOnly(row.get("customer_id"));
            added++;
        }
        added += bad(a, "line_no", "1.5", "line_no is not an integer: 1.5");
        added += bad(a, "discount", "abc", "discount is not a finite number: abc");
        added += bad(a, "discount", "1e17", "discount is beyond the accepted range " + RANGE + ": 1e17");
        added += bad(a, "customer_id", "x\tid", "customer_id contains an invisible or control character (U+0009 at character 2)");
        added += bad(a, "customer_id", "\uFEFFx-bom", "customer_id contains an invisible or control character (U+FEFF at character 1)");
        added += bad(a, "customer_id", "x\u200Bzw", "customer_id contains an invisible or control character (U+200B at character 2)");
        added += bad(a, "customer_id", "x".repeat(300), "customer_id is longer than 256 characters");
        added += bad(a, "category", "y".repeat(50_000), "category is longer than 1,000 characters");
        Map<String, String> megabyte = base("h" + next++, "x" + next++);
        megabyte.put("category", "y".repeat(1_000_000));
        a.row(megabyte, Fate.rejected("category is longer than 1,000 characters")); // a 1 MB line: within the limit
        rejectedOnly(megabyte.get("customer_id"));
        added++;

        // structure
        Map<String, String> row = base("h" + next++, "x" + next++);
        a.raw(String.join(",", row.get("order_id"), row.get("customer_id"), row.get("order_ts"), "10.00"),
                Fate.rejected("expected 8 columns, found 4"));
        rejectedOnly(row.get("customer_id"));
        row = base("h" + next++, "x" + next++);
        a.raw(csvLine(row) + ",extra,more", Fate.rejected("expected 8 columns, found 10"));
        rejectedOnly(row.get("customer_id"));
        row = base("h" + next++, "x" + next++);
        String truncated = csvLine(row);
        a.raw(truncated.substring(0, truncated.indexOf(',', truncated.indexOf(',') + 1) + 6),
                Fate.rejected("expected 8 columns, found 3"));
        rejectedOnly(row.get("customer_id"));
        row = base("h" + next++, "x" + next++);
        a.raw(row.get("order_id") + "," + row.get("customer_id") + ",2024-03-09T10:00:00Z,10.00,1,\"home,web,0",
                Fate.rejected("unterminated quote in CSV line"));
        rejectedOnly(row.get("customer_id"));
        row = base("h" + next++, "x" + next++);
        a.raw(row.get("order_id") + ",\"" + row.get("customer_id") + "\"z,2024-03-09T10:00:00Z,10.00,1,home,web,0",
                Fate.rejected("text after a closing quote in column 2"));
        rejectedOnly(row.get("customer_id"));
        a.raw("this is not an order line", Fate.rejected("expected 8 columns, found 1"));
        a.raw(String.join(",", ORDER_COLUMNS), Fate.SKIPPED); // a header repeated (concatenated files)
        a.raw("   ", Fate.SKIPPED);
        added += 9;

        // bytes
        row = base("h" + next++, "x" + next++);
        String nul = row.get("order_id") + "," + row.get("customer_id") + "\u0000y,2024-03-09T10:00:00Z,10.00,1,home,web,0";
        a.raw(nul, Fate.rejected("contains a NUL byte (0x00) at byte " + (nul.indexOf('\u0000') + 1) + " of the line"));
        rejectedOnly(row.get("customer_id"));
        byte[] latin1 = ("h" + next++ + ",Caf\u00e9,2024-03-09T10:00:00Z,10.00,1,home,web,0").getBytes(StandardCharsets.ISO_8859_1);
        a.raw(latin1, Fate.rejected("not valid UTF-8 text (byte 0xE9 at byte " + (indexOf(latin1, (byte) 0xE9) + 1)
                + " of the line); if the file is in another encoding, set input_encoding in pipeline.yaml"
                + " (utf-8, latin-1 or windows-1252)"));
        byte[] truncatedUtf8 = ("h" + next++ + ",x" + next++ + ",2024-03-09T10:00:00Z,10.00,1,home,web,\u00e9").getBytes(StandardCharsets.UTF_8);
        truncatedUtf8 = java.util.Arrays.copyOf(truncatedUtf8, truncatedUtf8.length - 1); // a cut multi-byte character at the end
        a.raw(truncatedUtf8, Fate.rejectedStartingWith("not valid UTF-8 text (byte 0xC3 at byte " + truncatedUtf8.length + " "));
        a.raw("\uFEFF" + csvLine(base("h" + next++, "x" + next++)),
                Fate.rejected("order_id contains an invisible or control character (U+FEFF at character 1)"));
        String junk = "z".repeat(5 << 20);
        a.raw(junk, Fate.rejected("line of 5,242,880 bytes is longer than the 1,048,576 accepted"));
        added += 5;

        // conflicting lines of one order: rejected as a whole, never summed under one customer
        String conflicting = "h" + next++;
        String first = "x" + next++;
        String second = "x" + next++;
        Fate conflict = Fate.rejected("order_id " + conflicting + " has lines for different customers (" + first + ", "
                + second + "): the whole order is rejected");
        Map<String, String> one = base(conflicting, first);
        Map<String, String> two = base(conflicting, second);
        two.put("line_no", "2");
        a.row(one, conflict);
        a.row(two, conflict);
        rejectedOnly(first);
        rejectedOnly(second);
        added += 2;

        // accepted oddities: a quoted newline, an offset moving the order to the next UTC day, a tiny amount
        String customer = pick();
        String id = "o" + next++;
        Instant ts = Instant.parse("2024-06-11T03:30:00Z");
        Map<String, String> good = base(id, customer);
        good.put("order_ts", "2024-06-10T23:30:00-04:00");
        good.put("category", "home\ngarden");
        good.put("amount", "19.99");
        a.row(good, accepted(customer));
        orders.put(id, new GoodOrder(customer, ts, List.of(new BigDecimal("19.99"))));
        customer = pick();
        id = "o" + next++;
        good = base(id, customer);
        good.put("amount", "1e-300");
        a.row(good, accepted(customer));
        orders.put(id, new GoodOrder(customer, Instant.parse("2024-06-01T10:00:00Z"), List.of(new BigDecimal("1e-300"))));
        added += 2;
        a.scatterLast(added, random);
    }

    private void hostileJsonOrders(CorpusFile c) {
        int added = 0;
        String customer = pick();
        String id = "o" + next++;
        c.raw("{\"order_id\":\"" + id + "\",\"CUSTOMER_ID\":" + JsonText.string(customer)
                + ",\"order_ts\":\"2024-07-01T09:00:00Z\",\"amount\":12.5,\"extra\":{\"nested\":[1,2,{\"customer_id\":\"zz\"}]}}",
                accepted(customer));
        orders.put(id, new GoodOrder(customer, Instant.parse("2024-07-01T09:00:00Z"), List.of(new BigDecimal("12.5"))));
        id = "o" + next++;
        c.raw("{\"order_id\":\"" + id + "\",\"customer_id\":12345,\"order_ts\":\"2024-07-02T09:00:00Z\",\"amount\":\"3.00\"}",
                accepted("12345"));
        orders.put(id, new GoodOrder("12345", Instant.parse("2024-07-02T09:00:00Z"), List.of(new BigDecimal("3.00"))));
        added += 2;
        Map<String, String> row = base("h" + next++, "x" + next++);
        String object = JsonText.object(row, ORDER_COLUMNS);
        c.raw(object + " " + JsonText.object(base("h" + next++, "x" + next++), ORDER_COLUMNS),
                Fate.rejected("more than one JSON value on one line"));
        c.raw(object.replace("{", "{\"Customer_Id\":\"x-dup\","), Fate.rejected("key 'customer_id' appears twice in the JSON object"));
        c.raw(object.replace("\"customer_id\":\"" + row.get("customer_id") + "\"", "\"customer_id\":{\"id\":\"x\"}"),
                Fate.rejected("'customer_id' must be a string or a number, not an object"));
        c.raw(object.replace("\"customer_id\":\"" + row.get("customer_id") + "\"", "\"customer_id\":[\"x\"]"),
                Fate.rejected("'customer_id' must be a string or a number, not an array"));
        c.raw("garbage", Fate.rejected("not a JSON object"));
        c.raw("[1,2]", Fate.rejected("not a JSON object"));
        c.raw("42", Fate.rejected("not a JSON object"));
        c.raw(object.substring(0, object.length() / 2), Fate.rejectedStartingWith("not valid JSON: "));
        c.raw(object.replace("}", ",}"), Fate.rejectedStartingWith("not valid JSON: "));
        c.raw(object.replace("\"amount\":\"10.00\"", "\"amount\":NaN"), Fate.rejectedStartingWith("not valid JSON: "));
        c.raw(object.replace("\"amount\":\"10.00\"", "\"amount\":\"NaN\""), Fate.rejected("amount is not a finite number: NaN"));
        c.raw(object.replace("\"amount\":\"10.00\"", "\"amount\":1e400"), Fate.rejected("amount is not a finite number: 1e400"));
        c.raw(object + " trailing", Fate.rejectedStartingWith("not valid JSON: "));
        String nul = object.replace("\"amount\"", "\"am\u0000ount\"");
        c.raw(nul, Fate.rejected("contains a NUL byte (0x00) at byte " + (nul.indexOf('\u0000') + 1) + " of the line"));
        byte[] bytes = object.replace(row.get("customer_id"), "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        c.raw(bytes, Fate.rejectedStartingWith("not valid UTF-8 text (byte 0xE9 at byte " + (indexOf(bytes, (byte) 0xE9) + 1) + " "));
        rejectedOnly(row.get("customer_id"));
        added += 16;
        c.scatterLast(added, random);
    }

    // ---------------------------------------------------------------- engagement, treatments, customers

    private Path engagement() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("engagement"));
        List<String> columns = List.of("customer_id", "event_ts", "event_type", "channel", "event_id");
        CorpusFile a = file(folder.resolve("a.csv"), "engagement", false, List.of("event_id", "EVENT_TYPE", "customer_id", "event_ts"), "\n", false);
        CorpusFile b = file(folder.resolve("b.jsonl"), "engagement", true, columns, "\n", false);
        for (CorpusFile f : List.of(a, b)) {
            int added = 0;
            for (int i = 0; i < 40; i++) {
                String customer = random.nextInt(5) == 0 ? "p" + next++ : pick();
                Map<String, String> row = event(customer);
                f.row(row, accepted(customer));
                if (random.nextInt(10) == 0) {
                    f.row(row, Fate.DUPLICATE);
                }
            }
            Map<String, String> row = event("x" + next++);
            row.remove("event_type");
            f.row(row, Fate.rejected("missing event_type"));
            rejectedOnly(row.get("customer_id"));
            for (String ts : List.of("2024-02-30", "1900-01-01")) {
                row = event("x" + next++);
                row.put("event_ts", ts);
                f.row(row, Fate.rejected(ts.startsWith("1900")
                        ? "event_ts is before the earliest accepted date 1970-01-01: " + ts
                        : "event_ts is not a valid ISO-8601 timestamp: " + ts));
                rejectedOnly(row.get("customer_id"));
            }
            row = event("x" + next++);
            row.put("event_ts", "2999-01-01");
            f.row(row, Fate.rejectedStartingWith("event_ts is in the future (beyond "));
            rejectedOnly(row.get("customer_id"));
            row = event("x\u0007bell");
            f.row(row, Fate.rejected("customer_id contains an invisible or control character (U+0007 at character 2)"));
            added += 5;
            f.scatterLast(added, random);
        }
        return folder;
    }

    private Map<String, String> event(String customer) {
        Map<String, String> row = new HashMap<>();
        row.put("customer_id", customer);
        row.put("event_ts", spell(goodInstant()));
        row.put("event_type", List.of("email_open", "email_click", "site_visit", "Push_Open", "custom_thing").get(random.nextInt(5)));
        row.put("channel", "email");
        row.put("event_id", "e" + next++);
        return row;
    }

    private Path treatments() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("treatments"));
        List<String> columns = List.of("program_id", "customer_id", "treated_ts", "arm", "channel", "cost");
        CorpusFile a = file(folder.resolve("a.csv"), "treatments", false, columns, "\n", false);
        for (int i = 0; i < 30; i++) {
            String customer = pick();
            Map<String, String> row = new HashMap<>(Map.of("program_id", "winback", "customer_id", customer,
                    "treated_ts", spell(goodInstant()), "arm", random.nextInt(5) == 0 ? "HOLDOUT" : "treatment",
                    "channel", "email", "cost", "0.25"));
            a.row(row, Fate.ACCEPTED);
            if (random.nextInt(8) == 0) {
                a.row(row, Fate.DUPLICATE);
            }
        }
        Map<String, String> bad = Map.of("program_id", "winback", "customer_id", pick(), "treated_ts", "2024-05-01", "channel", "email");
        a.row(with(bad, "arm", "control"), Fate.rejected("arm must be treatment or holdout: control"));
        a.row(with(with(bad, "arm", "treatment"), "cost", "abc"), Fate.rejected("cost is not a finite number: abc"));
        a.row(with(with(bad, "arm", "treatment"), "cost", "1e16"), Fate.rejected("cost is beyond the accepted range " + RANGE + ": 1e16"));
        a.row(with(with(bad, "arm", "treatment"), "program_id", ""), Fate.rejected("missing program_id"));
        a.row(with(with(bad, "arm", "treatment"), "treated_ts", "0001-01-01"),
                Fate.rejected("treated_ts is before the earliest accepted date 1970-01-01: 0001-01-01"));
        a.scatterLast(5, random);
        CorpusFile b = file(folder.resolve("b.jsonl"), "treatments", true, columns, "\n", false);
        b.raw("{\"program_id\":\"winback\",\"customer_id\":\"" + pick() + "\",\"treated_ts\":\"2024-05-02\",\"arm\":\"treatment\",\"cost\":0.5}", Fate.ACCEPTED);
        b.raw("{\"program_id\":\"winback\",\"program_id\":\"w2\"}", Fate.rejected("key 'program_id' appears twice in the JSON object"));
        return folder;
    }

    private Path customersInput() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("customers"));
        List<String> columns = List.of("customer_id", "signup_ts", "email_consent", "country", "email", "phone");
        CorpusFile a = file(folder.resolve("a.csv"), "customers", false, columns, "\r\n", true);
        CorpusFile b = file(folder.resolve("b.jsonl"), "customers", true, List.of("Customer_Id", "signup_ts", "email_consent"), "\n", false);
        List<String> all = new ArrayList<>(customers);
        java.util.Collections.shuffle(all, random);
        int half = all.size() / 2;
        for (int i = 0; i < all.size(); i++) {
            CorpusFile f = i < half ? a : b;
            Map<String, String> row = new HashMap<>(Map.of("customer_id", all.get(i), "signup_ts", "2022-01-" + (10 + i % 18),
                    "email_consent", random.nextBoolean() ? "yes" : "false", "country", "Ireland"));
            // contacts from the index, no random draw: good, not an address or number (absent, not
            // rejected), a national number in a country that is not a code (absent), none
            switch (i % 4) {
                case 0 -> row.putAll(Map.of("email", " Person." + i + "@Example.IE ", "phone", "+353 1 555 0" + (100 + i % 900)));
                case 1 -> row.putAll(Map.of("email", "person " + i + " at example", "phone", "call me"));
                case 2 -> row.putAll(Map.of("email", "a@b@example.com", "phone", "01 555 0" + (100 + i % 900)));
                default -> { }
            }
            f.row(row, Fate.ACCEPTED);
            if (i % 9 == 0) {
                f.row(row, Fate.DUPLICATE);
            }
        }
        String newcomer = "n" + next++;
        a.row(Map.of("customer_id", newcomer, "signup_ts", "2024-11-30", "email_consent", "1"), accepted(newcomer));
        a.row(Map.of("customer_id", "x" + next++, "email_consent", "maybe"), Fate.rejected("email_consent is not a boolean: maybe"));
        a.row(Map.of("customer_id", "x" + next++, "signup_ts", "1492-10-12"),
                Fate.rejected("signup_ts is before the earliest accepted date 1970-01-01: 1492-10-12"));
        a.row(Map.of("customer_id", "x" + next++, "country", "z".repeat(2000)), Fate.rejected("country is longer than 1,000 characters"));
        a.scatterLast(4, random);
        return folder;
    }

    // ---------------------------------------------------------------- helpers

    private CorpusFile file(Path path, String source, boolean json, List<String> header, String eol, boolean bom) {
        CorpusFile f = new CorpusFile(path, source, json, header, eol, bom);
        files.put(f, source);
        return f;
    }

    /** A bad order row: a valid row of a new order and customer with one column changed. */
    private int bad(CorpusFile f, String column, String value, String reason) {
        Map<String, String> row = base("h" + next++, "x" + next++);
        rejectedOnly(row.get("customer_id"));
        row.put(column, value);
        f.row(row, Fate.rejected(reason));
        return 1;
    }

    private Map<String, String> base(String orderId, String customer) {
        Map<String, String> row = new HashMap<>();
        row.put("order_id", orderId);
        row.put("customer_id", customer);
        row.put("order_ts", "2024-06-01T10:00:00Z");
        row.put("amount", "10.00");
        row.put("line_no", "1");
        row.put("category", "home");
        row.put("channel", "web");
        row.put("discount", "0");
        return row;
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        Map<String, String> out = new HashMap<>(row);
        out.put(column, value);
        return out;
    }

    private static String csvLine(Map<String, String> row) {
        List<String> cells = new ArrayList<>();
        for (String c : ORDER_COLUMNS) {
            cells.add(CorpusFile.quoted(row.getOrDefault(c, "")));
        }
        return String.join(",", cells);
    }

    private Fate accepted(String customer) {
        acceptedIds.add(customer);
        return Fate.ACCEPTED;
    }

    private void rejectedOnly(String customer) {
        rejectedOnlyIds.add(customer);
    }

    private String pick() {
        return customers.get(random.nextInt(customers.size()));
    }

    /** An instant inside the two years before as_of, never within a day of a window boundary. */
    private Instant goodInstant() {
        Instant start = Instant.parse("2023-03-01T00:00:00Z");
        long seconds = (long) (random.nextDouble() * 660 * 86_400);
        Instant t = start.plusSeconds(seconds);
        if (!nearNoBoundary(t)) {
            t = t.plus(5, ChronoUnit.DAYS);
        }
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static boolean nearNoBoundary(Instant t) {
        Instant windowStart = Instant.parse("2024-01-02T00:00:00Z");
        return Math.abs(t.getEpochSecond() - windowStart.getEpochSecond()) >= 2 * 86_400;
    }

    /** The instant in one of the accepted spellings, all meaning the same UTC time. */
    private String spell(Instant t) {
        return switch (random.nextInt(4)) {
            case 0 -> ISO_Z.format(t.atOffset(ZoneOffset.UTC));
            case 1 -> SPACE.format(t.atOffset(ZoneOffset.UTC));
            case 2 -> OFFSET.format(t.atOffset(ZoneOffset.ofHours(random.nextInt(27) - 12)));
            default -> OFFSET.format(t.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
        };
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
