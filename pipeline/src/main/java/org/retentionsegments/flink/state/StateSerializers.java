package org.retentionsegments.flink.state;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.CustomerHistory;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.core.window.NamedAmounts;
import org.retentionsegments.core.window.WindowBucket;
import org.retentionsegments.flink.CustomerSlot;
import org.retentionsegments.flink.LiveDay;
import org.retentionsegments.flink.WindowSlot;

/**
 * The serializers of the per-customer keyed state, in the {@link Compact} encodings. Measured on
 * the continuous job's checkpoints (see {@code bench/continuous.sh}); each reads back an equal
 * value ({@code StateSerializersTest}).
 */
public final class StateSerializers {

    private StateSerializers() {}

    // ---------------------------------------------------------------- the refresh's slot

    /** The refresh's {@link CustomerSlot}: facts, segment, pending facts and treatments. */
    public static final class Slot extends CompactSerializer<CustomerSlot> {
        private static final long serialVersionUID = 1L;
        public static final Slot INSTANCE = new Slot();

        @Override
        public CustomerSlot createInstance() {
            return new CustomerSlot();
        }

        @Override
        public CustomerSlot copy(CustomerSlot from) {
            CustomerSlot to = new CustomerSlot();
            to.facts = from.facts; // an immutable record
            to.segment = from.segment;
            to.pending = new ArrayList<>(from.pending.size());
            for (CustomerSlot.Pending p : from.pending) {
                to.pending.add(new CustomerSlot.Pending(p.at, p.facts));
            }
            to.treatments = new ArrayList<>(from.treatments); // immutable records
            return to;
        }

        @Override
        public void serialize(CustomerSlot slot, DataOutputView out) throws IOException {
            out.writeByte(slot.segment);
            writeNullableFacts(out, slot.facts);
            Compact.writeVarLong(out, slot.pending.size());
            for (CustomerSlot.Pending p : slot.pending) {
                Compact.writeLong(out, p.at);
                writeNullableFacts(out, p.facts);
            }
            Compact.writeVarLong(out, slot.treatments.size());
            for (Treatment t : slot.treatments) {
                writeTreatment(out, t);
            }
        }

        @Override
        public CustomerSlot deserialize(DataInputView in) throws IOException {
            CustomerSlot slot = new CustomerSlot();
            slot.segment = in.readByte();
            slot.facts = readNullableFacts(in);
            int pending = (int) Compact.readVarLong(in);
            slot.pending = new ArrayList<>(pending);
            for (int i = 0; i < pending; i++) {
                long at = Compact.readLong(in);
                slot.pending.add(new CustomerSlot.Pending(at, readNullableFacts(in)));
            }
            int treatments = (int) Compact.readVarLong(in);
            slot.treatments = new ArrayList<>(treatments);
            for (int i = 0; i < treatments; i++) {
                slot.treatments.add(readTreatment(in));
            }
            return slot;
        }

        @Override
        public TypeSerializerSnapshot<CustomerSlot> snapshotConfiguration() {
            return new SlotSnapshot();
        }
    }

    public static final class SlotSnapshot extends SimpleTypeSerializerSnapshot<CustomerSlot> {
        public SlotSnapshot() {
            super(() -> Slot.INSTANCE);
        }
    }

    private static void writeNullableFacts(DataOutputView out, CustomerFacts facts) throws IOException {
        out.writeBoolean(facts != null);
        if (facts != null) {
            writeFacts(out, facts);
        }
    }

    private static CustomerFacts readNullableFacts(DataInputView in) throws IOException {
        return in.readBoolean() ? readFacts(in) : null;
    }

    static void writeFacts(DataOutputView out, CustomerFacts f) throws IOException {
        Compact.writeString(out, f.customerId());
        int base = f.asOfDay();
        Compact.writeInt(out, base);
        writeDay(out, base, f.firstOrderDay());
        writeDay(out, base, f.lastOrderDay());
        writeDay(out, base, f.previousOrderDay());
        writeDay(out, base, f.lastEngagementDay());
        writeDay(out, base, f.signupDay());
        Compact.writeInt(out, f.frequency());
        Compact.writeInt(out, f.lifetimeOrders());
        Compact.writeInt(out, f.channelOrders());
        Compact.writeInt(out, f.emailConsent());
        out.writeBoolean(f.unsubscribed());
        Compact.writeDoubles(out, f.windowNet(), f.windowGross(), f.windowReturns(), f.lifetimeNet(),
                f.medianGapDays(), f.topCategoryShare(), f.topChannelShare(), f.discountedOrderShare(),
                f.peakWindowValue());
        Compact.writeString(out, f.topCategory());
        Compact.writeString(out, f.topChannel());
        Compact.writeString(out, f.country());
        Compact.writeIntArray(out, f.engagement30());
        Compact.writeIntArray(out, f.engagement90());
        Compact.writeDoubleArray(out, f.engagementDecayed());
        Compact.writeDigest(out, f.emailSha256());
        Compact.writeDigest(out, f.phoneSha256());
    }

