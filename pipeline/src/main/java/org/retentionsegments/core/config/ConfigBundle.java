package org.retentionsegments.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.retentionsegments.core.cluster.ClusterModel;

/**
 * The configuration files, loaded and validated together: {@code pipeline.yaml},
 * {@code segments.yaml}, {@code strategies.yaml} and {@code lead_scoring.yaml}. The defaults ship inside the jar under
 * {@code config/}; {@link #load(Path)} reads a user's directory, where any of the three files
 * that is absent falls back to its built-in default ({@link #sources()} tells which). Files must be
 * UTF-8 (a byte-order mark is allowed); an empty {@code pipeline.yaml} means all defaults, an empty
 * {@code segments.yaml} or {@code strategies.yaml} is an error (delete it to get the defaults).
 * With {@code segmentation: clusters} the cluster model file named in {@code pipeline.yaml} is
 * loaded too ({@link #clusterModel()}; null in rules mode).
 */
public record ConfigBundle(
        PipelineConfig pipeline, SegmentRules segments, Strategies strategies, ClusterModel clusterModel,
        LeadScoring leadScoring, String sources) {

    private static final String CLASSPATH_DIR = "config/";

    /** The built-in defaults from the class path. */
    public static ConfigBundle loadDefault() {
        return parse(classpath(PipelineConfig.FILE), classpath(SegmentRules.FILE),
                classpath(Strategies.FILE), "built-in defaults");
    }

    /** Reads the directory; a missing file falls back to the built-in default. */
    public static ConfigBundle load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": not a directory (--config expects a directory "
                    + "holding pipeline.yaml, segments.yaml, strategies.yaml and/or lead_scoring.yaml)");
        }
        StringBuilder sources = new StringBuilder();
        String pipeline = read(dir, PipelineConfig.FILE, sources);
        String segments = read(dir, SegmentRules.FILE, sources);
        String strategies = read(dir, Strategies.FILE, sources);
        String lead = read(dir, LeadScoring.FILE, sources);
        String model = modelText(dir, pipeline);
        if (model != null) {
            sources.append(", ").append(modelPath(dir, pipeline));
        }
        return parse(pipeline, segments, strategies, model, lead, sources.toString());
    }

    /** Parses and validates the three texts, in rules mode or without a model. */
    public static ConfigBundle parse(String pipeline, String segments, String strategies,
            String sources) {
        return parse(pipeline, segments, strategies, null, sources);
    }

    /**
     * Parses and validates the three texts and, with {@code segmentation: clusters}, the cluster
     * model's JSON ({@code model}; ignored in rules mode).
     */
    public static ConfigBundle parse(String pipeline, String segments, String strategies, String model,
            String sources) {
        return parse(pipeline, segments, strategies, model, null, sources);
    }

    /**
     * As {@link #parse(String, String, String, String, String)}, with the text of
     * {@code lead_scoring.yaml} ({@code lead}; null for the built-in default).
     */
    public static ConfigBundle parse(String pipeline, String segments, String strategies, String model,
            String lead, String sources) {
        LeadScoring leadScoring = LeadScoring.parse(YamlNode.parse(LeadScoring.FILE,
                lead == null ? classpath(LeadScoring.FILE) : lead));
        PipelineConfig pipelineConfig =
                PipelineConfig.parse(YamlNode.parse(PipelineConfig.FILE, pipeline));
        SegmentRules rules = SegmentRules.parse(YamlNode.parse(SegmentRules.FILE, segments));
        Strategies strategyConfig =
                Strategies.parse(YamlNode.parse(Strategies.FILE, strategies), rules);
        ClusterModel clusterModel = null;
        if (pipelineConfig.segmentation() == PipelineConfig.Segmentation.CLUSTERS) {
            if (model == null) {
                throw new ConfigException(PipelineConfig.FILE + ": segmentation: clusters needs the model file "
                        + pipelineConfig.clusterModel() + ", which was not given");
            }
            try {
                clusterModel = ClusterModel.fromJson(model);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(PipelineConfig.FILE + ": cluster_model " + pipelineConfig.clusterModel()
                        + " is " + e.getMessage() + "; train one with ./segments cluster --out FILE", e);
            }
        }
        return new ConfigBundle(pipelineConfig, rules, strategyConfig, clusterModel, leadScoring, sources);
    }

    /**
     * The text of the cluster model that {@code pipeline.yaml} of {@code dir} names with
     * {@code segmentation: clusters} (relative to {@code dir} unless absolute); null in rules mode.
     */
    public static String modelText(Path dir, String pipelineText) {
        Path path = modelPath(dir, pipelineText);
        if (path == null) {
            return null;
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(PipelineConfig.FILE + ": segmentation: clusters reads the model " + path
                    + ", which does not exist: train one with ./segments cluster --out " + path);
        }
        try {
            return utf8(path, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ConfigException("cannot read the cluster model " + path + ": " + e.getMessage(), e);
        }
    }

    private static Path modelPath(Path dir, String pipelineText) {
        PipelineConfig pipeline = PipelineConfig.parse(YamlNode.parse(PipelineConfig.FILE, pipelineText));
        if (pipeline.segmentation() != PipelineConfig.Segmentation.CLUSTERS) {
            return null;
        }
        return dir.resolve(pipeline.clusterModel()).normalize();
    }

    /** The text of a built-in default file, e.g. to copy into a user's directory. */
    public static String classpath(String file) {
        try (InputStream in = ConfigBundle.class.getClassLoader()
                .getResourceAsStream(CLASSPATH_DIR + file)) {
            if (in == null) {
                throw new ConfigException(file + ": built-in default not found on the class path "
                        + "under " + CLASSPATH_DIR);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the built-in default: " + e, e);
        }
    }

    private static String read(Path dir, String file, StringBuilder sources) {
        Path path = dir.resolve(file);
        if (sources.length() > 0) {
            sources.append(", ");
        }
        if (!Files.exists(path)) {
            sources.append(file).append(" (built-in default)");
            return classpath(file);
        }
        sources.append(path);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read " + path + " ("
                    + (Files.isDirectory(path) ? "it is a directory" : String.valueOf(e.getMessage())) + ")", e);
        }
        return utf8(path, bytes);
    }

    /** The text of a file that must be UTF-8; otherwise one line naming the file and the line of the bad byte. */
    static String utf8(Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(path + " is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[at] & 0xff) + " on line " + line + "): save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
