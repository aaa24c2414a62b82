package org.retentionsegments.flink.state;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The type of a stream of {@code T} that the job's tasks exchange with a serializer of ours
 * ({@link WarehouseRows#TYPE}, {@link EdgeTypes}): one field, not a key, equal to any other of the
 * same class.
 */
final class StreamType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final SerializableFunction<SerializerConfig, TypeSerializer<T>> serializer;

    StreamType(Class<T> type, SerializableFunction<SerializerConfig, TypeSerializer<T>> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer.apply(config);
    }

    @Override
    public String toString() {
        return type.getSimpleName() + " (" + StreamType.class.getSimpleName() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamType<?> s && s.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof StreamType;
    }
}