    static CustomerFacts readFacts(DataInputView in) throws IOException {
        String customerId = Compact.readString(in);
        int base = Compact.readInt(in);
        int firstOrderDay = readDay(in, base);
        int lastOrderDay = readDay(in, base);
        int previousOrderDay = readDay(in, base);
        int lastEngagementDay = readDay(in, base);
        int signupDay = readDay(in, base);
        int frequency = Compact.readInt(in);
        int lifetimeOrders = Compact.readInt(in);
        int channelOrders = Compact.readInt(in);
        int emailConsent = Compact.readInt(in);
        boolean unsubscribed = in.readBoolean();
        double[] d = Compact.readDoubles(in, 9);
        // names held by every customer's facts, one instance each
        String topCategory = NamedAmounts.shared(Compact.readString(in));
        String topChannel = NamedAmounts.shared(Compact.readString(in));
        String country = NamedAmounts.shared(Compact.readString(in));
        int[] engagement30 = EngagementType.sharedIfNone(Compact.readIntArray(in));
        int[] engagement90 = EngagementType.sharedIfNone(Compact.readIntArray(in));
        double[] decayed = EngagementType.sharedIfNone(Compact.readDoubleArray(in));
        String email = Compact.readDigest(in);
        String phone = Compact.readDigest(in);
        return new CustomerFacts(customerId, base, firstOrderDay, lastOrderDay, previousOrderDay, frequency, d[0], d[1],
                d[2], lifetimeOrders, d[3], d[4], topCategory, d[5], topChannel, d[6], channelOrders, d[7],
                engagement30, engagement90, lastEngagementDay, unsubscribed, signupDay, emailConsent, country, decayed,
                d[8], email, phone);
    }

    /** A day as its distance from {@code base} (usually one byte), {@link CustomerFacts#NEVER} as 0. */
    private static void writeDay(DataOutputView out, int base, int day) throws IOException {
        if (day == CustomerFacts.NEVER) {
            Compact.writeVarLong(out, 0);
        } else {
            long distance = (long) base - day;
            Compact.writeVarLong(out, ((distance << 1) ^ (distance >> 63)) + 1);
        }
    }

    private static int readDay(DataInputView in, int base) throws IOException {
        long v = Compact.readVarLong(in);
        if (v == 0) {
            return CustomerFacts.NEVER;
        }
        long zigzag = v - 1;
        long distance = (zigzag >>> 1) ^ -(zigzag & 1);
        return (int) (base - distance);
    }

    static void writeTreatment(DataOutputView out, Treatment t) throws IOException {
        Compact.writeString(out, t.programId());
        Compact.writeString(out, t.customerId());
        out.writeBoolean(t.treatedTs() != null);
        if (t.treatedTs() != null) {
            Compact.writeLong(out, t.treatedTs().getEpochSecond());
            Compact.writeVarLong(out, t.treatedTs().getNano());
        }
        out.writeByte(t.arm() == null ? 0 : t.arm().ordinal() + 1);
        Compact.writeString(out, t.segment());
        Compact.writeString(out, t.channel());
        out.writeBoolean(t.cost() != null);
        if (t.cost() != null) {
            Compact.writeDoubles(out, t.cost());
        }
        Compact.writeString(out, t.source());
    }

    static Treatment readTreatment(DataInputView in) throws IOException {
        String programId = Compact.readString(in);
        String customerId = Compact.readString(in);
        Instant treatedTs = null;
        if (in.readBoolean()) {
            long seconds = Compact.readLong(in);
            treatedTs = Instant.ofEpochSecond(seconds, Compact.readVarLong(in));
        }
        int arm = in.readUnsignedByte();
        String segment = Compact.readString(in);
        String channel = Compact.readString(in);
        Double cost = in.readBoolean() ? Compact.readDoubles(in, 1)[0] : null;
        String source = Compact.readString(in);
        return new Treatment(programId, customerId, treatedTs, arm == 0 ? null : Arm.values()[arm - 1], segment,
                channel, cost, source);
    }

