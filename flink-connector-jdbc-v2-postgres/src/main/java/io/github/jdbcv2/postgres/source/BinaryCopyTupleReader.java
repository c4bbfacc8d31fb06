package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import org.postgresql.copy.CopyOut;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

/**
 * Splits the stream of a binary {@code COPY ... TO STDOUT} into tuples, one per {@link #next()}.
 *
 * <p>A tuple's fields are left where they are: {@link #buffer} with {@link #offsets} and {@link
 * #lengths} (-1 for NULL). When a message holds whole tuples (what PostgreSQL sends) the buffer is
 * the message itself; a header or tuple split across messages is joined in a carry buffer.
 */
@Internal
final class BinaryCopyTupleReader {

    private static final byte[] SIGNATURE = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
    };
    private static final int HEADER_FIXED_LENGTH = SIGNATURE.length + 8;
    private static final int FLAG_HAS_OIDS = 1 << 16;

    private final CopyOut copyOut;
    private final int columnCount;

    /** The bytes of the current tuple (and maybe more). */
    byte[] buffer = new byte[0];

    /** Where each field of the current tuple starts in {@link #buffer}. */
    final int[] offsets;

    /** The length of each field of the current tuple, -1 for NULL. */
    final int[] lengths;

    private int position;
    private int limit;
    private byte[] carry = new byte[0];
    private boolean headerRead;
    private boolean finished;

    BinaryCopyTupleReader(CopyOut copyOut, int columnCount) {
        this.copyOut = copyOut;
        this.columnCount = columnCount;
        this.offsets = new int[columnCount];
        this.lengths = new int[columnCount];
    }

    /** Moves to the next tuple; false after the trailer, once the COPY has ended. */
    boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        if (!headerRead) {
            while (!readHeader()) {
                requireMore("header");
            }
            headerRead = true;
        }
        int end;
        while ((end = parseTuple()) < 0) {
            requireMore("tuple");
        }
        if (end == 0) {
            finish();
            return false;
        }
        position = end;
        return true;
    }

    boolean isFinished() {
        return finished;
    }

    /** Parses the header at the current position; false when more bytes are needed. */
    private boolean readHeader() throws SQLException {
        if (limit - position < HEADER_FIXED_LENGTH) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buffer[position + i] != SIGNATURE[i]) {
                throw new PSQLException(
                        "Not a binary COPY stream: the signature PGCOPY\\n\\377\\r\\n\\0 is missing",
                        PSQLState.PROTOCOL_VIOLATION);
            }
        }
        int flags = int32(position + SIGNATURE.length);
        if ((flags & FLAG_HAS_OIDS) != 0) {
            throw new PSQLException(
                    "Binary COPY stream with OIDs is not supported", PSQLState.PROTOCOL_VIOLATION);
        }
        int extensionLength = int32(position + SIGNATURE.length + 4);
        if (extensionLength < 0) {
            throw new PSQLException(
                    "Binary COPY header has a negative extension length: " + extensionLength,
                    PSQLState.PROTOCOL_VIOLATION);
        }
        if (limit - position - HEADER_FIXED_LENGTH < extensionLength) {
            return false;
        }
        position += HEADER_FIXED_LENGTH + extensionLength;
        return true;
    }

    /**
     * Parses the tuple at the current position into offsets and lengths: returns where it ends, 0
     * for the trailer, -1 when more bytes are needed.
     */
    private int parseTuple() throws SQLException {
        int p = position;
        if (limit - p < 2) {
            return -1;
        }
        short fieldCount = (short) (((buffer[p] & 0xff) << 8) | (buffer[p + 1] & 0xff));
        p += 2;
        if (fieldCount == -1) {
            position = p;
            return 0;
        }
        if (fieldCount != columnCount) {
            throw new PSQLException(
                    "Binary COPY tuple has "
                            + fieldCount
                            + " fields but the query has "
                            + columnCount
                            + " columns",
                    PSQLState.PROTOCOL_VIOLATION);
        }
        for (int i = 0; i < columnCount; i++) {
            if (limit - p < 4) {
                return -1;
            }
            int length = int32(p);
            p += 4;
            if (length < -1) {
                throw new PSQLException(
                        "Binary COPY field " + (i + 1) + " has a negative length: " + length,
                        PSQLState.PROTOCOL_VIOLATION);
            }
            offsets[i] = p;
            lengths[i] = length;
            if (length > 0) {
                if (limit - p < length) {
                    return -1;
                }
                p += length;
            }
        }
        return p;
    }

    /** Appends the next message to the unread bytes, or fails if the COPY has ended. */
    private void requireMore(String what) throws SQLException {
        byte[] message = copyOut.readFromCopy();
        if (message == null) {
            finished = true;
            throw new PSQLException(
                    "Binary COPY stream ended inside a "
                            + what
                            + (limit > position
                                    ? " (" + (limit - position) + " bytes left over)"
                                    : ""),
                    PSQLState.PROTOCOL_VIOLATION);
        }
        int remaining = limit - position;
        if (remaining == 0) {
            buffer = message;
            position = 0;
            limit = message.length;
            return;
        }
        int needed = remaining + message.length;
        if (carry.length < needed) {
            byte[] bigger = new byte[Math.max(needed, carry.length * 2)];
            System.arraycopy(buffer, position, bigger, 0, remaining);
            carry = bigger;
        } else {
            System.arraycopy(buffer, position, carry, 0, remaining);
        }
        System.arraycopy(message, 0, carry, remaining, message.length);
        buffer = carry;
        position = 0;
        limit = needed;
    }

    /** After the trailer: reads until the COPY reports its end, so the connection is free again. */
    private void finish() throws SQLException {
        finished = true;
        while (copyOut.readFromCopy() != null) {
            // PostgreSQL sends nothing after the trailer.
        }
    }

    private int int32(int p) {
        return ((buffer[p] & 0xff) << 24)
                | ((buffer[p + 1] & 0xff) << 16)
                | ((buffer[p + 2] & 0xff) << 8)
                | (buffer[p + 3] & 0xff);
    }
}
