package io.github.jdbcv2.dsql.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link DsqlEmulator} with default limits before a test class and closes it after; use as
 * a static {@code @RegisterExtension} field.
 */
public final class DsqlEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private DsqlEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = DsqlEmulator.start();
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
