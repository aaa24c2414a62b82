package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.config.SegmentContract.Range;
import org.retentionsegments.core.segment.ContractResult;

/**
 * Checks the data contracts of segments.yaml ({@link SegmentContract}) on one refresh of the
 * warehouse: the current one (the rows of {@code customer_segment} with its latest {@code as_of},
 * as the view segment_persona reads it) or a kept one ({@code segment_snapshot} at an
 * {@code as_of}). One query counts each segment's customers and, per contract, those of its
 * segment that meet the condition; every value of the configuration reaches it as a bind value.
 */
public final class ContractQueries {

    /** The refresh checked and the verdict of every contract, in the order of segments.yaml. */
    public record Checked(LocalDate asOf, List<ContractResult> results) {

        public Checked {
            results = List.copyOf(results);
        }

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }
    }

    private ContractQueries() {}

    /**
     * The contracts on the current refresh of {@code customer_segment}; null when the warehouse
     * has no customer yet.
     */
    public static Checked current(Warehouse w, List<SegmentContract> contracts) {
        LocalDate asOf = read(w, () -> w.dsl().select(DSL.max(CUSTOMER_SEGMENT.AS_OF)).from(CUSTOMER_SEGMENT)
                .fetchOne(0, LocalDate.class));
        return asOf == null ? null : new Checked(asOf, check(w, CUSTOMER_SEGMENT, asOf, contracts));
    }

    /** The contracts on the kept refresh {@code asOf} of {@code segment_snapshot}. */
    public static List<ContractResult> kept(Warehouse w, LocalDate asOf, List<SegmentContract> contracts) {
        return check(w, SEGMENT_SNAPSHOT, asOf, contracts);
    }

    private static List<ContractResult> check(Warehouse w, Table<?> table, LocalDate asOf,
            List<SegmentContract> contracts) {
        if (contracts.isEmpty()) {
            return List.of();
        }
        Field<String> segment = column(table, "segment", String.class);
        List<SelectField<?>> select = new ArrayList<>(List.of(segment, DSL.count()));
        for (SegmentContract c : contracts) {
            select.add(DSL.count().filterWhere(c.sizeContract() ? DSL.falseCondition() : condition(table, c)));
        }
        Map<String, Record> bySegment = new HashMap<>();
        read(w, () -> w.dsl().select(select).from(table).where(column(table, "as_of", LocalDate.class).eq(asOf))
                .groupBy(segment).fetch()).forEach(r -> bySegment.put(r.get(segment), r));
        List<ContractResult> results = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            SegmentContract c = contracts.get(i);
            Record r = bySegment.get(c.segment());
            long customers = r == null ? 0 : r.get(1, Long.class);
            long meeting = c.sizeContract() ? customers : r == null ? 0 : r.get(2 + i, Long.class);
            results.add(new ContractResult(c, customers, meeting));
        }
        return results;
    }

    /** The condition of a contract over the columns of customer_segment (or segment_snapshot). */
    static Condition condition(Table<?> t, SegmentContract c) {
        List<Condition> parts = new ArrayList<>();
        if (!c.lifecycle().isEmpty()) {
            parts.add(column(t, "lifecycle_stage", String.class).in(
                    c.lifecycle().stream().map(LifecycleStage::label).sorted().toList()));
        }
        if (c.recencyDays() != null) {
            parts.add(whole(column(t, "recency_days", Integer.class), c.recencyDays()));
        }
        if (c.frequency() != null) {
            parts.add(whole(column(t, "frequency", Integer.class), c.frequency()));
        }
        if (c.monetary() != null) {
            Field<BigDecimal> monetary = column(t, "monetary", BigDecimal.class);
            Range range = c.monetary();
            parts.add(range.open() ? monetary.ge(BigDecimal.valueOf(range.low()))
                    : monetary.between(BigDecimal.valueOf(range.low()), BigDecimal.valueOf(range.high())));
        }
        for (Flag flag : Flag.values()) {
            Field<Boolean> column = column(t, flag.label(), Boolean.class);
            if ((c.flagsSet() & flag.bit()) != 0) {
                parts.add(column.eq(true));
            } else if ((c.flagsClear() & flag.bit()) != 0) {
                parts.add(column.eq(false));
            }
        }
        return DSL.and(parts);
    }

    private static Condition whole(Field<Integer> field, Range range) {
        int low = (int) range.low();
        return range.open() ? field.ge(low) : field.between(low, (int) range.high());
    }

    private static <T> Field<T> column(Table<?> t, String name, Class<T> type) {
        return Objects.requireNonNull(t.field(name, type), () -> t.getName() + " has no column " + name);
    }

    private static <T> T read(Warehouse w, java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot check the segment contracts on " + w.url() + ": "
                    + Warehouse.firstLine(e.getMessage()), e);
        }
    }
}
