package org.retentionsegments.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.warehouse.AudienceStore;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code audiences}: the contact and suppression lists of the segments, for email, phone and ad tools. */
@Command(
        name = "audiences",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done, or the help was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Exports the audiences of the warehouse's audience view.",
        subcommands = {AudiencesCommand.Export.class})
public final class AudiencesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The channels of the audience view. */
    enum Channel { email, phone, ads }

    /** The file formats. */
    enum Format { csv, jsonl }

    @Command(name = "export", mixinStandardHelpOptions = true,
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:exported and recorded", ExitCodes.FAILED, ExitCodes.USAGE},
            description = {"Writes one file per audience into --out (an audience is a segment, a channel and a"
                    + " membership: contact or suppression), named after its key (at_risk.email.contact.csv), and"
                    + " beside it the changes since the audience's previous export"
                    + " (at_risk.email.contact.changes.csv: a change column, add or remove, first; a first export"
                    + " adds everyone), then records the export in the tables"
                    + " audience_export and audience_export_member.",
                "Holdout customers and the customers of a suppressed segment (suppress in strategies.yaml) are"
                    + " never in a contact list, only in the suppression lists; the email lists also suppress the"
                    + " customers who unsubscribed or whose consent is false.",
                "Contacts are written as SHA-256 (lower-case hex) of the email trimmed and lower-cased and of the"
                    + " phone in E.164, as ad platforms match them; the warehouse keeps nothing else. The clear"
                    + " email and phone are written only with --clear-contacts, read again from --customers."})
    public static final class Export implements Callable<Integer> {
        @Mixin WarehouseOption warehouse;

        @Option(names = "--segment", paramLabel = "S", arity = "1..*",
                description = "Export the audiences of these segments only (names as in segments.yaml, any case;"
                        + " repeat or list them; default: every segment).")
        List<String> segments = new ArrayList<>();

        @Option(names = "--channel", paramLabel = "C",
                description = "Export the audiences of this channel only: ${COMPLETION-CANDIDATES} (default: all).")
        Channel channel;

        @Option(names = "--format", paramLabel = "F", defaultValue = "csv",
                description = "File format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "The folder for the files (created if missing; files of the same audiences replaced).")
        Path out;

        @Option(names = "--clear-contacts",
                description = "Also write the clear email and phone (columns email and phone), read from --customers;"
                        + " without it the files hold the hashes only.")
        boolean clearContacts;

        @Option(names = "--customers", paramLabel = "FILE",
                description = "The customers file (or folder) the run read, for --clear-contacts.")
        Path customers;

        @Option(names = "--config", paramLabel = "DIR",
                description = "The configuration the lists are sent under, recorded as audience_export.config_version"
                        + " (default: built-in).")
        Path config;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (clearContacts != (customers != null)) {
                throw new ParameterException(spec.commandLine(), clearContacts
                        ? "--clear-contacts needs --customers FILE: the warehouse keeps only the hashes"
                        : "--customers is read only with --clear-contacts");
            }
            Map<String, AudienceFiles.Clear> clear = clearContacts ? ClearContacts.read(customers) : null;
            String version = BoundedRun.configTexts(config).version();
            AudienceExport export = new AudienceExport(segments, channel == null ? null : channel.name(),
                    format.name(), out, clear, version);
            byte[] random = new byte[3];
            new SecureRandom().nextBytes(random);
            AudienceExport.Summary summary;
            try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
                summary = export.run(new AudienceStore(w), LocalDateTime.now(ZoneOffset.UTC).withNano(0),
                        HexFormat.of().formatHex(random), audiences -> Progress.start("exporting",
                                Progress.Unit.of("audiences"), audiences, Progress.Mode.detect(false), System.err));
            }
            print(summary, version);
            return 0;
        }

        private void print(AudienceExport.Summary summary, String version) {
            System.out.println("exported " + summary.audiences().size() + " audiences to " + out + " (" + format
                    + ", " + (clearContacts ? "clear and hashed contacts" : "hashed contacts") + "; export "
                    + summary.exportId() + ", config " + version + ")");
            int width = summary.audiences().stream().mapToInt(a -> a.audience().key().length()).max().orElse(0);
            for (AudienceExport.Written a : summary.audiences()) {
                System.out.printf("  %-" + width + "s %,9d rows  +%,d -%,d  %s%n", a.audience().key(), a.total(),
                        a.added(), a.removed(), a.list());
            }
        }
    }
}