    // ---------------------------------------------------------------- the rolling window's state

    // The parts of a WindowSlot: its history, days waiting and days in the window, count key.

    /** The rolling window's {@link CustomerHistory}. */
    static CustomerHistory copyHistory(CustomerHistory from) {
        CustomerHistory to = new CustomerHistory();
        to.firstOrderDay = from.firstOrderDay;
        to.lastOrderDay = from.lastOrderDay;
        to.previousOrderDay = from.previousOrderDay;
        to.lifetimeOrders = from.lifetimeOrders;
        to.lifetimeNet = from.lifetimeNet;
        to.discountedOrders = from.discountedOrders;
        to.channelOrders = from.channelOrders == null ? null : from.channelOrders.copy();
        to.categorySpend = from.categorySpend == null ? null : from.categorySpend.copy();
        to.gaps = from.gaps == null ? null : from.gaps.length == 0 ? CustomerHistory.NO_GAPS : from.gaps.clone();
        to.lastEngagementDay = from.lastEngagementDay;
        to.unsubscribed = from.unsubscribed;
        to.lastActivityDay = from.lastActivityDay;
        to.signupDay = from.signupDay;
        to.emailConsent = from.emailConsent;
        to.country = from.country;
        to.emailSha256 = from.emailSha256;
        to.phoneSha256 = from.phoneSha256;
        to.peakWindowValue = from.peakWindowValue;
        return to;
    }

    static void writeHistory(CustomerHistory h, DataOutputView out) throws IOException {
        int base = h.lastActivityDay;
        Compact.writeInt(out, base);
        writeDay(out, base, h.firstOrderDay);
        writeDay(out, base, h.lastOrderDay);
        writeDay(out, base, h.previousOrderDay);
        writeDay(out, base, h.lastEngagementDay);
        writeDay(out, base, h.signupDay);
        Compact.writeInt(out, h.lifetimeOrders);
        Compact.writeInt(out, h.discountedOrders);
        Compact.writeInt(out, h.emailConsent);
        out.writeBoolean(h.unsubscribed);
        Compact.writeDoubles(out, h.lifetimeNet, h.peakWindowValue);
        writeNamed(out, h.channelOrders, false);
        writeNamed(out, h.categorySpend, true);
        Compact.writeIntArray(out, h.gaps);
        Compact.writeString(out, h.country);
        Compact.writeDigest(out, h.emailSha256);
        Compact.writeDigest(out, h.phoneSha256);
    }

    static CustomerHistory readHistory(DataInputView in) throws IOException {
        CustomerHistory h = new CustomerHistory();
        int base = Compact.readInt(in);
        h.lastActivityDay = base;
        h.firstOrderDay = readDay(in, base);
        h.lastOrderDay = readDay(in, base);
        h.previousOrderDay = readDay(in, base);
        h.lastEngagementDay = readDay(in, base);
        h.signupDay = readDay(in, base);
        h.lifetimeOrders = Compact.readInt(in);
        h.discountedOrders = Compact.readInt(in);
        h.emailConsent = Compact.readInt(in);
        h.unsubscribed = in.readBoolean();
        double[] d = Compact.readDoubles(in, 2);
        h.lifetimeNet = d[0];
        h.peakWindowValue = d[1];
        h.channelOrders = readNamed(in, false);
        h.categorySpend = readNamed(in, true);
        h.gaps = Compact.readIntArray(in);
        h.country = NamedAmounts.shared(Compact.readString(in));
        h.emailSha256 = Compact.readDigest(in);
        h.phoneSha256 = Compact.readDigest(in);
        return h;
    }

