package io.github.jdbcv2.dsql.emulator;

import io.github.jdbcv2.dsql.auth.DsqlTokenSource;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;

/**
 * Hands out a running {@link DsqlEmulator}'s current password as the "token"; serializable (by
 * emulator id).
 */
public final class DsqlEmulatorTokenSource implements DsqlTokenSource {

    private static final long serialVersionUID = 1L;

    private final String emulatorId;

    DsqlEmulatorTokenSource(String emulatorId) {
        this.emulatorId = emulatorId;
    }

    @Override
    public String generateToken(String username, Duration lifetime) throws SQLException {
        DsqlEmulator emulator = DsqlEmulator.running(emulatorId);
        if (emulator == null) {
            throw new SQLInvalidAuthorizationSpecException(
                    "DSQL emulator " + emulatorId + " is not running: no token", "28000");
        }
        return emulator.issueToken();
    }

    @Override
    public String toString() {
        return "DsqlEmulatorTokenSource{emulator=" + emulatorId + '}';
    }
}
