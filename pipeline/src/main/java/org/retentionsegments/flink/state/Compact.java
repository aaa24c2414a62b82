package org.retentionsegments.flink.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The compact encodings the state serializers share: variable-length integers (small values in
 * one byte), doubles by kind (zero and whole or hundredths amounts in a byte or two, any other
 * value in eight), SHA-256 hex digests as their 32 bytes, and int arrays that are mostly zeros as
 * a mask and the non-zero entries. Every encoding reads back the exact value, bit for bit.
 */
final class Compact {

    private static final int ZERO = 0;
    private static final int WHOLE = 1;
    private static final int HUNDREDTHS = 2;
    private static final int RAW = 3;
    private static final int NAN = 4;
    private static final long POSITIVE_ZERO = Double.doubleToRawLongBits(0.0);
    private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
    /** Whole values and hundredths up to this magnitude are written as integers (doubles are exact there). */
    private static final double EXACT = 1L << 52;

    private Compact() {}

    static void writeVarLong(DataOutputView out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static long readVarLong(DataInputView in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a variable-length integer longer than 10 bytes: the state is corrupt");
    }

    /** Signed values, small magnitudes in few bytes (zigzag). */
    static void writeLong(DataOutputView out, long value) throws IOException {
        writeVarLong(out, (value << 1) ^ (value >> 63));
    }

    static long readLong(DataInputView in) throws IOException {
        long v = readVarLong(in);
        return (v >>> 1) ^ -(v & 1);
    }

    static void writeInt(DataOutputView out, int value) throws IOException {
        writeLong(out, value);
    }

    static int readInt(DataInputView in) throws IOException {
        return (int) readLong(in);
    }

    /** The kind of {@code value}'s encoding, one of five; see {@link #writeDoublePayload}. */
    static int kind(double value) {
        long bits = Double.doubleToRawLongBits(value);
        if (bits == POSITIVE_ZERO) {
            return ZERO;
        }
        if (bits == CANONICAL_NAN) {
            return NAN;
        }
        if (Math.abs(value) < EXACT) {
            if (Double.doubleToRawLongBits((double) (long) value) == bits) {
                return WHOLE;
            }
            long cents = Math.round(value * 100);
            if (Math.abs(cents) < EXACT && Double.doubleToRawLongBits(cents / 100.0) == bits) {
                return HUNDREDTHS;
            }
        }
        return RAW;
    }

    static void writeDoublePayload(DataOutputView out, int kind, double value) throws IOException {
        switch (kind) {
            case WHOLE -> writeLong(out, (long) value);
            case HUNDREDTHS -> writeLong(out, Math.round(value * 100));
            case RAW -> out.writeLong(Double.doubleToRawLongBits(value));
            default -> { } // ZERO and NAN carry no payload
        }
    }

    static double readDoublePayload(DataInputView in, int kind) throws IOException {
        return switch (kind) {
            case ZERO -> 0.0;
            case NAN -> Double.NaN;
            case WHOLE -> (double) readLong(in);
            case HUNDREDTHS -> readLong(in) / 100.0;
            case RAW -> Double.longBitsToDouble(in.readLong());
            default -> throw new IOException("unknown double encoding " + kind + ": the state is corrupt");
        };
    }

    /** Doubles as a nibble of kind each (two per byte), then the payloads. */
    static void writeDoubles(DataOutputView out, double... values) throws IOException {
        int[] kinds = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            kinds[i] = kind(values[i]);
        }
        for (int i = 0; i < values.length; i += 2) {
            out.writeByte(kinds[i] | (i + 1 < values.length ? kinds[i + 1] << 4 : 0));
        }
        for (int i = 0; i < values.length; i++) {
            writeDoublePayload(out, kinds[i], values[i]);
        }
    }

    static double[] readDoubles(DataInputView in, int count) throws IOException {
        int[] kinds = new int[count];
        for (int i = 0; i < count; i += 2) {
            int b = in.readUnsignedByte();
            kinds[i] = b & 0x0F;
            if (i + 1 < count) {
                kinds[i + 1] = b >>> 4;
            }
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = readDoublePayload(in, kinds[i]);
        }
        return values;
    }

    /** A double array of any length, null included. */
    static void writeDoubleArray(DataOutputView out, double[] values) throws IOException {
        if (values == null) {
            writeVarLong(out, 0);
            return;
        }
        writeVarLong(out, values.length + 1L);
        writeDoubles(out, values);
    }

    static double[] readDoubleArray(DataInputView in) throws IOException {
        int length = (int) readVarLong(in) - 1;
        return length < 0 ? null : readDoubles(in, length);
    }

    /** An int array of any length, null included: its length, then a mask of the non-zero entries and those. */
    static void writeIntArray(DataOutputView out, int[] values) throws IOException {
        if (values == null) {
            writeVarLong(out, 0);
            return;
        }
        writeVarLong(out, values.length + 1L);
        if (values.length > 63) {
            for (int v : values) {
                writeInt(out, v);
            }
            return;
        }
        long mask = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                mask |= 1L << i;
            }
        }
        writeVarLong(out, mask);
        for (int v : values) {
            if (v != 0) {
                writeInt(out, v);
            }
        }
    }

    static int[] readIntArray(DataInputView in) throws IOException {
        int length = (int) readVarLong(in) - 1;
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        if (length > 63) {
            for (int i = 0; i < length; i++) {
                values[i] = readInt(in);
            }
            return values;
        }
        long mask = readVarLong(in);
        for (int i = 0; i < length; i++) {
            if ((mask & (1L << i)) != 0) {
                values[i] = readInt(in);
            }
        }
        return values;
    }

    /** A string, null included (Flink's own variable-length encoding). */
    static void writeString(DataOutputView out, String value) throws IOException {
        StringValue.writeString(value, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    /** A string that is usually a lowercase SHA-256 hex digest: then 33 bytes instead of 65. */
    static void writeDigest(DataOutputView out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (isDigest(value)) {
            byte[] bytes = new byte[33];
            bytes[0] = 1;
            for (int i = 0; i < 64; i += 2) {
                bytes[1 + i / 2] = (byte) (NIBBLE[value.charAt(i)] << 4 | NIBBLE[value.charAt(i + 1)]);
            }
            out.write(bytes);
        } else {
            out.writeByte(2);
            writeString(out, value);
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    static String readDigest(DataInputView in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == 0) {
            return null;
        }
        if (kind == 2) {
            return readString(in);
        }
        if (kind != 1) {
            throw new IOException("unknown digest encoding " + kind + ": the state is corrupt");
        }
        byte[] bytes = new byte[32];
        in.readFully(bytes);
        byte[] chars = new byte[64];
        for (int i = 0; i < 32; i++) {
            chars[2 * i] = HEX[(bytes[i] >>> 4) & 0x0F];
            chars[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(chars, StandardCharsets.ISO_8859_1);
    }

    /** The value of each lowercase hex digit, by its character; -1 for every other character below 128. */
    private static final byte[] NIBBLE = new byte[128];

    static {
        java.util.Arrays.fill(NIBBLE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            NIBBLE[HEX[i]] = (byte) i;
        }
    }

    private static boolean isDigest(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (c >= 128 || NIBBLE[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
