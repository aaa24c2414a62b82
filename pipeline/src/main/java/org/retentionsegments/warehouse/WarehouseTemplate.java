package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.MODEL_APPLY;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A new DuckDB warehouse starts as a copy of an empty one that the build migrated: the build runs
 * {@link #main} after compiling (see {@code pipeline/pom.xml}), which opens a new file through
 * {@link Warehouse#open} without a template (Flyway applies every migration, the growing tables
 * lose their keys) and puts the closed file on the class path as {@link #RESOURCE}. Copying it
 * takes milliseconds where the migrations take most of a second: measured 2026-12-07, a warm JVM
 * opened a new file in 671-949 ms and an existing one in 99-136 ms; a whole run on 2,000 lines
 * spent 1.44 s of its main thread opening a new warehouse and 0.58 s opening an existing one.
 *
 * <p>The migrations stay the one truth: the copy is then opened like any warehouse, so Flyway
 * validates its history against the migrations of the class path and applies what is pending. The
 * template holds the bundled models (views) too, which a run then finds applied
 * ({@link Models#applyIfChanged}). A copy that Flyway refuses (a template of an earlier build whose
 * migrations have since been edited) is deleted and the warehouse is made from the migrations
 * instead. The history's {@code installed_on} and the models' {@code applied_at} are set to the
 * copy's time, not the build's.
 */
public final class WarehouseTemplate {

    /** Where the build puts the template, on the class path. */
    static final String RESOURCE = "warehouse-template.duckdb";

    private static final SqlFiles.Queries SQL = SqlFiles.queries("warehouse-models/queries/duckdb");

    private WarehouseTemplate() {}

    /** The build's template on the class path; null when there is none (a build that has not made it). */
    static URL onClassPath() {
        return WarehouseTemplate.class.getClassLoader().getResource(RESOURCE);
    }

    /**
     * Build step: makes the template at {@code args[0]} (replacing an earlier build's) from the
     * migrations alone, and applies the bundled models to it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WarehouseTemplate TARGET_FILE");
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createTempDirectory("warehouse-template");
        Path file = dir.resolve("warehouse.duckdb");
        try {
            try (Warehouse warehouse = Warehouse.open("jdbc:duckdb:" + file, null)) {
                if (!warehouse.hasTable("customer_segment")) {
                    throw new IllegalStateException("the migrations made no customer_segment table");
                }
                Models.bundled().apply(warehouse);
            }
            Path wal = wal(file);
            if (Files.exists(wal)) {
                throw new IllegalStateException("DuckDB left " + wal + " at close: the template would lack its last writes");
            }
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(wal(file));
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        System.out.println("warehouse template: " + target + " (" + Files.size(target) + " bytes)");
    }

    /**
     * Copies {@code template} to {@code file} when there is no such file yet and its folder exists;
     * returns whether it did. Written beside the file first and then moved, so that no other
     * process sees a part of it; a file that appears meanwhile is left as it is.
     */
    static boolean copyIfNew(Path file, URL template) {
        Path parent = file.toAbsolutePath().getParent();
        if (template == null || parent == null || !Files.isDirectory(parent) || Files.exists(file)
                || Files.exists(wal(file))) {
            return false;
        }
        Path part = null;
        try {
            removeParts(parent, file);
            part = Files.createTempFile(parent, "." + file.getFileName(), ".part");
            try (InputStream in = template.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, file);
            part = null;
            return true;
        } catch (IOException e) {
            // a file that appeared meanwhile is left as it is; a folder that refuses a new file
            // refuses it to the migrations too, with DuckDB's message
            return false;
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // left behind: a hidden .part file beside the warehouse
                }
            }
        }
    }

    /** Removes the parts of copies that a killed process left beside {@code file}. */
    private static void removeParts(Path parent, Path file) throws IOException {
        String prefix = "." + file.getFileName();
        try (var parts = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".part"))) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stamps the copy's migrations and models with the time of the copy. */
    static void stampInstalledNow(org.jooq.DSLContext dsl) {
        dsl.execute(SQL.sql("template_installed_now"));
        dsl.update(MODEL_APPLY).set(MODEL_APPLY.APPLIED_AT, LocalDateTime.now(ZoneOffset.UTC)).execute();
    }

    /** Removes a copy that could not be opened (and the log DuckDB may have begun for it). */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(wal(file));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new WarehouseException("cannot remove " + file + ", a copy of the warehouse template that could not be"
                    + " opened: " + e.getMessage() + "; remove it and run again", e);
        }
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }
}
