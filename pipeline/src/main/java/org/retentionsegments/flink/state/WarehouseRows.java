package org.retentionsegments.flink.state;

import java.io.IOException;
import java.time.LocalDate;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;

/**
 * The type of the streams of warehouse rows (from the refresh and the other operators to the
 * warehouse sink): a tag byte for the row's kind, then the rows the job sends by the million
 * (assignments, transitions, activity days, treatments) in the {@link Compact} encodings, and
 * every other kind with Flink's own POJO serializer of its record. Kryo, which Flink takes for an
 * interface type, wrote each row's class name and read every field through reflection: 5 of the
 * 85 CPU seconds of a 100,000-customer run (profiled). These streams only cross the network
 * between tasks, never a checkpoint, so the encoding can change with the code.
 */
public final class WarehouseRows {

    /** The type every {@code DataStream<WarehouseRow>} of the job declares (unions need one type). */
    public static final TypeInformation<WarehouseRow> TYPE = new StreamType<>(WarehouseRow.class, Serializer::new);

    private static final Class<?>[] KINDS = WarehouseRow.class.getPermittedSubclasses();

    private WarehouseRows() {}

    /** The index of a row class among {@link WarehouseRow}'s permitted kinds: the tag written. */
    static int kind(Class<?> c) {
        for (int i = 0; i < KINDS.length; i++) {
            if (KINDS[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a warehouse row kind: " + c);
    }

    /** The serializer of {@link #TYPE}. */
    public static final class Serializer extends TypeSerializer<WarehouseRow> {

        private static final long serialVersionUID = 1L;

        private static final int ASSIGNMENT = kind(SegmentAssignment.class);
        private static final int TRANSITION = kind(SegmentTransition.class);
        private static final int ACTIVITY = kind(ActivityDay.class);
        private static final int TREATMENT = kind(Treatment.class);

        /**
         * Flink's POJO serializer of each kind's record, for the kinds written without a hand
         * encoding. Not thread-safe (a date field is written by Kryo): each task has its own, see
         * {@link #duplicate}.
         */
        private final TypeSerializer<?>[] records;

        /** For a RAW data type of SQL that names its serializer class ({@code RollingWindowsPtf}). */
        public Serializer() {
            this(new SerializerConfigImpl());
        }

        Serializer(SerializerConfig config) {
            records = new TypeSerializer<?>[KINDS.length];
            for (int i = 0; i < KINDS.length; i++) {
                records[i] = TypeInformation.of(KINDS[i]).createSerializer(config);
            }
        }

        private Serializer(TypeSerializer<?>[] records) {
            this.records = records;
        }

        @Override
        public void serialize(WarehouseRow row, DataOutputView out) throws IOException {
            int kind = kind(row.getClass());
            out.writeByte(kind);
            if (row instanceof SegmentAssignment a) {
                writeAssignment(out, a);
            } else if (row instanceof SegmentTransition t) {
                Compact.writeString(out, t.customerId());
                writeDate(out, t.asOf());
                Compact.writeString(out, t.fromSegment());
                Compact.writeString(out, t.toSegment());
            } else if (row instanceof ActivityDay d) {
                Compact.writeString(out, d.customerId());
                writeDate(out, d.activityDate());
                Compact.writeInt(out, d.orders());
                Compact.writeInt(out, d.returnOrders());
                Compact.writeInt(out, d.engagementEvents());
                Compact.writeDoubles(out, d.revenue(), d.returns());
            } else if (row instanceof Treatment t) {
                StateSerializers.writeTreatment(out, t);
            } else {
                serializeRecord(records[kind], row, out);
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> void serializeRecord(TypeSerializer<T> serializer, WarehouseRow row, DataOutputView out)
                throws IOException {
            serializer.serialize((T) row, out);
        }

        @Override
        public WarehouseRow deserialize(DataInputView in) throws IOException {
            int kind = in.readUnsignedByte();
            if (kind == ASSIGNMENT) {
                return readAssignment(in);
            }
            if (kind == TRANSITION) {
                return new SegmentTransition(Compact.readString(in), readDate(in), Compact.readString(in),
                        Compact.readString(in));
            }
            if (kind == ACTIVITY) {
                String customerId = Compact.readString(in);
                LocalDate day = readDate(in);
                int orders = Compact.readInt(in);
                int returnOrders = Compact.readInt(in);
                int engagement = Compact.readInt(in);
                double[] money = Compact.readDoubles(in, 2);
                return new ActivityDay(customerId, day, orders, returnOrders, money[0], money[1], engagement);
            }
            if (kind == TREATMENT) {
                return StateSerializers.readTreatment(in);
            }
            if (kind >= KINDS.length) {
                throw new IOException("unknown warehouse row kind " + kind);
            }
            return (WarehouseRow) records[kind].deserialize(in);
        }

        private static void writeAssignment(DataOutputView out, SegmentAssignment a) throws IOException {
            Compact.writeString(out, a.customerId());
            writeDate(out, a.asOf());
            int present = bit(a.recencyDays(), 0) | bit(a.rScore(), 1) | bit(a.fScore(), 2) | bit(a.mScore(), 3)
                    | bit(a.compositeScore(), 4) | bit(a.topCategoryShare(), 5) | bit(a.lifecycleStage(), 6)
                    | bit(a.arm(), 7) | bit(a.traits(), 8) | bit(a.lifetime(), 9);
            int flags = (a.highReturnRate() ? 1 : 0) | (a.singleChannel() ? 2 : 0) | (a.discountDependent() ? 4 : 0)
                    | (a.emailUnengaged() ? 8 : 0) | (a.snapshot() ? 16 : 0) | (a.current() ? 32 : 0);
            Compact.writeInt(out, present);
            out.writeByte(flags);
            if (a.recencyDays() != null) {
                Compact.writeInt(out, a.recencyDays());
            }
            writeIfPresent(out, a.rScore());
            writeIfPresent(out, a.fScore());
            writeIfPresent(out, a.mScore());
            Compact.writeInt(out, a.frequency());
            Compact.writeInt(out, a.engagement30());
            Compact.writeInt(out, a.engagement90());
            Compact.writeDoubles(out, a.monetary(), a.compositeScore() == null ? 0.0 : a.compositeScore(),
                    a.topCategoryShare() == null ? 0.0 : a.topCategoryShare());
            Compact.writeString(out, a.rfmCell());
            Compact.writeString(out, a.topCategory());
            Compact.writeString(out, a.segment());
            Compact.writeString(out, a.strategy());
            if (a.lifecycleStage() != null) {
                out.writeByte(a.lifecycleStage().ordinal());
            }
            if (a.arm() != null) {
                out.writeByte(a.arm().ordinal());
            }
            if (a.traits() != null) {
                writeTraits(out, a.traits());
            }
            if (a.lifetime() != null) {
                SegmentAssignment.Lifetime l = a.lifetime();
                Compact.writeInt(out, l.orders());
                Compact.writeDoubles(out, l.revenue(), l.peakWindowValue());
                out.writeByte(bit(l.fScore(), 0) | bit(l.mScore(), 1));
                writeIfPresent(out, l.fScore());
                writeIfPresent(out, l.mScore());
            }
        }

        private static SegmentAssignment readAssignment(DataInputView in) throws IOException {
            String customerId = Compact.readString(in);
            LocalDate asOf = readDate(in);
            int present = Compact.readInt(in);
            int flags = in.readUnsignedByte();
            Integer recencyDays = has(present, 0) ? Compact.readInt(in) : null;
            Integer r = has(present, 1) ? Compact.readInt(in) : null;
            Integer f = has(present, 2) ? Compact.readInt(in) : null;
            Integer m = has(present, 3) ? Compact.readInt(in) : null;
            int frequency = Compact.readInt(in);
            int engagement30 = Compact.readInt(in);
            int engagement90 = Compact.readInt(in);
            double[] d = Compact.readDoubles(in, 3);
            String rfmCell = Compact.readString(in);
            String topCategory = Compact.readString(in);
            String segment = Compact.readString(in);
            String strategy = Compact.readString(in);
            LifecycleStage stage = has(present, 6) ? LifecycleStage.values()[in.readUnsignedByte()] : null;
            Arm arm = has(present, 7) ? Arm.values()[in.readUnsignedByte()] : null;
            SegmentAssignment.Traits traits = has(present, 8) ? readTraits(in) : null;
            SegmentAssignment.Lifetime lifetime = null;
            if (has(present, 9)) {
                int orders = Compact.readInt(in);
                double[] money = Compact.readDoubles(in, 2);
                int scores = in.readUnsignedByte();
                Integer lf = has(scores, 0) ? Compact.readInt(in) : null;
                Integer lm = has(scores, 1) ? Compact.readInt(in) : null;
                lifetime = new SegmentAssignment.Lifetime(orders, money[0], money[1], lf, lm);
            }
            return new SegmentAssignment(customerId, asOf, recencyDays, frequency, d[0],
                    r, f, m,
                    rfmCell, has(present, 4) ? d[1] : null, stage, (flags & 1) != 0, (flags & 2) != 0,
                    (flags & 4) != 0, (flags & 8) != 0, topCategory, has(present, 5) ? d[2] : null, engagement30,
                    engagement90, segment, strategy, arm, (flags & 16) != 0, (flags & 32) != 0, traits, lifetime);
        }

        private static void writeTraits(DataOutputView out, SegmentAssignment.Traits t) throws IOException {
            int present = bit(t.leadScore(), 0) | bit(t.firstOrderDate(), 1) | bit(t.emailConsent(), 2)
                    | (t.emailConsent() != null && t.emailConsent() ? 8 : 0) | (t.emailUnsubscribed() ? 16 : 0);
            out.writeByte(present);
            if (t.leadScore() != null) {
                Compact.writeInt(out, t.leadScore());
            }
            if (t.firstOrderDate() != null) {
                writeDate(out, t.firstOrderDate());
            }
            Compact.writeString(out, t.leadClass());
            Compact.writeString(out, t.topChannel());
            Compact.writeDoubles(out, t.discountShare(), t.returnShare());
            Compact.writeString(out, t.topEngagement());
            Compact.writeString(out, t.country());
            Compact.writeDigest(out, t.emailSha256());
            Compact.writeDigest(out, t.phoneSha256());
        }

        private static SegmentAssignment.Traits readTraits(DataInputView in) throws IOException {
            int present = in.readUnsignedByte();
            Integer leadScore = has(present, 0) ? Compact.readInt(in) : null;
            LocalDate firstOrder = has(present, 1) ? readDate(in) : null;
            String leadClass = Compact.readString(in);
            String topChannel = Compact.readString(in);
            double[] shares = Compact.readDoubles(in, 2);
            String topEngagement = Compact.readString(in);
            String country = Compact.readString(in);
            String email = Compact.readDigest(in);
            String phone = Compact.readDigest(in);
            return new SegmentAssignment.Traits(leadScore, leadClass, firstOrder, topChannel, shares[0], shares[1],
                    topEngagement, has(present, 2) ? (Boolean) has(present, 3) : null, country, has(present, 4), email,
                    phone);
        }

        private static void writeIfPresent(DataOutputView out, Integer value) throws IOException {
            if (value != null) {
                Compact.writeInt(out, value);
            }
        }

        private static int bit(Object value, int bit) {
            return value == null ? 0 : 1 << bit;
        }

        private static boolean has(int present, int bit) {
            return (present & 1 << bit) != 0;
        }

        private static void writeDate(DataOutputView out, LocalDate date) throws IOException {
            out.writeBoolean(date != null);
            if (date != null) {
                Compact.writeLong(out, date.toEpochDay());
            }
        }

        private static LocalDate readDate(DataInputView in) throws IOException {
            return in.readBoolean() ? LocalDate.ofEpochDay(Compact.readLong(in)) : null;
        }

        @Override
        public boolean isImmutableType() {
            return true; // records of immutable values
        }

        @Override
        public TypeSerializer<WarehouseRow> duplicate() {
            TypeSerializer<?>[] copies = new TypeSerializer<?>[records.length];
            for (int i = 0; i < records.length; i++) {
                copies[i] = records[i].duplicate();
            }
            return new Serializer(copies);
        }

        @Override
        public WarehouseRow createInstance() {
            return null;
        }

        @Override
        public WarehouseRow copy(WarehouseRow from) {
            return from;
        }

        @Override
        public WarehouseRow copy(WarehouseRow from, WarehouseRow reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public WarehouseRow deserialize(WarehouseRow reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            serialize(deserialize(source), target);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Serializer;
        }

        @Override
        public int hashCode() {
            return Serializer.class.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<WarehouseRow> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** For the contract of {@link TypeSerializer}; these rows are never in a checkpoint's state. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WarehouseRow> {
        public Snapshot() {
            super(() -> new Serializer(new SerializerConfigImpl()));
        }
    }
}
