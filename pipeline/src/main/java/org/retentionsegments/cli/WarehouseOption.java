package org.retentionsegments.cli;

import picocli.CommandLine.Option;

/** The {@code --warehouse} option shared by the commands that read or write the warehouse. */
public final class WarehouseOption {

    @Option(names = "--warehouse", defaultValue = "jdbc:duckdb:./segments.duckdb", paramLabel = "JDBC_URL",
            description = "Warehouse JDBC URL: jdbc:duckdb:FILE (default: ${DEFAULT-VALUE}) "
                    + "or jdbc:postgresql://HOST:PORT/DB?user=...")
    public String url;
}
