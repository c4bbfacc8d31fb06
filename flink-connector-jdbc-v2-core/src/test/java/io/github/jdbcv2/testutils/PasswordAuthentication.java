package io.github.jdbcv2.testutils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Makes the server check passwords for chosen roles (the DSQL emulator's, the SQL client test's).
 * The embedded server trusts local connections, so {@code pg_hba.conf} gets, ahead of its trust
 * lines, a {@code scram-sha-256} rule for members of {@value #GROUP_ROLE}; the superuser keeps its
 * trusted access.
 */
public final class PasswordAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthentication.class);

    /** pg_hba.conf demands a password from the members of this role: create roles IN ROLE it. */
    public static final String GROUP_ROLE = "jdbcv2_password_auth";

    private static final String MARKER =
            "# jdbc-v2 tests: roles of " + GROUP_ROLE + " authenticate by password";

    private static boolean installed;

    private PasswordAuthentication() {}

    /** Creates the group role and, on an embedded server, the pg_hba.conf rules (once per JVM). */
    public static synchronized void install(EmbeddedPostgresServer server) throws SQLException {
        if (installed) {
            return;
        }
        try (Connection c = superuser(server);
                Statement s = c.createStatement()) {
            s.execute(
                    "DO $$ BEGIN CREATE ROLE "
                            + GROUP_ROLE
                            + " NOLOGIN;"
                            + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            if (server.isEmbedded()) {
                Path hba;
                try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                    rs.next();
                    hba = Paths.get(rs.getString(1));
                }
                prependRules(hba);
                s.execute("SELECT pg_reload_conf()");
            } else {
                LOG.warn(
                        "External PostgreSQL server: its pg_hba.conf must demand passwords from {}",
                        GROUP_ROLE);
            }
        }
        installed = true;
    }

    private static void prependRules(Path hba) {
        try {
            String current = new String(Files.readAllBytes(hba), StandardCharsets.UTF_8);
            if (current.contains(MARKER)) {
                return;
            }
            String rules =
                    MARKER
                            + "\n"
                            + "local all +"
                            + GROUP_ROLE
                            + " scram-sha-256\n"
                            + "host all +"
                            + GROUP_ROLE
                            + " 0.0.0.0/0 scram-sha-256\n"
                            + "host all +"
                            + GROUP_ROLE
                            + " ::/0 scram-sha-256\n";
            Files.write(hba, (rules + current).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not add the password rules to " + hba, e);
        }
    }

    /** A connection as the server's superuser (trusted), to the admin database. */
    public static Connection superuser(EmbeddedPostgresServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.getUser());
        if (server.getPassword() != null) {
            p.setProperty("password", server.getPassword());
        }
        return DriverManager.getConnection(server.getAdminUrl(), p);
    }
}
