package org.retentionsegments.flink.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;

/**
 * Every kind of warehouse row, with random values (nulls, NaN, negative zero, far dates, SHA-256
 * digests and other strings) in every field, reads back equal through {@link WarehouseRows}, one
 * after another from one buffer, as the network stack reads them.
 */
class WarehouseRowsTest {

    private final Random random = new Random(20261204);

    private Object randomValue(Class<?> type, boolean nullable) throws Exception {
        if (nullable && random.nextInt(5) == 0) {
            return null;
        }
        if (type == String.class) {
            return switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> digest();
                case 2 -> "Zoë's \"shop\", €" + random.nextInt(1000);
                default -> "C" + random.nextInt(10_000_000);
            };
        }
        if (type == int.class || type == Integer.class) {
            return switch (random.nextInt(4)) {
                case 0 -> random.nextInt(6);
                case 1 -> -random.nextInt(1000);
                case 2 -> random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                default -> random.nextInt();
            };
        }
        if (type == long.class || type == Long.class) {
            return random.nextBoolean() ? (long) random.nextInt(1000) : random.nextLong();
        }
        if (type == double.class || type == Double.class) {
            return switch (random.nextInt(6)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> Double.NaN;
                case 3 -> random.nextInt(1_000_000) / 100.0;
                case 4 -> Double.MAX_VALUE;
                default -> random.nextGaussian() * 1e6;
            };
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == LocalDate.class) {
            return LocalDate.ofEpochDay(random.nextBoolean() ? 19_000 + random.nextInt(2_000)
                    : random.nextInt(4_000_000) - 2_000_000);
        }
        if (type == Instant.class) {
            return Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (type.isRecord()) {
            try {
                return randomRecord(type);
            } catch (java.lang.reflect.InvocationTargetException refused) {
                if (nullable && !type.getPackageName().equals("org.retentionsegments.core")) {
                    return null; // a configuration record that checks its values (real ones below)
                }
                throw refused;
            }
        }
        if (!nullable) {
            throw new IllegalStateException("no random value for " + type);
        }
        return null;
    }

    private String digest() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            b.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    private Object randomRecord(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = randomValue(types[i], !types[i].isPrimitive());
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    /** Writes the rows one after another into one buffer and reads each back, every byte. */
    private static void readsBackEqual(TypeSerializer<WarehouseRow> serializer, List<WarehouseRow> rows)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        for (WarehouseRow row : rows) {
            serializer.serialize(row, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        for (WarehouseRow row : rows) {
            assertEquals(row, serializer.deserialize(in));
        }
        assertEquals(0, in.available(), "every byte read");
    }

    @Test
    void everyKindOfRowReadsBackEqual() throws Exception {
        TypeSerializer<WarehouseRow> serializer = WarehouseRows.TYPE.createSerializer(new SerializerConfigImpl());
        List<WarehouseRow> rows = new ArrayList<>();
        Set<Class<?>> kinds = new HashSet<>();
        for (Class<?> kind : WarehouseRow.class.getPermittedSubclasses()) {
            int made = 0;
            for (int i = 0; i < 3_000 && made < 300; i++) {
                try {
                    rows.add((WarehouseRow) randomRecord(kind));
                    made++;
                } catch (java.lang.reflect.InvocationTargetException refused) {
                    // a row that checks its values (counts that must add up): random ones rarely do
                }
            }
            if (made > 0) {
                kinds.add(kind);
            }
        }
        // rows with nested configuration (the strategy of a configured segment) from the defaults
        rows.addAll(ConfiguredSegment.of(ConfigBundle.loadDefault()));
        // counts that add up, which random ones rarely do
        rows.add(new org.retentionsegments.core.InputCountDaily("run", "orders", LocalDate.of(2025, 3, 1), 10, 7, 2,
                1, 1));
        kinds.add(org.retentionsegments.core.InputCountDaily.class);
        java.util.Collections.shuffle(rows, random);

        readsBackEqual(serializer, rows);
        assertEquals(Set.of(WarehouseRow.class.getPermittedSubclasses()), kinds);
        assertTrue(rows.size() > 3_000, "rows: " + rows.size());
    }

    @Test
    void everyTaskGetsASerializerOfItsOwnThatWritesTheSameBytes() throws Exception {
        TypeSerializer<WarehouseRow> serializer = WarehouseRows.TYPE.createSerializer(new SerializerConfigImpl());
        List<TypeSerializer<WarehouseRow>> others = List.of(InstantiationUtil.clone(serializer), serializer.duplicate(),
                serializer.snapshotConfiguration().restoreSerializer());
        assertEquals(WarehouseRows.TYPE, InstantiationUtil.clone(WarehouseRows.TYPE));
        WarehouseRow row = (WarehouseRow) randomRecord(org.retentionsegments.core.ScoreBoundary.class);
        DataOutputSerializer expected = new DataOutputSerializer(256);
        serializer.serialize(row, expected);
        for (TypeSerializer<WarehouseRow> other : others) {
            assertNotSame(serializer, other, "the Kryo serializer of a date field is not thread-safe");
            assertEquals(serializer, other);
            DataOutputSerializer out = new DataOutputSerializer(256);
            other.serialize(row, out);
            assertArrayEquals(expected.getCopyOfBuffer(), out.getCopyOfBuffer());
        }
    }

    /** Tasks write and read rows at once, each with its serializer (a shared one corrupts rows). */
    @Test
    void tasksWritingAtOnceEachReadBackTheirRows() throws Exception {
        TypeSerializer<WarehouseRow> serializer = WarehouseRows.TYPE.createSerializer(new SerializerConfigImpl());
        List<WarehouseRow> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add((WarehouseRow) randomRecord(org.retentionsegments.core.ScoreBoundary.class));
        }
        List<java.util.concurrent.Future<Integer>> tasks = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                TypeSerializer<WarehouseRow> own = serializer.duplicate();
                tasks.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        readsBackEqual(own, rows);
                    }
                    return rows.size();
                }));
            }
            for (var task : tasks) {
                assertEquals(rows.size(), task.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
