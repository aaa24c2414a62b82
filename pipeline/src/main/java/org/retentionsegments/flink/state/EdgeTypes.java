package org.retentionsegments.flink.state;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.core.window.DayActivity;
import org.retentionsegments.flink.FactsDelta;
import org.retentionsegments.flink.RefreshInput;

/**
 * The types of the records the job sends between its tasks by the million: the customer days
 * (source to rolling windows), the refresh inputs (rolling windows and treatments to the refresh)
 * and the changes of the population counts (rolling windows to the merge of boundaries), in the
 * {@link Compact} encodings of the keyed state. Flink took them for POJOs: its serializer reads
 * and writes every field through reflection (a record's through its canonical constructor) and
 * copies a day at every chained operator; 3 of the 91 CPU seconds of a 100,000-customer run
 * (profiled), and its {@code deserialize} was the costliest method the JIT compiled (1 s). These
 * records cross the network only, never a checkpoint's state (the job's checkpoints are aligned),
 * so the encoding can change with the code. {@link RefreshInput} and {@link FactsDelta} name their
 * type with {@code @TypeInfo}; a stream of {@link DayActivity} (core, which imports no Flink)
 * declares {@link #DAY_ACTIVITY} where it is made.
 */
public final class EdgeTypes {

    /** Customer days: mutable, so copied deeply between chained operators. */
    public static final TypeInformation<DayActivity> DAY_ACTIVITY = new StreamType<>(DayActivity.class, config -> DayActivities.INSTANCE);

    /** The refresh's inputs: immutable records, never copied. */
    public static final TypeInformation<RefreshInput> REFRESH_INPUT =
            new StreamType<>(RefreshInput.class, config -> RefreshInputs.INSTANCE);

    /** The changes of the population counts: immutable records, never copied. */
    public static final TypeInformation<FactsDelta> FACTS_DELTA = new StreamType<>(FactsDelta.class, config -> FactsDeltas.INSTANCE);

    private EdgeTypes() {}

    /** {@code @TypeInfo(EdgeTypes.RefreshInputFactory.class)} on {@link RefreshInput}. */
    public static final class RefreshInputFactory extends TypeInfoFactory<RefreshInput> {
        @Override
        public TypeInformation<RefreshInput> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return REFRESH_INPUT;
        }
    }

    /** {@code @TypeInfo(EdgeTypes.FactsDeltaFactory.class)} on {@link FactsDelta}. */
    public static final class FactsDeltaFactory extends TypeInfoFactory<FactsDelta> {
        @Override
        public TypeInformation<FactsDelta> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return FACTS_DELTA;
        }
    }

    // ---------------------------------------------------------------- the serializers

    public static final class DayActivities extends CompactSerializer<DayActivity> {
        private static final long serialVersionUID = 1L;
        public static final DayActivities INSTANCE = new DayActivities();

        @Override
        public DayActivity createInstance() {
            return new DayActivity();
        }

        @Override
        public DayActivity copy(DayActivity from) {
            return StateSerializers.copyActivity(from);
        }

        @Override
        public void serialize(DayActivity day, DataOutputView out) throws IOException {
            StateSerializers.writeActivity(day, out);
        }

        @Override
        public DayActivity deserialize(DataInputView in) throws IOException {
            return StateSerializers.readActivity(in);
        }

        @Override
        public TypeSerializerSnapshot<DayActivity> snapshotConfiguration() {
            return new DayActivitiesSnapshot();
        }
    }

    public static final class DayActivitiesSnapshot extends SimpleTypeSerializerSnapshot<DayActivity> {
        public DayActivitiesSnapshot() {
            super(() -> DayActivities.INSTANCE);
        }
    }

    public static final class RefreshInputs extends ImmutableSerializer<RefreshInput> {
        private static final long serialVersionUID = 1L;
        public static final RefreshInputs INSTANCE = new RefreshInputs();
        private static final int FACTS = 1;
        private static final int FORGOTTEN = 2;
        private static final int TREATMENT = 4;

        @Override
        public void serialize(RefreshInput input, DataOutputView out) throws IOException {
            out.writeByte((input.facts() != null ? FACTS : 0) | (input.forgottenCustomerId() != null ? FORGOTTEN : 0)
                    | (input.treatment() != null ? TREATMENT : 0));
            if (input.facts() != null) {
                StateSerializers.writeFacts(out, input.facts());
            }
            if (input.forgottenCustomerId() != null) {
                Compact.writeString(out, input.forgottenCustomerId());
            }
            if (input.treatment() != null) {
                StateSerializers.writeTreatment(out, input.treatment());
            }
        }

        @Override
        public RefreshInput deserialize(DataInputView in) throws IOException {
            int present = in.readUnsignedByte();
            return new RefreshInput((present & FACTS) != 0 ? StateSerializers.readFacts(in) : null,
                    (present & FORGOTTEN) != 0 ? Compact.readString(in) : null,
                    (present & TREATMENT) != 0 ? StateSerializers.readTreatment(in) : null);
        }

        @Override
        public TypeSerializerSnapshot<RefreshInput> snapshotConfiguration() {
            return new RefreshInputsSnapshot();
        }
    }

    public static final class RefreshInputsSnapshot extends SimpleTypeSerializerSnapshot<RefreshInput> {
        public RefreshInputsSnapshot() {
            super(() -> RefreshInputs.INSTANCE);
        }
    }

    public static final class FactsDeltas extends ImmutableSerializer<FactsDelta> {
        private static final long serialVersionUID = 1L;
        public static final FactsDeltas INSTANCE = new FactsDeltas();

        @Override
        public void serialize(FactsDelta delta, DataOutputView out) throws IOException {
            out.writeByte((delta.removed() != null ? 1 : 0) | (delta.added() != null ? 2 : 0));
            if (delta.removed() != null) {
                StateSerializers.writeCountKey(delta.removed(), out);
            }
            if (delta.added() != null) {
                StateSerializers.writeCountKey(delta.added(), out);
            }
        }

        @Override
        public FactsDelta deserialize(DataInputView in) throws IOException {
            int present = in.readUnsignedByte();
            CountKey removed = (present & 1) != 0 ? StateSerializers.readCountKey(in) : null;
            CountKey added = (present & 2) != 0 ? StateSerializers.readCountKey(in) : null;
            return new FactsDelta(removed, added);
        }

        @Override
        public TypeSerializerSnapshot<FactsDelta> snapshotConfiguration() {
            return new FactsDeltasSnapshot();
        }
    }

    public static final class FactsDeltasSnapshot extends SimpleTypeSerializerSnapshot<FactsDelta> {
        public FactsDeltasSnapshot() {
            super(() -> FactsDeltas.INSTANCE);
        }
    }

    /** A stateless serializer of an immutable type: a copy is the value itself. */
    abstract static class ImmutableSerializer<T> extends CompactSerializer<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public final boolean isImmutableType() {
            return true;
        }

        @Override
        public final T createInstance() {
            return null;
        }

        @Override
        public final T copy(T from) {
            return from;
        }
    }
}
