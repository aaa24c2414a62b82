package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_CONFIG;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.ClusterAssignment;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.InputCountDaily;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.TopicDelivery;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;

/**
 * Writes pipeline rows to the warehouse as idempotent upserts on each table's natural key (its
 * primary key), one transaction per {@link #write} call. Writing the same rows again changes
 * nothing, not even {@code updated_at}: a row is only updated when a column differs.
 * {@code customer_segment} never goes back in time: a row with an older {@code as_of} than the
 * stored one is ignored. Within one call, a later row with the same key replaces an earlier one
 * (for {@code customer_segment}: the one with the latest {@code as_of}).
 *
 * <p>The rows of each table go, without jOOQ records, into a temporary stage table (DuckDB's
 * appender, {@link DuckDbStage}; PostgreSQL's {@code COPY}, {@link PostgresStage}), from which
 * they move: on PostgreSQL by one typed {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE ...
 * WHERE} a column differs; on DuckDB by an {@code UPDATE ... FROM} of the stored rows that differ
 * and an {@code INSERT} of the rows whose key is new (see {@link #updateThenInsert}). On DuckDB the
 * rows that cannot have a stored key (past every stored day, see {@link #appendNew}) and the rows
 * of a table without a key skip the stage: DuckDB's appender puts them in their table directly;
 * so do the rows at the newest stored day that this writer wrote all of itself, whose keys it has
 * not written there ({@link Fresh}).
 */
public final class WarehouseWriter {

    private final Warehouse warehouse;
    private final Clock clock;
    private final String configVersion;
    /** Per table with a frontier: what this writer alone has appended at its newest value ({@link Fresh}). */
    private final Map<RowTable<?>, Fresh> fresh = new HashMap<>();
    /** Rows appended straight to their tables (no stage) by this writer, for tests. */
    private long appendedStraight;

    public WarehouseWriter(Warehouse warehouse) {
        this(warehouse, Clock.systemUTC());
    }

    /** @param clock gives {@code updated_at} of the rows that change */
    public WarehouseWriter(Warehouse warehouse, Clock clock) {
        this(warehouse, clock, null);
    }

    /**
     * @param clock gives {@code updated_at} of the rows that change
     * @param configVersion the digest of the configuration that produced the rows, written as
     *     {@code config_version} on the rows that depend on it; null for none (see
     *     {@link #recordConfig} for its texts)
     */
    public WarehouseWriter(Warehouse warehouse, Clock clock, String configVersion) {
        this.warehouse = warehouse;
        this.clock = clock;
        this.configVersion = configVersion;
    }

