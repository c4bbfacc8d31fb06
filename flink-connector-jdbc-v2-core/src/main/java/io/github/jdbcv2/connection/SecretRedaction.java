package io.github.jdbcv2.connection;

import org.apache.flink.annotation.Internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets (passwords, tokens, keys) in URLs and property sets before they reach a log or a
 * message.
 *
 * <p>In a URL it masks: the password of a {@code //user:password@host} authority, everything up to
 * the last {@code @} before the host (so a password may hold {@code @}, {@code /}, {@code ?} or
 * {@code :}); Oracle's {@code user/password@}; and the value of every secret-looking {@code
 * key=value} pair, whether after {@code ?}, {@code &}, {@code ;} or {@code :} (DB2), inside {@code
 * (...)} (MySQL address and Oracle descriptor forms) or {@code {...}}. A value in braces ({@code
 * password={a;b}}, SQL Server) or quotes is masked up to its closing brace or quote. When in doubt
 * it masks more, never less.
 */
@Internal
public final class SecretRedaction {

    /** What every hidden value is replaced with. */
    public static final String MASK = "******";

    /** Parts of names that hold secrets, compared after {@link #normalize normalizing} the name. */
    private static final String[] SECRET_NAME_PARTS = {
        "password",
        "passwd",
        "passphrase",
        "pwd",
        "secret",
        "token",
        "credential",
        "key",
        "signature"
    };

    /**
     * Whole names (normalized) that hold secrets but are too short to look for inside other names.
     */
    private static final Set<String> SECRET_NAMES =
            new HashSet<>(Arrays.asList("pass", "pw", "psw", "sig"));

    /** {@code jdbc:oracle:<driver>:} before Oracle's {@code user/password@}. */
    private static final Pattern ORACLE_PREFIX = Pattern.compile("^jdbc:oracle:[A-Za-z0-9]+:");

    /**
     * A query-style {@code key=} inside a stretch of URL: an {@code @} after it is in a value, not
     * the authority.
     */
    private static final Pattern PARAMETER_KEY = Pattern.compile("[?&;][A-Za-z0-9_.\\-]+\\s*=");

    private SecretRedaction() {}

