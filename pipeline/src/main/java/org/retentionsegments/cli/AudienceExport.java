package org.retentionsegments.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.retentionsegments.core.audience.Audience;
import org.retentionsegments.core.audience.AudienceChanges;
import org.retentionsegments.core.audience.AudienceRow;
import org.retentionsegments.warehouse.AudienceStore;

/**
 * One {@code audiences export}: picks the audiences (segments and channel), writes each one's
 * list and changes since its previous export into the folder, then records the export in the
 * warehouse ({@code audience_export}, and the membership sent in {@code audience_export_member}).
 *
 * @param segments the segment names to export (any case); empty for all
 * @param channel the channel to export; null for all
 * @param clear customer id to clear contacts; null for hashes only
 */
record AudienceExport(List<String> segments, String channel, String format, Path out,
        Map<String, AudienceFiles.Clear> clear, String configVersion) {

    /** One audience as exported, for the summary. */
    record Written(Audience audience, int total, int added, int removed, String list, String changes) {}

    /** What the export did. */
    record Summary(String exportId, List<Written> audiences) {}

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    /**
     * Writes the files and records the export; {@code progress} makes the progress line over the
     * audiences chosen (their number), once they are known, so an export refused before that
     * prints no progress.
     */
    Summary run(AudienceStore store, LocalDateTime now, String suffix, java.util.function.IntFunction<Progress> progress) {
        List<Audience> chosen = choose(store.audiences());
        try (Progress bar = progress.apply(chosen.size())) {
            return write(store, now, suffix, chosen, bar);
        }
    }

    private Summary write(AudienceStore store, LocalDateTime now, String suffix, List<Audience> chosen, Progress progress) {
        String exportId = ID.format(now) + "-" + suffix;
        AudienceFiles files = new AudienceFiles(format, clear);
        List<Written> written = new ArrayList<>();
        List<AudienceStore.Exported> exported = new ArrayList<>();
        Map<String, List<AudienceRow>> rows = new HashMap<>();
        try {
            Files.createDirectories(out);
            Map<String, Map<String, List<AudienceRow>>> bySegment = new HashMap<>();
            for (Audience a : chosen) {
                List<AudienceRow> current = bySegment.computeIfAbsent(a.segment(), store::rows)
                        .getOrDefault(a.key(), List.of());
                AudienceChanges changes = AudienceChanges.of(store.previous(a.key()), current);
                String list = a.fileStem() + "." + format;
                String changed = a.fileStem() + ".changes." + format;
                files.list(out.resolve(list), current);
                files.changes(out.resolve(changed), changes.added(), changes.removed());
                LocalDate asOf = current.stream().map(AudienceRow::asOf).filter(Objects::nonNull)
                        .max(LocalDate::compareTo).orElse(null);
                rows.put(a.key(), current);
                exported.add(new AudienceStore.Exported(a, format, asOf, current.size(), changes.added().size(),
                        changes.removed().size()));
                written.add(new Written(a, current.size(), changes.added().size(), changes.removed().size(), list,
                        changed));
                progress.add(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audience files in " + out + ": " + e.getMessage(), e);
        }
        store.record(exportId, now, configVersion, clear != null, exported, rows);
        return new Summary(exportId, written);
    }

    /** The audiences of the segments and channel asked for; an unknown segment is an error naming the known ones. */
    private List<Audience> choose(List<Audience> all) {
        Map<String, String> known = new LinkedHashMap<>();
        all.forEach(a -> known.put(a.segment().toLowerCase(Locale.ROOT), a.segment()));
        Set<String> wanted = new TreeSet<>();
        for (String s : segments) {
            String name = known.get(s.strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new IllegalArgumentException("no segment '" + s + "' in the audience view; the segments: "
                        + String.join(", ", new TreeSet<>(known.values())));
            }
            wanted.add(name);
        }
        Map<String, String> stems = new HashMap<>();
        List<Audience> chosen = new ArrayList<>();
        for (Audience a : all) {
            if ((wanted.isEmpty() || wanted.contains(a.segment())) && (channel == null || channel.equals(a.channel()))) {
                String other = stems.putIfAbsent(a.key(), a.segment());
                if (other != null && !other.equals(a.segment())) {
                    throw new IllegalArgumentException("the segments '" + other + "' and '" + a.segment()
                            + "' have the same audience key " + a.key() + ": rename one in segments.yaml");
                }
                chosen.add(a);
            }
        }
        return chosen;
    }
}
