package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;
import org.retentionsegments.flink.ContinuousJob;
import org.w3c.dom.Document;

/**
 * The Kubernetes files of {@code infra/k8s} agree with the code: the deployment runs the cluster
 * jar the build writes, with a main class that exists and arguments it accepts; the image copies
 * that jar where the deployment looks for it and is the Flink version the build uses; the topics
 * are the ones the job reads and writes.
 */
class KubernetesFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("infra/k8s");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theDeploymentRunsTheClusterJarsMainClassWithArgumentsItAccepts() throws Exception {
        JsonNode job = deployment().get("job");
        Class<?> entry = Class.forName(job.get("entryClass").asText());
        Method main = entry.getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class, main.toString());
        assertEquals(ClusterJob.MAIN, entry.getName());

        ClusterJob program = ClusterJob.parse(args(job).toArray(new String[0]));
        assertNotNull(program, "the arguments are a job, not a help request: " + args(job));
        assertTrue(program.job.warehouse.url.startsWith("jdbc:postgresql://"), program.job.warehouse.url);
        assertEquals(Path.of(copiedTo("config/")), program.job.config, "--config is the folder the image copies");

        assertEquals("local:///opt/flink/usrlib/" + clusterJarName(), job.get("jarURI").asText());
        assertEquals(job.get("jarURI").asText().substring("local://".length()),
                copiedTo("pipeline/target/" + clusterJarName()), "the image has the jar where the deployment looks");
        assertEquals("savepoint", job.get("upgradeMode").asText());
        assertTrue(job.get("parallelism").asInt() > 0);
    }

    @Test
    void theDeploymentIsTheBuildsFlinkVersionWithRocksDbCheckpointsSavepointsAndHa() throws Exception {
        String flink = rootProperty("flink.version");
        String[] parts = flink.split("\\.");
        JsonNode spec = deployment();
        assertEquals("v" + parts[0] + "_" + parts[1], spec.get("flinkVersion").asText());
        Matcher from = Pattern.compile("(?m)^FROM flink:(\\S+)$").matcher(dockerfile());
        assertTrue(from.find(), "the image is built FROM an official flink image");
        assertTrue(from.group(1).startsWith(flink + "-") && from.group(1).contains("java17"), from.group(1));

        JsonNode conf = spec.get("flinkConfiguration");
        assertEquals("rocksdb", conf.get(StateBackendOptions.STATE_BACKEND.key()).asText());
        assertEquals("true", conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS.key()).asText());
        assertTrue(conf.hasNonNull(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()), conf.toString());
        assertTrue(conf.hasNonNull(CheckpointingOptions.SAVEPOINT_DIRECTORY.key()), conf.toString());
        assertEquals("kubernetes", conf.get(HighAvailabilityOptions.HA_MODE.key()).asText());
        assertTrue(conf.hasNonNull(HighAvailabilityOptions.HA_STORAGE_PATH.key()), conf.toString());
    }

    @Test
    void theTopicsAreTheOnesTheJobReadsAndWritesWithCustomersCompacted() throws Exception {
        ClusterJob program = ClusterJob.parse(args(deployment().get("job")).toArray(new String[0]));
        Map<String, JsonNode> topics = new HashMap<>();
        List<JsonNode> specs = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(K8S.resolve("topics.yaml").toFile())) {
            docs.forEachRemaining(specs::add);
        }
        for (JsonNode topic : specs) {
            assertEquals("KafkaTopic", topic.get("kind").asText());
            String name = topic.path("spec").hasNonNull("topicName") ? topic.get("spec").get("topicName").asText()
                    : topic.get("metadata").get("name").asText();
            topics.put(name, topic.get("spec"));
        }
        List<String> names = ContinuousJob.topicNames(program.job.topicPrefix);
        assertEquals(new java.util.TreeSet<>(names), new java.util.TreeSet<>(topics.keySet()));
        for (String name : names) {
            String policy = topics.get(name).path("config").path("cleanup.policy").asText("delete");
            assertEquals(name.equals(names.get(3)) ? "compact" : "delete", policy, name);
            assertTrue(topics.get(name).get("partitions").asInt() > 0, name);
        }
        assertEquals(program.job.topicPrefix + "customers", names.get(3));
    }

    private static JsonNode deployment() throws Exception {
        JsonNode doc = YAML.readTree(K8S.resolve("flink-deployment.yaml").toFile());
        assertEquals("FlinkDeployment", doc.get("kind").asText());
        return doc.get("spec");
    }

    private static List<String> args(JsonNode job) {
        List<String> args = new ArrayList<>();
        job.get("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    private static String dockerfile() throws Exception {
        return Files.readString(K8S.resolve("Dockerfile"));
    }

    /** Where the Dockerfile's {@code COPY source target} puts {@code source}. */
    private static String copiedTo(String source) throws Exception {
        Matcher copy = Pattern.compile("(?m)^COPY " + Pattern.quote(source) + " (\\S+)$").matcher(dockerfile());
        assertTrue(copy.find(), "the Dockerfile copies " + source);
        String target = copy.group(1);
        return target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
    }

    /** The file name the shade plugin writes ({@code outputFile} of pipeline/pom.xml, resolved). */
    private static String clusterJarName() throws Exception {
        Document pom = xml(ROOT.resolve("pipeline/pom.xml"));
        String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
        String output = pom.getElementsByTagName("outputFile").item(0).getTextContent().strip();
        return Path.of(output.replace("${project.build.finalName}", finalName)).getFileName().toString();
    }

    private static String rootProperty(String name) throws Exception {
        return xml(ROOT.resolve("pom.xml")).getElementsByTagName(name).item(0).getTextContent().strip();
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
