package io.github.jdbcv2.dsql.auth;

import org.apache.flink.annotation.PublicEvolving;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;
import java.util.Objects;

/**
 * Generates Aurora DSQL IAM auth tokens locally (SigV4 presigning, no network call): {@code
 * DbConnectAdmin} tokens for the {@code admin} role, {@code DbConnect} tokens for every other role.
 *
 * <p>Serializable: the SDK utilities and credentials provider are transient and built on first use
 * on the task.
 */
@PublicEvolving
public final class DsqlAuthTokenGenerator implements DsqlTokenSource {

    private static final long serialVersionUID = 1L;

    /** The role whose tokens need the {@code dsql:DbConnectAdmin} action. */
    public static final String ADMIN_ROLE = "admin";

    /** The longest token lifetime DSQL accepts. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(7);

    private final String host;
    private final String region;
    private final DsqlAwsCredentials credentials;

    private transient volatile DsqlUtilities utilities;

    public DsqlAuthTokenGenerator(String host, String region, DsqlAwsCredentials credentials) {
        this.host = Objects.requireNonNull(host, "host");
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public String getHost() {
        return host;
    }

    public String getRegion() {
        return region;
    }

    @Override
    public String generateToken(String username, Duration lifetime) throws SQLException {
        boolean admin = ADMIN_ROLE.equals(username);
        try {
            if (lifetime.compareTo(Duration.ofSeconds(1)) < 0
                    || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
                throw new IllegalArgumentException(
                        "the token lifetime " + lifetime + " is outside 1 second to 7 days");
            }
            DsqlUtilities u = utilities();
            return admin
                    ? u.generateDbConnectAdminAuthToken(b -> b.hostname(host).expiresIn(lifetime))
                    : u.generateDbConnectAuthToken(b -> b.hostname(host).expiresIn(lifetime));
        } catch (RuntimeException e) {
            // SDK messages name the missing piece (credentials, region) and never carry the secret
            // key.
            throw new SQLInvalidAuthorizationSpecException(
                    "Could not generate a DSQL IAM auth token ("
                            + (admin ? "DbConnectAdmin" : "DbConnect")
                            + ") for role '"
                            + username
                            + "' on "
                            + host
                            + " in region "
                            + region
                            + " with "
                            + credentials
                            + ": "
                            + e.getMessage(),
                    "28000",
                    e);
        }
    }

    private DsqlUtilities utilities() {
        DsqlUtilities u = utilities;
        if (u == null) {
            synchronized (this) {
                u = utilities;
                if (u == null) {
                    u =
                            DsqlUtilities.builder()
                                    .region(Region.of(region))
                                    .credentialsProvider(credentials.createProvider())
                                    .build();
                    utilities = u;
                }
            }
        }
        return u;
    }

    @Override
    public String toString() {
        return "DsqlAuthTokenGenerator{host="
                + host
                + ", region="
                + region
                + ", "
                + credentials
                + '}';
    }
}