    /**
     * True when a property or parameter with this name probably holds a secret; case-insensitive,
     * ignoring {@code -_.} separators and digit look-alikes ({@code passw0rd}, {@code api_key},
     * {@code sslPassword}).
     */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        return isSecretNormalized(normalize(name, 'i')) || isSecretNormalized(normalize(name, 'l'));
    }

    private static boolean isSecretNormalized(String name) {
        if (SECRET_NAMES.contains(name)) {
            return true;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case letters and digits only, look-alike digits and symbols read as letters ({@code
     * one} as given).
     */
    private static String normalize(String name, char one) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case '0':
                    out.append('o');
                    break;
                case '1':
                    out.append(one);
                    break;
                case '3':
                    out.append('e');
                    break;
                case '4':
                case '@':
                    out.append('a');
                    break;
                case '5':
                case '$':
                    out.append('s');
                    break;
                case '7':
                    out.append('t');
                    break;
                default:
                    if (Character.isLetterOrDigit(c)) {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /**
     * The URL with user-info passwords, Oracle passwords and the values of secret-looking
     * parameters masked.
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        return maskParameters(maskOraclePassword(maskUserInfoPassword(url)));
    }

    /**
     * A host option as given, with the password masked if it came as {@code user:password@host}.
     */
    public static String redactHost(String host) {
        if (host == null) {
            return null;
        }
        return redactUrl("//" + host).substring(2);
    }

    // -------------------------------------------------------------------------------------
    // //user:password@host

    private static String maskUserInfoPassword(String url) {
        int from = 0;
        String out = url;
        while (true) {
            int slashes = out.indexOf("//", from);
            if (slashes < 0) {
                return out;
            }
            int userEnd = slashes + 2;
            while (userEnd < out.length() && ":/@?;()#".indexOf(out.charAt(userEnd)) < 0) {
                userEnd++;
            }
            if (userEnd < out.length() && out.charAt(userEnd) == ':') {
                int passwordStart = userEnd + 1;
                int at = authorityEnd(out, passwordStart);
                if (at >= 0) {
                    out = out.substring(0, passwordStart) + MASK + out.substring(at);
                    return out;
                }
            }
            from = slashes + 2;
        }
    }

    /**
     * The {@code @} that ends a password starting at {@code start}, or -1: preferably the last one
     * before the first {@code /}, {@code ?} or {@code #} (a well-formed URL); else, for passwords
     * holding those characters, the last {@code @} followed by a host that does not sit in a {@code
     * ?key=value} parameter.
     */
    private static int authorityEnd(String url, int start) {
        int plainEnd = start;
        while (plainEnd < url.length() && "/?#".indexOf(url.charAt(plainEnd)) < 0) {
            plainEnd++;
        }
        int at = lastHostAt(url, start, plainEnd);
        if (at >= 0) {
            return at;
        }
        at = lastHostAt(url, start, url.length());
        while (at >= 0 && PARAMETER_KEY.matcher(url.substring(start, at)).find()) {
            at = lastHostAt(url, start, at);
        }
        return at;
    }

    /**
     * The last {@code @} in {@code [start, end)} followed by something that reads as a host, or -1.
     */
    private static int lastHostAt(String url, int start, int end) {
        for (int at = url.lastIndexOf('@', end - 1);
                at >= start;
                at = url.lastIndexOf('@', at - 1)) {
            if (hostFollows(url, at + 1)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * True when a host starts at {@code i}: a name, address, port list or bracketed IPv6 up to a
     * path, query or end, or an Oracle/MySQL form ({@code //host}, {@code (DESCRIPTION=...)},
     * {@code (host=...)}).
     */
    private static boolean hostFollows(String url, int i) {
        if (i >= url.length()) {
            return false;
        }
        char first = url.charAt(i);
        if (first == '/' || first == '(') {
            return true;
        }
        int end = i;
        while (end < url.length() && "/?#;".indexOf(url.charAt(end)) < 0) {
            char c = url.charAt(end);
            if (!(Character.isLetterOrDigit(c) || ".-_:[],%".indexOf(c) >= 0)) {
                return false;
            }
            end++;
        }
        return end > i;
    }

    // ----------------------------------------------------------------------------
    // jdbc:oracle:thin:user/password@

    private static String maskOraclePassword(String url) {
        Matcher prefix = ORACLE_PREFIX.matcher(url);
        if (!prefix.find()) {
            return url;
        }
        int userStart = prefix.end();
        int slash = url.indexOf('/', userStart);
        if (slash <= userStart) {
            return url;
        }
        for (int i = userStart; i < slash; i++) {
            if (url.charAt(i) == '@' || url.charAt(i) == ':') {
                return url; // no user/password before the address
            }
        }
        int at = lastHostAt(url, slash + 1, url.length());
        if (at < 0) {
            return url;
        }
        return url.substring(0, slash + 1) + MASK + url.substring(at);
    }

    // ----------------------------------------------------------------------------------------------- key=value

    private static String maskParameters(String url) {
        StringBuilder out = new StringBuilder(url.length());
        int n = url.length();
        int i = 0;
        while (i < n) {
            char opener = url.charAt(i);
            out.append(opener);
            i++;
            if ("?&;:(,{".indexOf(opener) < 0) {
                continue;
            }
            int keyStart = skipSpaces(url, i);
            int keyEnd = keyStart;
            while (keyEnd < n && isKeyChar(url.charAt(keyEnd))) {
                keyEnd++;
            }
            int equals = skipSpaces(url, keyEnd);
            if (keyEnd == keyStart || equals >= n || url.charAt(equals) != '=') {
                continue;
            }
            if (!isSecretName(url.substring(keyStart, keyEnd))) {
                // Keep scanning inside the value: it may hold pairs of its own, e.g.
                // address=(password=...).
                continue;
            }
            int valueStart = skipSpaces(url, equals + 1);
            out.append(url, i, valueStart).append(MASK);
            i = valueEnd(url, valueStart, opener);
        }
        return out.toString();
    }

    /**
     * Where a value starting at {@code start} ends: after its braces or quotes, else at its
     * context's separator.
     */
    private static int valueEnd(String url, int start, char opener) {
        int n = url.length();
        if (start >= n) {
            return n;
        }
        char first = url.charAt(start);
        if (first == '{') {
            // Braced (SQL Server): '}}' is an escaped brace inside the value.
            for (int i = start + 1; i < n; i++) {
                if (url.charAt(i) == '}') {
                    if (i + 1 < n && url.charAt(i + 1) == '}') {
                        i++;
                    } else {
                        return i + 1;
                    }
                }
            }
            return n;
        }
        if (first == '"' || first == '\'') {
            int close = url.indexOf(first, start + 1);
            return close < 0 ? n : close + 1;
        }
        String separators;
        switch (opener) {
            case '?':
            case '&':
                separators = "&#";
                break;
            case '(':
                separators = ")";
                break;
            case ',':
            case '{':
                separators = ",)}";
                break;
            default: // ';' and ':'
                separators = ";";
        }
        int i = start;
        while (i < n && separators.indexOf(url.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
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