    /**
     * Keeps the texts of a configuration under its digest in {@code config_version}, once: a
     * digest already there is left as it is (its {@code first_seen_at} too), so a re-run or a
     * restarted run writes nothing.
     */
    public void recordConfig(String version, String pipeline, String segments, String strategies, String leadScoring,
            String clusterModel) {
        var c = org.retentionsegments.warehouse.jooq.Tables.CONFIG_VERSION;
        LocalDateTime now = now();
        try {
            warehouse.dsl().insertInto(c, c.CONFIG_VERSION_, c.PIPELINE_YAML, c.SEGMENTS_YAML, c.STRATEGIES_YAML,
                            c.LEAD_SCORING_YAML, c.CLUSTER_MODEL_JSON, c.FIRST_SEEN_AT)
                    .select(DSL.select(DSL.val(version), DSL.val(pipeline), DSL.val(segments), DSL.val(strategies),
                                    DSL.val(leadScoring), DSL.val(clusterModel, String.class), DSL.val(now))
                            .whereNotExists(DSL.selectOne().from(c).where(c.CONFIG_VERSION_.eq(version))))
                    .execute();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot record configuration " + version + " in the warehouse "
                    + warehouse.url() + ": " + Warehouse.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Writes the rejected rows of a run that has written none yet, in one transaction: a bounded
     * run's, whose id is new to the warehouse (an unfinished earlier run's rows are removed, and its
     * id is never reused) and whose rows are read once from its staging folder. On DuckDB they go
     * straight into {@code rejected_input} through an appender, without the stage and the
     * anti-join {@link #write} runs so that a continuous job restarted from a checkpoint does not
     * store a row twice. Measured on the Online Retail file's 137,870 rejected rows: see README,
     * Performance.
     *
     * @return the rows sent
     * @throws WarehouseException when the database refuses the rows; nothing is written then
     */
    public int writeRejectedOfNewRun(List<RejectedInput> rows) {
        if (warehouse.dialect() != SQLDialect.DUCKDB || rows.isEmpty()) {
            return write(rows);
        }
        RowTable.Stamp stamp = new RowTable.Stamp(now(), configVersion);
        try {
            return warehouse.dsl().transactionResult(tx -> {
                Collection<RejectedInput> unique = RowTables.REJECTED.unique(rows);
                try {
                    DuckDbStage.append(warehouse.connection(), RowTables.REJECTED, unique, stamp);
                } catch (SQLException e) {
                    throw new DataAccessException("cannot append rows to " + REJECTED_INPUT.getName() + ": "
                            + e.getMessage(), e);
                }
                return unique.size();
            });
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot write " + rows.size() + " rejected rows to the warehouse "
                    + warehouse.url() + ": " + Warehouse.firstLine(e.getMessage()), e);
        }
    }

    /** The write time stamped on rows: the writer's clock, in UTC. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Rows per transaction of {@link #writeInChunks}. */
    static final int CHUNK = 100_000;

    /**
     * Writes many rows (a model's assignments, a prediction's customers) in transactions of at most
     * {@link #CHUNK} rows; returns the table rows sent.
     */
    public long writeInChunks(List<? extends WarehouseRow> rows) {
        long written = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            written += write(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return written;
    }

    /**
     * Writes the rows in one transaction.
     *
     * @return the number of table rows sent (after removing repeated keys); an assignment kept as
     *     a snapshot counts twice
     * @throws WarehouseException when the database refuses the rows; nothing is written then
     */
    public int write(List<? extends WarehouseRow> rows) {
        LocalDateTime now = now();
        Map<RowTable<?>, List<Object>> byTable = new LinkedHashMap<>();
        for (RowTable<?> table : List.of(RowTables.CURRENT, RowTables.SNAPSHOT, RowTables.TRANSITION,
                RowTables.BOUNDARY, RowTables.ACTIVITY, RowTables.LIVE, RowTables.TREATMENTS, RowTables.DELIVERIES, RowTables.RUN,
                RowTables.REJECTED, RowTables.CONFIGURED, RowTables.INPUT_DAILY, RowTables.CLUSTER, RowTables.CYCLE,
                RowTables.CRITERIA, RowTables.PREDICTION)) {
            byTable.put(table, new ArrayList<>());
        }
        for (WarehouseRow row : rows) {
            if (row instanceof SegmentAssignment a) {
                if (a.current()) {
                    byTable.get(RowTables.CURRENT).add(a);
                }
                if (a.snapshot()) {
                    byTable.get(RowTables.SNAPSHOT).add(a);
                }
            } else {
                byTable.get(tableOf(row)).add(row);
            }
        }
        Map<RowTable<?>, Fresh> freshAfter = new HashMap<>();
        long[] straight = new long[1];
        try {
            int written = warehouse.dsl().transactionResult(tx -> {
                freshAfter.clear();
                straight[0] = 0;
                int sent = 0;
                for (Map.Entry<RowTable<?>, List<Object>> e : byTable.entrySet()) {
                    sent += write(tx.dsl(), e.getKey(), e.getValue(), now, freshAfter, straight);
                }
                return sent;
            });
            // only what a committed transaction appended counts as stored
            fresh.putAll(freshAfter);
            appendedStraight += straight[0];
            return written;
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot write " + rows.size() + " rows to the warehouse "
                    + warehouse.url() + ": " + Warehouse.firstLine(e.getMessage()), e);
        }
    }

    private static RowTable<?> tableOf(WarehouseRow row) {
        if (row instanceof SegmentTransition) {
            return RowTables.TRANSITION;
        } else if (row instanceof ScoreBoundary) {
            return RowTables.BOUNDARY;
        } else if (row instanceof ActivityDay) {
            return RowTables.ACTIVITY;
        } else if (row instanceof Treatment) {
            return RowTables.TREATMENTS;
        } else if (row instanceof org.retentionsegments.core.LiveActivity) {
            return RowTables.LIVE;
        } else if (row instanceof TopicDelivery) {
            return RowTables.DELIVERIES;
        } else if (row instanceof RefreshRun) {
            return RowTables.RUN;
        } else if (row instanceof RejectedInput) {
            return RowTables.REJECTED;
        } else if (row instanceof ConfiguredSegment) {
            return RowTables.CONFIGURED;
        } else if (row instanceof InputCountDaily) {
            return RowTables.INPUT_DAILY;
        } else if (row instanceof ClusterAssignment) {
            return RowTables.CLUSTER;
        } else if (row instanceof org.retentionsegments.core.CustomerPrediction) {
            return RowTables.PREDICTION;
        } else if (row instanceof org.retentionsegments.core.PurchaseCycle) {
            return RowTables.CYCLE;
        } else if (row instanceof org.retentionsegments.core.SegmentCriteria) {
            return RowTables.CRITERIA;
        }
        throw new IllegalArgumentException("no table for " + row.getClass().getName());
    }

    /** Stages the rows of one table and moves them in one statement; returns how many were sent. */
    @SuppressWarnings("unchecked")
    private <T> int write(DSLContext dsl, RowTable<T> rows, List<Object> all, LocalDateTime now,
            Map<RowTable<?>, Fresh> freshAfter, long[] straight) {
        if (all.isEmpty()) {
            return 0;
        }
        Collection<T> unique = rows.unique((List<T>) all);
        int sent = unique.size();
        Table<?> table = rows.table();
        boolean duckDb = warehouse.dialect() == SQLDialect.DUCKDB;
        RowTable.Stamp stamp = new RowTable.Stamp(now, configVersion);
        if (duckDb && (rows.frontier() != null || !rows.upserts() && !table.equals(REJECTED_INPUT))) {
            unique = appendNew(dsl, rows, unique, stamp, freshAfter, straight);
            if (unique.isEmpty()) {
                return sent;
            }
        }
        Table<?> stage;
        try {
            stage = duckDb ? DuckDbStage.load(dsl, warehouse.connection(), rows, unique, stamp)
                    : PostgresStage.load(dsl, warehouse.connection(), rows, unique, stamp);
        } catch (SQLException e) {
            throw new DataAccessException("cannot stage rows for " + table.getName() + ": " + e.getMessage(), e);
        }
        if (rows.upserts() && duckDb) {
            updateThenInsert(dsl, table, stage, rows.when());
        } else if (rows.upserts()) {
            upsert(dsl, table, stage, rows.when());
        } else if (table.equals(REJECTED_INPUT)) {
            insertNewRejected(dsl, stage);
        } else {
            dsl.insertInto(table).columns(table.fields()).select(dsl.selectFrom(stage)).execute();
        }
        if (table.equals(SEGMENT_CONFIG)) {
            retireUnconfigured(dsl, stage, now);
        }
        if (duckDb) {
            DuckDbStage.drop(dsl, stage);
        }
        return sent;
    }

    /**
     * On DuckDB, appends straight to the table (no stage, no statement) the rows that cannot be
     * there yet, and returns the others, for the stage: every row of a table without a key, and
     * the rows whose {@link RowTable.Frontier} value is past the newest stored one at or after the
     * call's oldest (a stored row with an incoming row's key holds the same value, so it would be
     * that newest one or older). A backfill's rows come a refresh day after another, so most of
     * them are past what is stored. Measured with {@code WriteBench 2000000 1 duckdb}, seven runs
     * each, alternated: new rows median 191K rows/s with the stage, 217K without (README,
     * Performance).
     */
    private <T> Collection<T> appendNew(DSLContext dsl, RowTable<T> rows, Collection<T> unique, RowTable.Stamp stamp,
            Map<RowTable<?>, Fresh> freshAfter, long[] straight) {
        Collection<T> append = unique;
        Collection<T> stage = List.of();
        if (rows.frontier() != null) {
            Split<T> split = pastStored(dsl, rows, rows.frontier(), unique, fresh.get(rows));
            append = split.append();
            stage = split.stage();
            Fresh after = split.fresh();
            if (after != null) {
                freshAfter.put(rows, after);
            }
        }
        if (!append.isEmpty()) {
            try {
                DuckDbStage.append(warehouse.connection(), rows, append, stamp);
            } catch (SQLException e) {
                throw new DataAccessException("cannot append rows to " + rows.table().getName() + ": " + e.getMessage(), e);
            }
            straight[0] += append.size();
        }
        return stage;
    }

    /** For tests: the rows this writer has appended straight to their tables, without a stage. */
    long appendedStraight() {
        return appendedStraight;
    }

    /**
     * The newest frontier value of a table that this writer appended while no stored row held it,
     * and the hashes of the keys it appended there (sorted). Every stored row with that value is
     * then one this writer appended: a later call's row with that value and a key not among them
     * cannot be stored yet, and is appended too. A refresh's snapshot rows (at a million customers
     * several hundred thousand) come in several of the sink's calls; without this all but the
     * first call's went through the stage, the {@code UPDATE ... FROM} and the anti-join
     * (45.6 of the writer's 157 CPU seconds in a million-customer run). Hashes, not keys: a row
     * whose key's hash is there goes to the stage, which finds whether its key is (rarely
     * needlessly, never wrongly).
     */
    record Fresh(Object value, int[] keyHashes) {

        boolean mayHold(int keyHash) {
            return java.util.Arrays.binarySearch(keyHashes, keyHash) >= 0;
        }

        /** These hashes and {@code more}, sorted. */
        Fresh with(int[] more, int count) {
            int[] all = java.util.Arrays.copyOf(keyHashes, keyHashes.length + count);
            System.arraycopy(more, 0, all, keyHashes.length, count);
            java.util.Arrays.sort(all);
            return new Fresh(value, all);
        }
    }

    /** Rows to append straight to the table, rows for the stage, and what the table's {@link Fresh} becomes (null: as it is). */
    private record Split<T>(List<T> append, List<T> stage, Fresh fresh) {}

    /**
     * The rows whose frontier value is past every stored one, or at the value of {@code known}
     * with a key not appended there (to append), and the others (to stage).
     */
    private static <T, V extends Comparable<? super V>> Split<T> pastStored(DSLContext dsl, RowTable<T> rows,
            RowTable.Frontier<T, V> frontier, Collection<T> unique, Fresh known) {
        List<V> values = new ArrayList<>(unique.size());
        V oldest = null;
        for (T row : unique) {
            V value = frontier.value().apply(row);
            if (value == null) {
                return new Split<>(List.of(), new ArrayList<>(unique), null);
            }
            values.add(value);
            if (oldest == null || value.compareTo(oldest) < 0) {
                oldest = value;
            }
        }
        Field<V> column = frontier.column();
        V newestStored = dsl.select(DSL.max(column)).from(rows.table())
                .where(column.ge(DSL.val(oldest, column.getDataType().getSQLDataType())))
                .fetchOne(0, column.getType());
        // the stored rows at the newest value are all this writer's own, with these key hashes
        Fresh own = known != null && newestStored != null && newestStored.equals(known.value()) ? known : null;
        V newestAppended = null;
        List<T> append = new ArrayList<>();
        List<T> stage = new ArrayList<>();
        int i = 0;
        for (T row : unique) {
            V value = values.get(i++);
            boolean past = newestStored == null || value.compareTo(newestStored) > 0;
            if (past || own != null && value.equals(newestStored) && !own.mayHold(rows.key().apply(row).hashCode())) {
                append.add(row);
                if (newestAppended == null || value.compareTo(newestAppended) > 0) {
                    newestAppended = value;
                }
            } else {
                stage.add(row);
            }
        }
        if (newestAppended == null) {
            return new Split<>(append, stage, null);
        }
        int[] hashes = new int[append.size()];
        int count = 0;
        for (T row : append) {
            if (frontier.value().apply(row).equals(newestAppended)) {
                hashes[count++] = rows.key().apply(row).hashCode();
            }
        }
        Fresh base = own != null && newestAppended.equals(own.value()) ? own : new Fresh(newestAppended, new int[0]);
        return new Split<>(append, stage, base.with(hashes, count));
    }

    /**
     * The segment_config rows of one write are the whole configuration of a run: the stored
     * segments it does not name (renamed or removed since) are no longer configured.
     */
    private static void retireUnconfigured(DSLContext dsl, Table<?> stage, LocalDateTime now) {
        var c = SEGMENT_CONFIG;
        RowTable.Incoming staged = staged(stage);
        dsl.update(c).set(c.IN_CONFIG, false).set(c.UPDATED_AT, now)
                .where(c.IN_CONFIG.isNull().or(c.IN_CONFIG.isTrue()))
                .and(DSL.notExists(DSL.selectOne().from(stage).where(same(c.SEGMENT, staged))))
                .execute();
    }

    /**
     * Inserts the rejected rows, except those whose place (source, file and line, or topic,
     * partition and offset) the run has already written: a continuous job restored from a
     * checkpoint writes again the rows it rejected since, and they must not count twice. Rows
     * without a place (from an adapter) are always inserted: their null file equals no stored
     * row's, so the one {@code NOT EXISTS} keeps them. It must stay the whole condition: with an
     * {@code OR} beside it PostgreSQL runs the subquery once per staged row over every row of the
     * run (a continuous job's 66,000 rejected rows took minutes per checkpoint) instead of one
     * anti-join.
     */
    private static void insertNewRejected(DSLContext dsl, Table<?> stage) {
        var r = REJECTED_INPUT;
        RowTable.Incoming staged = staged(stage);
        Condition written = DSL.exists(DSL.selectOne().from(r).where(
                same(r.RUN_ID, staged), same(r.SOURCE, staged), same(r.INPUT_FILE, staged), same(r.INPUT_LINE, staged)));
        dsl.insertInto(r).columns(r.fields()).select(dsl.selectFrom(stage).where(DSL.not(written))).execute();
    }

    private static void upsert(DSLContext dsl, Table<?> table, Table<?> stage,
            Function<RowTable.Incoming, Condition> when) {
        RowTable.Incoming excluded = DSL::excluded;
        dsl.insertInto(table).columns(table.fields()).select(dsl.selectFrom(stage))
                .onConflict(key(table)).doUpdate().set(updates(table, excluded))
                .where(when.apply(excluded).and(changed(table, excluded))).execute();
    }

    /**
     * The upsert as two statements, for DuckDB: update the rows whose key is there and whose
     * values differ, then insert the rows whose key is not (an anti-join). The same result as
     * {@code ON CONFLICT DO UPDATE}, which DuckDB runs row by row: measured with
     * {@code bench/writes.sh 500000 2 duckdb}, new rows went from 121,737 to 141,705 rows/s and a
     * replay from 204,635 to 239,452 rows/s (medians of 2, same machine, same hour).
     *
     * <p>Both statements also bound the stored rows to the staged rows' range of each date or time
     * in the key ({@link #withinStaged}): a stored row with the key of a staged one lies in that
     * range anyway, so the result is the same, but DuckDB then skips the row groups outside it by
     * their min/max statistics instead of reading every stored key of the table for every batch
     * (a backfill's batches, one refresh day after another, would otherwise each read the whole
     * growing {@code segment_snapshot}).
     */
    private static void updateThenInsert(DSLContext dsl, Table<?> table, Table<?> stage,
            Function<RowTable.Incoming, Condition> when) {
        RowTable.Incoming staged = staged(stage);
        Condition sameKey = withinStaged(dsl, table, stage);
        for (Field<?> k : key(table)) {
            sameKey = sameKey.and(same(k, staged));
        }
        dsl.update(table).set(updates(table, staged)).from(stage)
                .where(sameKey.and(when.apply(staged)).and(changed(table, staged))).execute();
        dsl.insertInto(table).columns(table.fields())
                .select(dsl.selectFrom(stage).whereNotExists(dsl.selectOne().from(table).where(sameKey)))
                .execute();
    }

    /**
     * The stored rows whose every date and time in the key lies between the staged rows' least
     * and greatest (read from the stage, bound as values); no condition for a key without one.
     */
    private static Condition withinStaged(DSLContext dsl, Table<?> table, Table<?> stage) {
        Condition within = DSL.noCondition();
        for (Field<?> k : key(table)) {
            Class<?> type = k.getType();
            if (type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class) {
                within = within.and(betweenStaged(dsl, k, stage));
            }
        }
        return within;
    }

    private static <V> Condition betweenStaged(DSLContext dsl, Field<V> k, Table<?> stage) {
        Field<V> inStage = staged(stage).of(k);
        var range = dsl.select(DSL.min(inStage), DSL.max(inStage)).from(stage).fetchOne();
        if (range == null || range.value1() == null) {
            return DSL.noCondition();
        }
        // the column's SQL type, not the one the migrations' DDL gives it ("timestamp without
        // time zone(6)"), which jOOQ would render in a cast that DuckDB does not parse
        DataType<V> type = k.getDataType().getSQLDataType();
        return k.between(DSL.val(range.value1(), type), DSL.val(range.value2(), type));
    }

    private static List<Field<?>> key(Table<?> table) {
        return List.of(table.getPrimaryKey().getFieldsArray());
    }

    /** Every column outside the key set to the incoming row's value. */
    private static Map<Field<?>, Field<?>> updates(Table<?> table, RowTable.Incoming incoming) {
        List<Field<?>> key = key(table);
        Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
        for (Field<?> f : table.fields()) {
            if (!key.contains(f)) {
                updates.put(f, incoming.of(f));
            }
        }
        return updates;
    }

    /** Whether a column outside the key (and {@code updated_at}) differs from the incoming row's. */
    private static Condition changed(Table<?> table, RowTable.Incoming incoming) {
        List<Field<?>> key = key(table);
        Condition changed = DSL.falseCondition();
        for (Field<?> f : table.fields()) {
            if (!key.contains(f) && !f.getName().equals("updated_at")) {
                changed = changed.or(differs(f, incoming));
            }
        }
        return changed;
    }

    /** The columns of the stage table, where the incoming rows are. */
    private static RowTable.Incoming staged(Table<?> stage) {
        return new RowTable.Incoming() {
            @Override
            public <V> Field<V> of(Field<V> column) {
                return DSL.field(stage.getQualifiedName().append(column.getUnqualifiedName()), column.getDataType());
            }
        };
    }

    private static <V> Condition differs(Field<V> field, RowTable.Incoming incoming) {
        return field.isDistinctFrom(incoming.of(field));
    }

    private static <V> Condition same(Field<V> field, RowTable.Incoming incoming) {
        return field.eq(incoming.of(field));
    }
}
