package org.retentionsegments.flink;

import static org.apache.flink.table.api.Expressions.$;

import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.AggregatePhaseStrategy;
import org.apache.flink.table.api.config.OptimizerConfigOptions;
import org.retentionsegments.input.InputKind;

/**
 * The first stage of a bounded run, in Flink SQL batch mode: reads the input files (or an
 * adapter's tables), parses and validates every row, drops duplicates, rolls orders and engagement
 * up per customer and day, and hands the stream stage day-sorted rollups, the accepted treatments,
 * the rejected rows and the per-input accounting as files in the staging folder. A run uses it
 * when a user's own adapter SQL maps an input; otherwise the same work runs in Java
 * ({@link org.retentionsegments.input.prepare.Preparation}), which leaves the same files without
 * the seconds of planning.
 */
public final class BatchStage {

    static final List<String> FEATURES = List.of(
            "orders_fields", "orders_checked", "orders_numbered", "order_lines", "orders",
            "customer_day_orders", "customer_day_categories",
            "engagement_fields", "engagement_checked", "engagement_numbered", "engagement_events", "customer_day_engagement",
            "treatments_fields", "treatments_checked", "treatments_numbered", "treatments_accepted",
            "customers_fields", "customers_checked", "customers_numbered", "customers_accepted", "customer_day_signups",
            "customer_day", "input_counts", "rejected_inputs");

    static final List<String> STAGING = List.of(
            "customer_day_staged", "treatments_staged", "input_counts_staged", "rejected_staged");

    private BatchStage() {}

    /**
     * Replaces a view by a constant empty table of the same columns. The view's own query is not
     * kept: the planner cannot drop an empty input below the window of a {@code _numbered} view
     * (the plan fails), but it drops an empty constant above it.
     */
    private static Table empty(StreamTableEnvironment tEnv, String view) {
        StringBuilder columns = new StringBuilder();
        for (Column column : tEnv.from(view).getResolvedSchema().getColumns()) {
            columns.append(columns.isEmpty() ? "" : ", ").append("CAST(NULL AS ")
                    .append(column.getDataType().getLogicalType().copy(true).asSerializableString())
                    .append(") AS `").append(column.getName().replace("`", "``")).append('`');
        }
        tEnv.dropTemporaryView(view);
        return tEnv.sqlQuery("SELECT " + columns + " FROM (VALUES (1)) WHERE FALSE");
    }

    /** Runs the stage to completion. */
    public static void run(RunInputs.Plan plan, Configuration flinkConf) throws Exception {
        statements(plan, flinkConf).execute().await();
    }

    /** The stage's inserts into the staging tables, planned but not started. */
    static StatementSet statements(RunInputs.Plan plan, Configuration flinkConf) {
        SqlScripts sql = plan.sql();
        Configuration conf = new Configuration(flinkConf);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set(OptimizerConfigOptions.TABLE_OPTIMIZER_AGG_PHASE_STRATEGY,
                AggregatePhaseStrategy.ONE_PHASE);
        SqlFunctions.register(tEnv);
        InputTables.register(env, tEnv, plan.files(), plan.charset());
        for (String extra : sql.extraObjects(FEATURES)) {
            tEnv.executeSql(sql.statement("adapters", extra));
        }
        for (String object : FEATURES) {
            tEnv.executeSql(sql.statement("features", object));
            for (InputKind kind : InputKind.values()) {
                if (object.equals(kind.label() + "_numbered") && plan.files().getOrDefault(kind, List.of()).isEmpty()) {
                    // an absent input: everything built on its rows is known to be empty, and the
                    // planner drops it (a run on orders alone plans and compiles far less SQL)
                    tEnv.createTemporaryView(object, empty(tEnv, object));
                }
            }
        }
        for (String object : STAGING) {
            tEnv.executeSql(sql.statement("staging", object));
        }
        StatementSet inserts = tEnv.createStatementSet();
        inserts.add(tEnv.from("customer_day").orderBy($("activity_date")).insertInto("customer_day_staged"));
        inserts.add(tEnv.from("treatments_accepted")
                .where($("copy_no").isEqual(1))
                .select($("program_id"), $("customer_id"), $("treated_ts"), $("arm"), $("channel"), $("cost"))
                .orderBy($("treated_ts"))
                .insertInto("treatments_staged"));
        inserts.add(tEnv.from("input_counts").insertInto("input_counts_staged"));
        inserts.add(tEnv.from("rejected_inputs").insertInto("rejected_staged"));
        return inserts;
    }
}