    /** A day's activity waiting to enter the window (and the records the window is fed). */
    static DayActivity copyActivity(DayActivity from) {
        DayActivity to = new DayActivity();
        to.customerId = from.customerId;
        to.day = from.day;
        to.orders = from.orders;
        to.returnOrders = from.returnOrders;
        to.revenue = from.revenue;
        to.gross = from.gross;
        to.returnAmount = from.returnAmount;
        to.discountedOrders = from.discountedOrders;
        to.midnightOrders = from.midnightOrders;
        to.midnightRevenue = from.midnightRevenue;
        to.midnightGross = from.midnightGross;
        to.midnightReturnAmount = from.midnightReturnAmount;
        to.channelOrders = copyMap(from.channelOrders);
        to.categorySpend = copyMap(from.categorySpend);
        to.engagement = from.engagement == null ? null : from.engagement.clone();
        to.engagementEvents = from.engagementEvents;
        to.signedUp = from.signedUp;
        to.emailConsent = from.emailConsent;
        to.country = from.country;
        to.emailSha256 = from.emailSha256;
        to.phoneSha256 = from.phoneSha256;
        return to;
    }

    static void writeActivity(DayActivity d, DataOutputView out) throws IOException {
        Compact.writeString(out, d.customerId);
        Compact.writeInt(out, d.day);
        Compact.writeInt(out, d.orders);
        Compact.writeInt(out, d.returnOrders);
        Compact.writeInt(out, d.discountedOrders);
        Compact.writeInt(out, d.midnightOrders);
        Compact.writeInt(out, d.engagementEvents);
        Compact.writeInt(out, d.emailConsent);
        out.writeBoolean(d.signedUp);
        Compact.writeDoubles(out, d.revenue, d.gross, d.returnAmount, d.midnightRevenue, d.midnightGross,
                d.midnightReturnAmount);
        writeCounts(out, d.channelOrders);
        writeAmounts(out, d.categorySpend);
        Compact.writeIntArray(out, d.engagement);
        Compact.writeString(out, d.country);
        Compact.writeDigest(out, d.emailSha256);
        Compact.writeDigest(out, d.phoneSha256);
    }

    static DayActivity readActivity(DataInputView in) throws IOException {
        DayActivity d = new DayActivity();
        d.customerId = Compact.readString(in);
        d.day = Compact.readInt(in);
        d.orders = Compact.readInt(in);
        d.returnOrders = Compact.readInt(in);
        d.discountedOrders = Compact.readInt(in);
        d.midnightOrders = Compact.readInt(in);
        d.engagementEvents = Compact.readInt(in);
        d.emailConsent = Compact.readInt(in);
        d.signedUp = in.readBoolean();
        double[] v = Compact.readDoubles(in, 6);
        d.revenue = v[0];
        d.gross = v[1];
        d.returnAmount = v[2];
        d.midnightRevenue = v[3];
        d.midnightGross = v[4];
        d.midnightReturnAmount = v[5];
        d.channelOrders = readCounts(in);
        d.categorySpend = readAmounts(in);
        d.engagement = Compact.readIntArray(in);
        d.country = Compact.readString(in);
        d.emailSha256 = Compact.readDigest(in);
        d.phoneSha256 = Compact.readDigest(in);
        return d;
    }

    /** One day's part of the rolling windows. */
    static WindowBucket copyBucket(WindowBucket from) {
        WindowBucket to = new WindowBucket();
        to.orders = from.orders;
        to.net = from.net;
        to.gross = from.gross;
        to.returnAmount = from.returnAmount;
        to.setMidnight(from.midnightOrders(), from.midnightNet(), from.midnightGross(), from.midnightReturnAmount());
        to.engagement = from.engagement == null ? null : EngagementType.sharedIfNone(from.engagement.clone());
        to.day = from.day;
        return to;
    }

    static void writeBucket(WindowBucket b, DataOutputView out) throws IOException {
        Compact.writeInt(out, b.orders);
        Compact.writeInt(out, b.midnightOrders());
        Compact.writeDoubles(out, b.net, b.gross, b.returnAmount, b.midnightNet(), b.midnightGross(),
                b.midnightReturnAmount());
        Compact.writeIntArray(out, b.engagement);
    }

    static WindowBucket readBucket(DataInputView in) throws IOException {
        WindowBucket b = new WindowBucket();
        b.orders = Compact.readInt(in);
        int midnightOrders = Compact.readInt(in);
        double[] v = Compact.readDoubles(in, 6);
        b.net = v[0];
        b.gross = v[1];
        b.returnAmount = v[2];
        b.setMidnight(midnightOrders, v[3], v[4], v[5]);
        b.engagement = EngagementType.sharedIfNone(Compact.readIntArray(in));
        return b;
    }

