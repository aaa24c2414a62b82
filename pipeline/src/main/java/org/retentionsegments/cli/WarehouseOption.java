package org.retentionsegments.cli;

import org.retentionsegments.warehouse.Secrets;
import picocli.CommandLine.Option;

/** The {@code --warehouse} option shared by the commands that read or write the warehouse. */
public final class WarehouseOption {

    /** The JDBC URL as given, password included: print {@code Warehouse.displayUrl(url)} instead. */
    public String url;

    @Option(names = "--warehouse", defaultValue = "jdbc:duckdb:./segments.duckdb", paramLabel = "JDBC_URL",
            description = "Warehouse JDBC URL: jdbc:duckdb:FILE (default: ${DEFAULT-VALUE}) "
                    + "or jdbc:postgresql://HOST:PORT/DB?user=...[&password=...] (or the password in PGPASSWORD)")
    void url(String value) {
        Secrets.registerUrl(value);
        this.url = value;
    }
}
