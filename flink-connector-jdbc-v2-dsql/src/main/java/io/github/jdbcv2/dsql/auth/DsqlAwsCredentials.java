package io.github.jdbcv2.dsql.auth;

import io.github.jdbcv2.connection.SecretRedaction;

import org.apache.flink.annotation.PublicEvolving;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import javax.annotation.Nullable;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which AWS credentials sign DSQL auth tokens: the SDK default chain, a named profile, or a static
 * key pair.
 *
 * <p>Serializable; the SDK provider is built on the task. {@link #toString()} never shows the
 * secret key or session token.
 */
@PublicEvolving
public final class DsqlAwsCredentials implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the credentials come from. */
    public enum Kind {
        /** Environment, system properties, profile files, container or instance credentials. */
        DEFAULT_CHAIN,
        /** A named profile of the shared config and credentials files. */
        PROFILE,
        /** A fixed access key id and secret (and optional session token). */
        STATIC
    }

    private final Kind kind;
    @Nullable private final String profileName;
    @Nullable private final String accessKeyId;
    @Nullable private final String secretAccessKey;
    @Nullable private final String sessionToken;

    private DsqlAwsCredentials(
            Kind kind,
            @Nullable String profileName,
            @Nullable String accessKeyId,
            @Nullable String secretAccessKey,
            @Nullable String sessionToken) {
        this.kind = kind;
        this.profileName = profileName;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
    }

    /** The SDK default credentials chain. */
    public static DsqlAwsCredentials defaultChain() {
        return new DsqlAwsCredentials(Kind.DEFAULT_CHAIN, null, null, null, null);
    }

    /** A named profile from {@code ~/.aws/config} and {@code ~/.aws/credentials}. */
    public static DsqlAwsCredentials profile(String profileName) {
        if (profileName == null || profileName.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL option 'aws-profile': the profile name must not be empty.");
        }
        return new DsqlAwsCredentials(Kind.PROFILE, profileName.trim(), null, null, null);
    }

    /** A fixed access key id and secret access key. */
    public static DsqlAwsCredentials staticKeys(String accessKeyId, String secretAccessKey) {
        return staticKeys(accessKeyId, secretAccessKey, null);
    }

    /** Fixed temporary credentials: access key id, secret access key and session token. */
    public static DsqlAwsCredentials staticKeys(
            String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {
        if (accessKeyId == null || accessKeyId.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL option 'aws-access-key-id': it must not be empty when static credentials are used.");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL option 'aws-secret-access-key': it must not be empty when static credentials are"
                            + " used (value hidden).");
        }
        if (sessionToken != null && sessionToken.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid DSQL option 'aws-session-token': it must not be empty when set (value hidden).");
        }
        return new DsqlAwsCredentials(
                Kind.STATIC, null, accessKeyId.trim(), secretAccessKey, sessionToken);
    }

    public Kind getKind() {
        return kind;
    }

    @Nullable
    public String getProfileName() {
        return profileName;
    }

    /** A new SDK credentials provider for these settings. */
    public AwsCredentialsProvider createProvider() {
        switch (kind) {
            case PROFILE:
                return ProfileCredentialsProvider.builder().profileName(profileName).build();
            case STATIC:
                return StaticCredentialsProvider.create(
                        sessionToken == null
                                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                                : AwsSessionCredentials.create(
                                        accessKeyId, secretAccessKey, sessionToken));
            case DEFAULT_CHAIN:
            default:
                return DefaultCredentialsProvider.builder().build();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DsqlAwsCredentials)) {
            return false;
        }
        DsqlAwsCredentials that = (DsqlAwsCredentials) o;
        return kind == that.kind
                && Objects.equals(profileName, that.profileName)
                && Objects.equals(accessKeyId, that.accessKeyId)
                && Objects.equals(secretAccessKey, that.secretAccessKey)
                && Objects.equals(sessionToken, that.sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, profileName, accessKeyId);
    }

    @Override
    public String toString() {
        switch (kind) {
            case PROFILE:
                return "DsqlAwsCredentials{profile=" + profileName + '}';
            case STATIC:
                return "DsqlAwsCredentials{static, accessKeyId="
                        + maskKeyId(accessKeyId)
                        + ", secretAccessKey="
                        + SecretRedaction.MASK
                        + (sessionToken == null ? "" : ", sessionToken=" + SecretRedaction.MASK)
                        + '}';
            case DEFAULT_CHAIN:
            default:
                return "DsqlAwsCredentials{default-chain}";
        }
    }

    /** Key ids are not secret, but only the first four characters are needed to tell them apart. */
    private static String maskKeyId(String keyId) {
        return keyId.length() <= 4
                ? SecretRedaction.MASK
                : keyId.substring(0, 4) + SecretRedaction.MASK;
    }
}
