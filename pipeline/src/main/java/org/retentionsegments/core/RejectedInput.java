package org.retentionsegments.core;

/**
 * A row of input that could not be used, kept with the reason. Rows of one run are replaced when
 * the run is replayed under the same run id.
 */
public record RejectedInput(String runId, String source, String rawText, String reason)
        implements WarehouseRow {}
