package org.retentionsegments.flink.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A stateless serializer of one mutable state class in the {@link Compact} encodings, for the
 * keyed state every customer holds: Flink's POJO serializer writes every field at full width with
 * a null flag each, and falls back to Kryo (class names included) for maps and lists. Subclasses
 * give the encoding and a deep copy (the heap state backend copies values while a snapshot runs).
 *
 * <p>A subclass's encoding is part of the job's checkpoints and savepoints: change it only with
 * a new serializer snapshot that can read the old one.
 */
public abstract class CompactSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** Mutable state, copied deeply; {@code EdgeTypes}' immutable records say otherwise. */
    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