    /** What the customer last contributed to the population's counts (an immutable record: copies share it). */
    static void writeCountKey(CountKey k, DataOutputView out) throws IOException {
        out.writeBoolean(k.ordered());
        Compact.writeLong(out, k.lastOrderDay());
        Compact.writeLong(out, k.frequency());
        Compact.writeLong(out, k.monetaryCents());
        Compact.writeLong(out, k.lifetimeOrders());
        Compact.writeLong(out, k.lifetimeCents());
        Compact.writeLong(out, k.halfDayGap());
    }

    static CountKey readCountKey(DataInputView in) throws IOException {
        return new CountKey(in.readBoolean(), Compact.readLong(in), Compact.readLong(in), Compact.readLong(in),
                Compact.readLong(in), Compact.readLong(in), Compact.readLong(in));
    }

    /** The rolling windows' {@link WindowSlot}: history, pending and window days, forget day, count key, due days. */
    public static final class Window extends CompactSerializer<WindowSlot> {
        private static final long serialVersionUID = 1L;
        public static final Window INSTANCE = new Window();

        @Override
        public WindowSlot createInstance() {
            return new WindowSlot();
        }

        @Override
        public WindowSlot copy(WindowSlot from) {
            WindowSlot to = new WindowSlot();
            to.history = from.history == null ? null : copyHistory(from.history);
            for (DayActivity activity : from.pendingDays()) {
                to.pending().put(activity.day, copyActivity(activity));
            }
            if (from.buckets.length > 0) {
                to.buckets = new WindowBucket[from.buckets.length];
                for (int i = 0; i < from.buckets.length; i++) {
                    to.buckets[i] = copyBucket(from.buckets[i]);
                }
            }
            to.forgetDay = from.forgetDay;
            to.counted = from.counted; // an immutable record
            to.dueDays = from.dueDays == null ? null : from.dueDays.clone();
            return to;
        }

        @Override
        public void serialize(WindowSlot w, DataOutputView out) throws IOException {
            int flags = (w.history != null ? 1 : 0) | (w.counted != null ? 2 : 0)
                    | (w.forgetDay != WindowSlot.NO_DAY ? 4 : 0);
            out.writeByte(flags);
            if (w.history != null) {
                writeHistory(w.history, out);
            }
            if (w.counted != null) {
                writeCountKey(w.counted, out);
            }
            if (w.forgetDay != WindowSlot.NO_DAY) {
                Compact.writeInt(out, w.forgetDay);
            }
            Compact.writeVarLong(out, w.pendingDays().size());
            for (DayActivity activity : w.pendingDays()) {
                writeActivity(activity, out); // carries its day
            }
            Compact.writeVarLong(out, w.buckets.length);
            int previous = 0;
            for (WindowBucket b : w.buckets) {
                Compact.writeInt(out, b.day - previous); // ascending: small steps
                previous = b.day;
                writeBucket(b, out);
            }
            writeAscending(out, w.dueDays);
        }

        @Override
        public WindowSlot deserialize(DataInputView in) throws IOException {
            WindowSlot w = new WindowSlot();
            int flags = in.readUnsignedByte();
            if ((flags & 1) != 0) {
                w.history = readHistory(in);
            }
            if ((flags & 2) != 0) {
                w.counted = readCountKey(in);
            }
            if ((flags & 4) != 0) {
                w.forgetDay = Compact.readInt(in);
            }
            int pending = (int) Compact.readVarLong(in);
            for (int i = 0; i < pending; i++) {
                DayActivity activity = readActivity(in);
                w.pending().put(activity.day, activity);
            }
            int buckets = (int) Compact.readVarLong(in);
            if (buckets > 0) {
                w.buckets = new WindowBucket[buckets];
                int day = 0;
                for (int i = 0; i < buckets; i++) {
                    day += Compact.readInt(in);
                    WindowBucket b = readBucket(in);
                    b.day = day;
                    w.buckets[i] = b;
                }
            }
            w.dueDays = readAscending(in);
            return w;
        }

        @Override
        public TypeSerializerSnapshot<WindowSlot> snapshotConfiguration() {
            return new WindowSnapshot();
        }
    }

    public static final class WindowSnapshot extends SimpleTypeSerializerSnapshot<WindowSlot> {
        public WindowSnapshot() {
            super(() -> Window.INSTANCE);
        }
    }

