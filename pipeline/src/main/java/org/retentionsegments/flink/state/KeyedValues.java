package org.retentionsegments.flink.state;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.CompositeKeySerializationUtils;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.state.rocksdb.RocksDBKeyedStateBackend;
import org.apache.flink.state.rocksdb.RocksIteratorWrapper;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every key of a value state (in the void namespace) with its value, for a pass over all of a
 * task's customers. Flink's {@code applyToAllKeys} iterates the keys and reads each value again
 * with a point lookup (memtables, bloom filter, block cache), where thread dumps of the refresh's
 * passes over a million customers found it in 28 of 34. Here the RocksDB pass reads each key and
 * its value from one iteration of the state's column family, in the same order as Flink's keys
 * (a pass that only reads 300,000 customers' slots: 0.65 s against 0.20 s, bench/HISTORY.md);
 * on any other backend it is {@code applyToAllKeys}. The column family is reached by reflection
 * (Flink keeps it package-private): when that fails, as a later Flink might make it, the pass
 * falls back to {@code applyToAllKeys}, says so once in the log, and {@link #lastPassIterated}
 * is false ({@code RefreshOperatorTest} checks that the refresh's passes on Flink's RocksDB
 * backend take the iteration and give the heap backend's rows).
 *
 * <p>The visitor is called with the operator's current key set to the visited key, so it may
 * update or clear the value through its own {@code ValueState}. The RocksDB iterator reads the
 * database as it was when the pass began: values written during the pass are not visited again.
 */
public final class KeyedValues<K, V> {

    /** Called once per key with a value. */
    public interface Visitor<K, V> {
        void visit(K key, V value) throws Exception;
    }

    /** Sets the operator's current key (and with it the backend's), as {@code setCurrentKey} does. */
    public interface KeySetter {
        void setCurrentKey(Object key);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KeyedValues.class);
    private static final Field DB;
    private static final Method COLUMN_FAMILY;

    static {
        Field db = null;
        Method columnFamily = null;
        try {
            db = RocksDBKeyedStateBackend.class.getDeclaredField("db");
            db.setAccessible(true);
            columnFamily = RocksDBKeyedStateBackend.class.getDeclaredMethod("getColumnFamilyHandle", String.class);
            columnFamily.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            db = null;
            columnFamily = null;
        }
        DB = db;
        COLUMN_FAMILY = columnFamily;
    }

    private final KeyedStateBackend<K> backend;
    private final ValueStateDescriptor<V> descriptor;
    private final TypeSerializer<V> valueSerializer;
    private boolean lastPassIterated;
    private boolean warned;

    public KeyedValues(KeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor) {
        this.backend = backend;
        this.descriptor = descriptor;
        this.valueSerializer = descriptor.getSerializer().duplicate();
    }

    /** Visits every key of this task that has a value, in the backend's key order. */
    public void forEach(KeySetter keys, Visitor<K, V> visitor) throws Exception {
        if (backend instanceof RocksDBKeyedStateBackend<K> rocks && DB != null) {
            ColumnFamilyHandle family = (ColumnFamilyHandle) COLUMN_FAMILY.invoke(rocks, descriptor.getName());
            if (family != null) {
                iterate(rocks, (RocksDB) DB.get(rocks), family, keys, visitor);
                lastPassIterated = true;
                return;
            }
        }
        if (backend instanceof RocksDBKeyedStateBackend<K> && DB == null && !warned) {
            warned = true;
            LOG.warn("state {}: this Flink's RocksDB backend does not show its column family; every pass over the"
                    + " customers reads each value with a lookup of its own (slower)", descriptor.getName());
        }
        lastPassIterated = false;
        backend.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor, (key, state) -> {
            V value = state.value();
            if (value != null) {
                visitor.visit(key, value);
            }
        });
    }

    /** Whether the last pass read keys and values from one RocksDB iteration (false: applyToAllKeys). */
    public boolean lastPassIterated() {
        return lastPassIterated;
    }

    private void iterate(RocksDBKeyedStateBackend<K> rocks, RocksDB db, ColumnFamilyHandle family, KeySetter keys,
            Visitor<K, V> visitor) throws Exception {
        TypeSerializer<K> keySerializer = rocks.getKeySerializer();
        int prefixBytes = rocks.getKeyGroupPrefixBytes();
        boolean ambiguous = CompositeKeySerializationUtils.isAmbiguousKeyPossible(keySerializer,
                VoidNamespaceSerializer.INSTANCE);
        DataOutputSerializer out = new DataOutputSerializer(8);
        CompositeKeySerializationUtils.writeNameSpace(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, out,
                ambiguous);
        byte[] namespace = out.getCopyOfBuffer();
        DataInputDeserializer keyView = new DataInputDeserializer();
        DataInputDeserializer valueView = new DataInputDeserializer();
        try (RocksIteratorWrapper it = new RocksIteratorWrapper(db.newIterator(family, rocks.getReadOptions()))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] keyBytes = it.key();
                keyView.setBuffer(keyBytes, prefixBytes, keyBytes.length - prefixBytes);
                K key = CompositeKeySerializationUtils.readKey(keySerializer, keyView, ambiguous);
                if (!endsWith(keyBytes, keyView.getPosition(), namespace)) {
                    continue;
                }
                valueView.setBuffer(it.value());
                V value = valueSerializer.deserialize(valueView);
                keys.setCurrentKey(key);
                visitor.visit(key, value);
            }
        }
    }

    /** Whether {@code bytes} holds exactly {@code namespace} from {@code at} to its end. */
    private static boolean endsWith(byte[] bytes, int at, byte[] namespace) {
        if (bytes.length - at != namespace.length) {
            return false;
        }
        for (int i = 0; i < namespace.length; i++) {
            if (bytes[at + i] != namespace[i]) {
                return false;
            }
        }
        return true;
    }
}
