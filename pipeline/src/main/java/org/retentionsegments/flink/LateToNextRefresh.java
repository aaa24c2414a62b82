package org.retentionsegments.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;

/**
 * For {@code late_records: next_refresh}: a record whose event time the watermark has passed
 * when it arrives gets, as its time, the first millisecond after the watermark, so it counts on
 * the day the job is in and reaches the next refresh instead of being rejected as late. Its
 * columns (order_ts and so on) keep the time it names. A record whose time cannot be read
 * (time 0) keeps it: it is rejected by the checks. Placed right after a topic's source, whose
 * watermark is never behind the watermark of the operators after it, so a record it passes on
 * is late nowhere downstream.
 */
final class LateToNextRefresh extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {

    private long watermark = Long.MIN_VALUE;

    @Override
    public void processElement(StreamRecord<Row> element) {
        long time = element.getTimestamp();
        if (time > 0 && time <= watermark) {
            output.collect(element.replace(element.getValue(), watermark + 1));
        } else {
            output.collect(element);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = Math.max(watermark, mark.getTimestamp());
        super.processWatermark(mark);
    }
}