    /**
     * The rolling windows' days still arriving ({@code CustomerWindowFunction}): the parts of a
     * customer's closed days summed so far, by day, until the day enters the window.
     */
    public static final class Arriving extends CompactSerializer<TreeMap<Integer, DayActivity>> {
        private static final long serialVersionUID = 1L;
        public static final Arriving INSTANCE = new Arriving();

        @Override
        public TreeMap<Integer, DayActivity> createInstance() {
            return new TreeMap<>();
        }

        @Override
        public TreeMap<Integer, DayActivity> copy(TreeMap<Integer, DayActivity> from) {
            TreeMap<Integer, DayActivity> to = new TreeMap<>();
            from.forEach((day, activity) -> to.put(day, copyActivity(activity)));
            return to;
        }

        @Override
        public void serialize(TreeMap<Integer, DayActivity> days, DataOutputView out) throws IOException {
            Compact.writeVarLong(out, days.size());
            for (DayActivity activity : days.values()) {
                writeActivity(activity, out); // carries its day
            }
        }

        @Override
        public TreeMap<Integer, DayActivity> deserialize(DataInputView in) throws IOException {
            TreeMap<Integer, DayActivity> days = new TreeMap<>();
            for (int n = (int) Compact.readVarLong(in); n > 0; n--) {
                DayActivity activity = readActivity(in);
                days.put(activity.day, activity);
            }
            return days;
        }

        @Override
        public TypeSerializerSnapshot<TreeMap<Integer, DayActivity>> snapshotConfiguration() {
            return new ArrivingSnapshot();
        }
    }

    public static final class ArrivingSnapshot extends SimpleTypeSerializerSnapshot<TreeMap<Integer, DayActivity>> {
        public ArrivingSnapshot() {
            super(() -> Arriving.INSTANCE);
        }
    }

    /** Today's activity's {@link LiveDay}: the day's figures, then its entries unless spilled. */
    public static final class Live extends CompactSerializer<LiveDay> {
        private static final long serialVersionUID = 1L;
        public static final Live INSTANCE = new Live();

        @Override
        public LiveDay createInstance() {
            return new LiveDay();
        }

        @Override
        public LiveDay copy(LiveDay from) {
            LiveDay to = new LiveDay();
            to.epochDay = from.epochDay;
            to.orders = from.orders;
            to.returnOrders = from.returnOrders;
            to.revenue = from.revenue;
            to.returns = from.returns;
            to.engagementEvents = from.engagementEvents;
            to.records = from.records;
            to.lastEventMs = from.lastEventMs;
            to.spilled = from.spilled;
            to.seen = new HashMap<>(from.seen);
            return to;
        }

        @Override
        public void serialize(LiveDay d, DataOutputView out) throws IOException {
            Compact.writeInt(out, d.epochDay);
            Compact.writeVarLong(out, d.orders);
            Compact.writeVarLong(out, d.returnOrders);
            Compact.writeVarLong(out, d.engagementEvents);
            Compact.writeVarLong(out, d.records);
            Compact.writeLong(out, d.lastEventMs);
            Compact.writeDoubles(out, d.revenue, d.returns);
            out.writeBoolean(d.spilled);
            Compact.writeVarLong(out, d.seen.size());
            for (Map.Entry<String, Double> e : d.seen.entrySet()) {
                Compact.writeString(out, e.getKey());
                int kind = Compact.kind(e.getValue());
                out.writeByte(kind);
                Compact.writeDoublePayload(out, kind, e.getValue());
            }
        }

        @Override
        public LiveDay deserialize(DataInputView in) throws IOException {
            LiveDay d = new LiveDay();
            d.epochDay = Compact.readInt(in);
            d.orders = (int) Compact.readVarLong(in);
            d.returnOrders = (int) Compact.readVarLong(in);
            d.engagementEvents = (int) Compact.readVarLong(in);
            d.records = (int) Compact.readVarLong(in);
            d.lastEventMs = Compact.readLong(in);
            double[] amounts = Compact.readDoubles(in, 2);
            d.revenue = amounts[0];
            d.returns = amounts[1];
            d.spilled = in.readBoolean();
            int n = (int) Compact.readVarLong(in);
            d.seen = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String key = Compact.readString(in);
                d.seen.put(key, Compact.readDoublePayload(in, in.readUnsignedByte()));
            }
            return d;
        }

