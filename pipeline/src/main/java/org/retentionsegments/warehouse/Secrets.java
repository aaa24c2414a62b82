package org.retentionsegments.warehouse;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of this process, the warehouse passwords, and text with them masked as
 * {@value #MASK}. A password is registered when a JDBC URL or the environment holding it is
 * read ({@link #registerUrl}, {@link #registerEnvironment}); {@link #mask} then replaces it
 * wherever it appears, and also any {@code password=VALUE} parameter (in any case) and the
 * {@code user:VALUE@host} part of a URL, registered or not.
 *
 * <p>A registered secret shorter than {@value #MIN_LITERAL} characters is masked only where one
 * of those patterns shows it: replacing every occurrence of a two-letter text would garble the
 * output without hiding anything.
 */
public final class Secrets {

    public static final String MASK = "***";

    static final int MIN_LITERAL = 4;

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password\\s*=\\s*)([^&;\\s'\"`,)\\]}]*[^&;\\s'\"`,)\\]}:.])");
    private static final Pattern USER_INFO = Pattern.compile("(?i)(jdbc:[a-z0-9]+://[^/:@\\s?&'\"]*:)([^@/\\s'\"]+)(@)");

    /** The secrets as text, and as the ISO-8859-1 view of their UTF-8 bytes (see {@link #maskBytes}). */
    private static final Set<String> TEXTS = ConcurrentHashMap.newKeySet();
    private static final Set<String> BYTE_VIEWS = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    /** Registers one secret value. */
    public static void register(String secret) {
        if (secret == null || secret.length() < MIN_LITERAL || secret.equals(MASK)) {
            return;
        }
        TEXTS.add(secret);
        BYTE_VIEWS.add(byteView(secret, StandardCharsets.UTF_8));
        BYTE_VIEWS.add(byteView(secret, Charset.defaultCharset()));
    }

    /** Registers the passwords a text (a JDBC URL, or a command-line argument) carries, as written and decoded. */
    public static void registerUrl(String text) {
        if (text == null) {
            return;
        }
        for (Pattern pattern : new Pattern[] {PASSWORD_PARAMETER, USER_INFO}) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                register(m.group(2));
                register(decoded(m.group(2)));
            }
        }
    }

    /** Registers {@code PGPASSWORD}. */
    public static void registerEnvironment(Map<String, String> environment) {
        register(environment.get("PGPASSWORD"));
    }

    /** The text with every secret masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return patterns(literals(text, TEXTS));
    }

    /**
     * The bytes of text in an ASCII-compatible encoding with every secret masked. Works on the
     * ISO-8859-1 view of the bytes, which maps each byte to one character and back, so bytes
     * that need no mask come out exactly as they went in, whatever their encoding.
     *
     * @return the masked bytes, or null when there is nothing to mask
     */
    public static byte[] maskBytes(byte[] bytes, int length) {
        String view = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        String masked = patterns(literals(view, BYTE_VIEWS));
        return masked.equals(view) ? null : masked.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String literals(String text, Set<String> secrets) {
        String result = text;
        // Longest first, so that a secret inside another one does not leave the rest showing.
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    private static String patterns(String text) {
        String result = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    }

    private static String byteView(String secret, Charset charset) {
        return new String(secret.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** For tests: forgets every registered secret. */
    static void clear() {
        TEXTS.clear();
        BYTE_VIEWS.clear();
    }
}
