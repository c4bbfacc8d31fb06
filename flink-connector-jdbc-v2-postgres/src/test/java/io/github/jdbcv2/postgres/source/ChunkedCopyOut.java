package io.github.jdbcv2.postgres.source;

import org.postgresql.copy.CopyOut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A {@link CopyOut} that replays captured COPY bytes cut into pieces of chosen sizes. */
final class ChunkedCopyOut implements CopyOut {

    private final List<byte[]> messages;
    private int next;
    private boolean cancelled;

    ChunkedCopyOut(List<byte[]> messages) {
        this.messages = messages;
    }

    /** The bytes cut into pieces of {@code size} bytes. */
    static ChunkedCopyOut fixed(byte[] stream, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < stream.length; p += size) {
            out.add(Arrays.copyOfRange(stream, p, Math.min(stream.length, p + size)));
        }
        return new ChunkedCopyOut(out);
    }

    /** The bytes cut into pieces of random sizes in [1, maxSize], some empty ones in between. */
    static ChunkedCopyOut random(byte[] stream, int maxSize, long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < stream.length; ) {
            if (random.nextInt(10) == 0) {
                out.add(new byte[0]);
            }
            int end = Math.min(stream.length, p + 1 + random.nextInt(maxSize));
            out.add(Arrays.copyOfRange(stream, p, end));
            p = end;
        }
        return new ChunkedCopyOut(out);
    }

    static byte[] concat(List<byte[]> messages) {
        int total = messages.stream().mapToInt(m -> m.length).sum();
        byte[] out = new byte[total];
        int p = 0;
        for (byte[] m : messages) {
            System.arraycopy(m, 0, out, p, m.length);
            p += m.length;
        }
        return out;
    }

    boolean isCancelled() {
        return cancelled;
    }

    @Override
    public byte[] readFromCopy() {
        return next < messages.size() ? messages.get(next++) : null;
    }

    @Override
    public byte[] readFromCopy(boolean block) {
        return readFromCopy();
    }

    @Override
    public int getFieldCount() {
        return 0;
    }

    @Override
    public int getFormat() {
        return 1;
    }

    @Override
    public int getFieldFormat(int field) {
        return 1;
    }

    @Override
    public boolean isActive() {
        return !cancelled && next < messages.size();
    }

    @Override
    public void cancelCopy() {
        cancelled = true;
    }

    @Override
    public long getHandledRowCount() {
        return 0;
    }
}