        @Override
        public TypeSerializerSnapshot<LiveDay> snapshotConfiguration() {
            return new LiveSnapshot();
        }
    }

    public static final class LiveSnapshot extends SimpleTypeSerializerSnapshot<LiveDay> {
        public LiveSnapshot() {
            super(() -> Live.INSTANCE);
        }
    }

    /** Ascending ints (null included) as the first and the steps between. */
    private static void writeAscending(DataOutputView out, int[] values) throws IOException {
        if (values == null) {
            Compact.writeVarLong(out, 0);
            return;
        }
        Compact.writeVarLong(out, values.length + 1L);
        long previous = 0;
        for (int v : values) {
            Compact.writeLong(out, v - previous);
            previous = v;
        }
    }

    private static int[] readAscending(DataInputView in) throws IOException {
        int length = (int) Compact.readVarLong(in) - 1;
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        long previous = 0;
        for (int i = 0; i < length; i++) {
            previous += Compact.readLong(in);
            values[i] = (int) previous;
        }
        return values;
    }

    // ---------------------------------------------------------------- maps

    /** A copy that grows as the original did (put by put), so it iterates in the same order. */
    private static <V> Map<String, V> copyMap(Map<String, V> from) {
        if (from == null) {
            return null;
        }
        Map<String, V> to = new HashMap<>();
        for (Map.Entry<String, V> e : from.entrySet()) {
            to.put(e.getKey(), e.getValue());
        }
        return to;
    }

    /**
     * A history's amounts by name as {@link #writeCounts} (whole amounts) or {@link #writeAmounts}
     * writes a map with the same entries: the same format, so that state written before the
     * history kept them in a {@link NamedAmounts} reads back.
     */
    static void writeNamed(DataOutputView out, NamedAmounts named, boolean amounts) throws IOException {
        if (named == null) {
            Compact.writeVarLong(out, 0);
            return;
        }
        Compact.writeVarLong(out, named.size() + 1L);
        for (int i = 0; i < named.size(); i++) {
            Compact.writeString(out, named.name(i));
            if (amounts) {
                Compact.writeDoubles(out, named.amount(i));
            } else {
                Compact.writeInt(out, (int) named.amount(i));
            }
        }
    }

    static NamedAmounts readNamed(DataInputView in, boolean amounts) throws IOException {
        int size = (int) Compact.readVarLong(in) - 1;
        if (size < 0) {
            return null;
        }
        NamedAmounts named = new NamedAmounts();
        for (int i = 0; i < size; i++) {
            String name = Compact.readString(in);
            named.add(name, amounts ? Compact.readDoubles(in, 1)[0] : Compact.readInt(in));
        }
        return named;
    }

    static void writeCounts(DataOutputView out, Map<String, Integer> map) throws IOException {
        if (map == null) {
            Compact.writeVarLong(out, 0);
            return;
        }
        Compact.writeVarLong(out, map.size() + 1L);
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            Compact.writeString(out, e.getKey());
            Compact.writeInt(out, e.getValue());
        }
    }

    private static Map<String, Integer> readCounts(DataInputView in) throws IOException {
        int size = (int) Compact.readVarLong(in) - 1;
        if (size < 0) {
            return null;
        }
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String key = Compact.readString(in);
            map.put(key, Compact.readInt(in));
        }
        return map;
    }

    static void writeAmounts(DataOutputView out, Map<String, Double> map) throws IOException {
        if (map == null) {
            Compact.writeVarLong(out, 0);
            return;
        }
        Compact.writeVarLong(out, map.size() + 1L);
        for (Map.Entry<String, Double> e : map.entrySet()) {
            Compact.writeString(out, e.getKey());
            Compact.writeDoubles(out, e.getValue());
        }
    }

    private static Map<String, Double> readAmounts(DataInputView in) throws IOException {
        int size = (int) Compact.readVarLong(in) - 1;
        if (size < 0) {
            return null;
        }
        Map<String, Double> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String key = Compact.readString(in);
            map.put(key, Compact.readDoubles(in, 1)[0]);
        }
        return map;
    }

    /** For tests: every serializer of this class. */
    static List<CompactSerializer<?>> all() {
        return List.of(Slot.INSTANCE, Window.INSTANCE, Arriving.INSTANCE, Live.INSTANCE);
    }
}
