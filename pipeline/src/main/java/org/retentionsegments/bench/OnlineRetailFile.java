package org.retentionsegments.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a file in the layout of the UCI "Online Retail" export for benchmarks: the real file's
 * size (541,909 lines by default), 4,372 customers over 2010-12-01..2011-12-09, invoices of 1 to
 * 40 lines, a quarter of the lines without a CustomerID, cancellations (C..., negative quantity),
 * quoted descriptions with commas, {@code 17850.0}-style ids, spreadsheet dates, CRLF.
 * Usage: {@code OnlineRetailFile OUT.csv [LINES] [SEED]}.
 */
public final class OnlineRetailFile {

    private static final DateTimeFormatter SPREADSHEET = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
    private static final String[] DESCRIPTIONS = {
        "WHITE HANGING HEART T-LIGHT HOLDER", "\"SET 2 TEA TOWELS, I LOVE LONDON\"", "JUMBO BAG RED RETROSPOT",
        "REGENCY CAKESTAND 3 TIER", "\"PAPER CHAIN KIT 50'S CHRISTMAS\"", "PARTY BUNTING", "LUNCH BAG RED RETROSPOT",
        "\"12\"\" RED HEART, \"\"LOVE\"\" SIGN\"", "ASSORTED COLOUR BIRD ORNAMENT", "SET OF 3 CAKE TINS PANTRY DESIGN",
    };
    private static final String[] PRICES = {"0.42", "0.85", "1.25", "1.65", "2.1", "2.55", "2.95", "3.75", "4.95", "12.75"};
    private static final String[] COUNTRIES = {"United Kingdom", "United Kingdom", "United Kingdom", "France", "EIRE", "Germany"};

    private OnlineRetailFile() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1]) : 541_909;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 20101201L);
        LocalDate first = LocalDate.of(2010, 12, 1);
        int span = 374;
        long written = 0;
        int invoice = 536365;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n");
            while (written < lines - 1) {
                boolean anonymous = random.nextInt(4) == 0;
                int customer = 12346 + random.nextInt(4372);
                String id = anonymous ? "" : random.nextInt(3) == 0 ? customer + ".0" : Integer.toString(customer);
                boolean cancelled = !anonymous && random.nextInt(50) == 0;
                LocalDateTime at = first.plusDays(random.nextInt(span)).atTime(8 + random.nextInt(11), random.nextInt(60));
                String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                String no = (cancelled ? "C" : "") + invoice++;
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n && written < lines - 1; i++, written++) {
                    int item = random.nextInt(DESCRIPTIONS.length);
                    int quantity = (1 + random.nextInt(24)) * (cancelled ? -1 : 1);
                    w.write(no + "," + (85123 + item) + "," + DESCRIPTIONS[item] + "," + quantity + ","
                            + at.format(SPREADSHEET) + "," + PRICES[random.nextInt(PRICES.length)] + "," + id + ","
                            + country + "\r\n");
                }
            }
        }
        System.out.printf("%s: %,d lines%n", out, written + 1);
    }
}
