package io.github.jdbcv2.dsql.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Starts a {@link DsqlEmulator} (default limits unless said otherwise) before a test class and
 * closes it after; use as a static {@code @RegisterExtension} field.
 */
public final class DsqlEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<DsqlEmulator> starter;
    private DsqlEmulator emulator;

    /** An emulator with the default limits. */
    public DsqlEmulatorExtension() {
        this(DsqlEmulator::start);
    }

    private DsqlEmulatorExtension(Supplier<DsqlEmulator> starter) {
        this.starter = starter;
    }

    /**
     * An emulator whose transactions may last 30 s (3,000 modified rows each): long enough for a
     * test's conflicting writer to hold its lock until a sink session waits for it.
     */
    public static DsqlEmulatorExtension withLongTransactions() {
        return new DsqlEmulatorExtension(
                () ->
                        DsqlEmulator.builder()
                                .maxRowsPerTransaction(3000)
                                .transactionTimeout(Duration.ofSeconds(30))
                                .start());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        emulator.close();
    }

    /** The running emulator. */
    public DsqlEmulator get() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "The DSQL emulator runs only while the test class does");
        }
        return emulator;
    }
}
