package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides secrets (passwords, tokens, keys) in URLs and property sets before they reach a log or a message. */
@Internal
public final class SecretRedaction {

    /** What every hidden value is replaced with. */
    public static final String MASK = "******";

    private static final String[] SECRET_NAME_PARTS = {
        "password", "passwd", "pwd", "secret", "token", "credential", "sslkey", "apikey", "api-key", "accesskey"
    };

    /** {@code name=value} pairs in a URL's query or a driver's {@code ;}-separated properties. */
    private static final Pattern URL_PARAMETER = Pattern.compile("([?&;])([^=&;?]+)=([^&;]*)");

    /** {@code user:password@} in a URL authority. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@?]+):([^/@?]*)@");

    private SecretRedaction() {}

    /** True when a property with this name probably holds a secret. */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The URL with the values of secret-looking parameters and any user-info password masked. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserInfo = URL_USER_INFO.matcher(url).replaceAll("$1:" + MASK + "@");
        Matcher m = URL_PARAMETER.matcher(withoutUserInfo);
        StringBuilder out = new StringBuilder(withoutUserInfo.length());
        while (m.find()) {
            String replacement =
                    isSecretName(m.group(2))
                            ? m.group(1) + m.group(2) + "=" + MASK
                            : m.group(0);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A sorted, printable copy of the properties with secret values masked. */
    public static Map<String, String> redactProperties(Properties properties) {
        Map<String, String> out = new TreeMap<>();
        if (properties == null) {
            return out;
        }
        for (String name : properties.stringPropertyNames()) {
            out.put(name, isSecretName(name) ? MASK : properties.getProperty(name));
        }
        return out;
    }
}
