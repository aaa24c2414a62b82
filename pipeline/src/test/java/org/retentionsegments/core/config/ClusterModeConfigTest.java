package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.cluster.ClusterLabel;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterTrainer;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
import org.retentionsegments.core.segment.SegmentTable;

/** {@code segmentation: clusters}: the shipped config/clusters, the cluster condition, the model file. */
class ClusterModeConfigTest {

    /** A small trained model (three groups of customers). */
    static ClusterModel model() {
        Random random = new Random(3);
        List<RfmPoint> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new RfmPoint("a" + i, 5 + random.nextInt(10), 4 + random.nextInt(3), 200 + random.nextInt(100)));
            points.add(new RfmPoint("b" + i, 5 + random.nextInt(10), 1, 20 + random.nextInt(20)));
            points.add(new RfmPoint("c" + i, 300 + random.nextInt(100), 1, 20 + random.nextInt(20)));
        }
        return ClusterTrainer.train(points, LocalDate.of(2025, 1, 1), ClusterTrainer.Settings.range(2, 4), line -> {});
    }

    /** The shipped config/clusters files (from the class path) and a model, in {@code dir}. */
    static Path clustersConfig(Path dir, ClusterModel model) throws Exception {
        for (String file : List.of(PipelineConfig.FILE, SegmentRules.FILE, Strategies.FILE)) {
            Files.writeString(dir.resolve(file), ConfigBundle.classpath("clusters/" + file));
        }
        if (model != null) {
            Files.writeString(dir.resolve("cluster-model.json"), model.json());
        }
        return dir;
    }

    @Test
    void theShippedClustersConfigurationLoadsItsModelAndPassesConfigCheck(@TempDir Path dir) throws Exception {
        ClusterModel model = model();
        ConfigBundle config = ConfigBundle.load(clustersConfig(dir, model));
        assertEquals(PipelineConfig.Segmentation.CLUSTERS, config.pipeline().segmentation());
        assertEquals(model.version(), config.clusterModel().version());
        assertTrue(config.sources().contains("cluster-model.json"), config.sources());
        // a cluster model places a customer from more than the refresh's mirror keeps
        assertFalse(new org.retentionsegments.core.refresh.Segmenter(config).placesFromFewFacts());
        assertThrows(IllegalArgumentException.class, () -> new org.retentionsegments.core.refresh.SegmentMirror(
                new org.retentionsegments.core.refresh.Segmenter(config)));
        ConfigCheckReport report = ConfigCheck.run(config);
        assertFalse(report.hasErrors(), () -> "unreachable " + report.unreachable() + ", " + report.violations());
        assertEquals(List.of("Reward", "Retain", "Nurture", "Re-Engage", "PAMPER", "UPSELL", "DELIGHT"),
                List.copyOf(report.clusterSegments().values()));
        assertEquals(List.copyOf(report.clusterSegments().keySet()), List.copyOf(report.clusterSegments().values()));
        assertTrue(ConfigCheck.run(ConfigBundle.loadDefault()).clusterSegments().isEmpty());
        // every label has its segment, whatever the scores; prospects have none
        SegmentTable table = new SegmentTable(config.segments(), config.pipeline().scoring());
        for (ClusterLabel label : ClusterLabel.values()) {
            for (int r = 1; r <= 5; r++) {
                assertEquals(label.label(), config.segments().get(table.segment(r, 3, 1, LifecycleStage.ACTIVE, 0,
                        label.ordinal())).name());
            }
            assertNotNull(config.strategies().forSegment(label.label()));
        }
        assertEquals("Prospects", config.segments().get(table.unscoredSegment(LifecycleStage.PROSPECT, 0)).name());
        assertNull(ConfigBundle.loadDefault().clusterModel());
    }

    @Test
    void aMissingOrBrokenModelFileSaysHowToMakeOne(@TempDir Path dir) throws Exception {
        clustersConfig(dir, null);
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigBundle.load(dir));
        assertTrue(missing.getMessage().contains("segmentation: clusters reads the model " + dir.resolve(
                "cluster-model.json") + ", which does not exist: train one with ./segments cluster --out"),
                missing.getMessage());
        Files.writeString(dir.resolve("cluster-model.json"), "{\"k\": \"three\"}");
        ConfigException broken = assertThrows(ConfigException.class, () -> ConfigBundle.load(dir));
        assertTrue(broken.getMessage().startsWith("pipeline.yaml: cluster_model cluster-model.json is not a cluster model"
                + " file"), broken.getMessage());
    }

    @Test
    void segmentationKeysAreChecked() {
        ConfigException noModel = assertThrows(ConfigException.class,
                () -> PipelineConfig.parse(YamlNode.parse("pipeline.yaml", "segmentation: clusters\n")));
        assertTrue(noModel.getMessage().contains("segmentation: clusters needs cluster_model"), noModel.getMessage());
        ConfigException stray = assertThrows(ConfigException.class,
                () -> PipelineConfig.parse(YamlNode.parse("pipeline.yaml", "cluster_model: m.json\n")));
        assertTrue(stray.getMessage().contains("cluster_model is only read with segmentation: clusters"),
                stray.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> PipelineConfig.parse(YamlNode.parse("pipeline.yaml", "segmentation: kmeans\n")));
        assertTrue(unknown.getMessage().contains("segmentation 'kmeans' is not one of rules, clusters"),
                unknown.getMessage());
        assertEquals(PipelineConfig.Segmentation.RULES,
                PipelineConfig.parse(YamlNode.parse("pipeline.yaml", "")).segmentation());
    }

    @Test
    void theClusterConditionMatchesItsLabelsOnly() {
        SegmentRules rules = SegmentRules.parse(YamlNode.parse("segments.yaml", """
                segments:
                  - name: Top
                    engagement_rank: 2
                    description: top
                    when: { cluster: [Reward, DELIGHT], r: 3-5 }
                  - name: Rest
                    engagement_rank: 0
                    description: rest
                """));
        assertEquals("Top", rules.get(rules.match(4, 1, 1, 2.0, LifecycleStage.ACTIVE, 0,
                ClusterLabel.DELIGHT.ordinal())).name());
        assertEquals("Rest", rules.get(rules.match(2, 1, 1, 1.3, LifecycleStage.ACTIVE, 0,
                ClusterLabel.DELIGHT.ordinal())).name());
        assertEquals("Rest", rules.get(rules.match(4, 1, 1, 2.0, LifecycleStage.ACTIVE, 0,
                ClusterLabel.RETAIN.ordinal())).name());
        assertEquals("Rest", rules.get(rules.match(4, 1, 1, 2.0, LifecycleStage.ACTIVE, 0)).name(),
                "without a cluster (rules mode) a cluster condition never matches");
        ConfigException e = assertThrows(ConfigException.class, () -> SegmentRules.parse(YamlNode.parse("segments.yaml",
                "segments:\n  - name: X\n    engagement_rank: 1\n    description: x\n    when: { cluster: VIP }\n"
                        + "  - name: Rest\n    engagement_rank: 0\n    description: rest\n")));
        assertTrue(e.getMessage().contains("cluster 'VIP' is not one of Reward, Retain, Nurture, Re-Engage, PAMPER,"
                + " UPSELL, DELIGHT"), e.getMessage());
    }
}
