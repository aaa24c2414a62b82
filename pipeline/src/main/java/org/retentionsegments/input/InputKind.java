package org.retentionsegments.input;

import java.util.List;

/** The four inputs of the data contract (DESIGN section 3) and their canonical columns. */
public enum InputKind {
    ORDERS(List.of("order_id", "customer_id", "order_ts", "amount"),
            List.of("line_no", "category", "channel", "discount")),
    ENGAGEMENT(List.of("customer_id", "event_ts", "event_type"), List.of("channel", "event_id")),
    TREATMENTS(List.of("program_id", "customer_id", "treated_ts", "arm"), List.of("channel", "cost")),
    CUSTOMERS(List.of("customer_id"), List.of("signup_ts", "email_consent", "country", "email", "phone"));

    private final List<String> required;
    private final List<String> optional;
    private final List<String> columns;

    InputKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
        this.columns = java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The lower-case name used for tables, placeholders and the {@code source} column. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /** The column that holds the record's event time (optional for customers: a sign-up time). */
    public String timeColumn() {
        return switch (this) {
            case ORDERS -> "order_ts";
            case ENGAGEMENT -> "event_ts";
            case TREATMENTS -> "treated_ts";
            case CUSTOMERS -> "signup_ts";
        };
    }

    /** Required columns, then optional ones. */
    public List<String> columns() {
        return columns; // asked for every record read: built once
    }
}
