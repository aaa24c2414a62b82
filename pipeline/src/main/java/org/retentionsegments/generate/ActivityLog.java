package org.retentionsegments.generate;

import java.util.Arrays;

/**
 * The orders of the customer being generated (time, channel, whether part was returned), reused
 * from customer to customer so that nothing outlives one customer. Engagement follows these orders.
 */
final class ActivityLog {

    private long[] times = new long[64];
    private byte[] channels = new byte[64];
    private boolean[] returned = new boolean[64];
    private int size;

    void clear() {
        size = 0;
    }

    void add(long epochSecond, int channel, boolean hadReturn) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            channels = Arrays.copyOf(channels, size * 2);
            returned = Arrays.copyOf(returned, size * 2);
        }
        times[size] = epochSecond;
        channels[size] = (byte) channel;
        returned[size] = hadReturn;
        size++;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    int channel(int i) {
        return channels[i];
    }

    boolean returned(int i) {
        return returned[i];
    }
}
