package org.echomask.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.echomask.EchomaskException;

/**
 * Reads and writes NumPy {@code .npy} files (format version 1.0, little-endian, C order), so that
 * arrays Echomask writes open with {@code numpy.load} and golden arrays made with numpy load here.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** An array read from a file: its shape and values (converted to float) in C order. */
    public record Array(int[] shape, float[] data) {
        public Array {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
            }
        }

        /** The array as rows, for a 2-D array. */
        public float[][] toMatrix() {
            if (shape.length != 2) {
                throw new IllegalStateException("not a 2-D array: shape " + Arrays.toString(shape));
            }
            float[][] m = new float[shape[0]][];
            for (int r = 0; r < shape[0]; r++) {
                m[r] = Arrays.copyOfRange(data, r * shape[1], (r + 1) * shape[1]);
            }
            return m;
        }
    }

    /** Writes a 2-D float32 array {@code [rows][cols]} atomically. All rows must have one length. */
    public static void write(Path path, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        for (float[] row : rows) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " vs " + cols);
            }
        }
        AtomicFiles.write(path, out -> {
            writeHeader(out, "<f4", new int[] {rows.length, cols});
            ByteBuffer buf = ByteBuffer.allocate(cols * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : rows) {
                buf.clear();
                buf.asFloatBuffer().put(row);
                out.write(buf.array(), 0, cols * 4);
            }
        });
    }

    /** Writes a float32 array of any shape whose values are given in C order. */
    public static void write(Path path, int[] shape, float[] data) {
        new Array(shape, data);
        AtomicFiles.write(path, out -> {
            writeHeader(out, "<f4", shape);
            ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(data);
            out.write(buf.array());
        });
    }

    static void writeHeader(OutputStream out, String descr, int[] shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (dims.length() > 0 ? dims.substring(0, dims.length() - 2) : "") + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        // Header length (magic + version + len + dict + newline) is padded to a multiple of 64.
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(MAGIC);
        out.write(new byte[] {1, 0});
        int len = header.length();
        out.write(new byte[] {(byte) (len & 0xff), (byte) (len >>> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads an array of float32, float64, int16, int32 or int64 values, converted to float. */
    public static Array read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new EchomaskException(path + ": cannot read .npy: " + e.getMessage(), e);
        }
    }

    static Array read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new EchomaskException(name + ": not a .npy file (bad magic)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long headerLen;
        if (major == 1) {
            headerLen = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        } else {
            byte[] b = new byte[4];
            in.readFully(b);
            headerLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        }
        byte[] headerBytes = new byte[(int) headerLen];
        in.readFully(headerBytes);
        String header = new String(headerBytes, StandardCharsets.US_ASCII);
        String descr = group(DESCR, header, name);
        if ("True".equals(group(ORDER, header, name))) {
            throw new EchomaskException(name + ": Fortran-order .npy arrays are not supported");
        }
        String shapeText = group(SHAPE, header, name).trim();
        int[] shape = shapeText.isEmpty() ? new int[0]
                : Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int width = switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "<i2" -> 2;
            default -> throw new EchomaskException(name + ": unsupported .npy dtype " + descr);
        };
        byte[] bytes = new byte[Math.toIntExact(count * width)];
        in.readFully(bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[(int) count];
        for (int i = 0; i < count; i++) {
            data[i] = switch (descr) {
                case "<f4" -> buf.getFloat();
                case "<f8" -> (float) buf.getDouble();
                case "<i4" -> buf.getInt();
                case "<i8" -> buf.getLong();
                default -> buf.getShort();
            };
        }
        return new Array(shape, data);
    }

    private static String group(Pattern p, String header, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new EchomaskException(name + ": malformed .npy header: " + header.trim());
        }
        return m.group(1);
    }
}
