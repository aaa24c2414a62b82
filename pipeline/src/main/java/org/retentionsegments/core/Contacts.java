package org.retentionsegments.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The customers input's email and phone, normalised and hashed the way ad platforms match them
 * (Google Customer Match, Meta custom audiences): SHA-256 in lower-case hex of the email trimmed
 * and lower-cased, and of the phone in E.164 ({@code +} and digits). A value that is not an
 * address or a number is treated as absent (null), never a reason to reject the customer's row:
 * the sign-up and consent it carries still count. Both first stages (Java and Flink SQL) call
 * these functions, so they give the same hashes.
 */
public final class Contacts {

    /** The longest address accepted (RFC 5321's path limit). */
    static final int MAX_EMAIL = 254;
    /** The longest phone text looked at; E.164 has 15 digits, the rest room for spaces and marks. */
    static final int MAX_PHONE = 40;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Contacts() {}

    /** The email trimmed and lower-cased; null unless it is one {@code local@domain.tld} without spaces. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (e.isEmpty() || e.length() > MAX_EMAIL || at <= 0 || at != e.lastIndexOf('@')) {
            return null;
        }
        int dot = e.lastIndexOf('.');
        if (dot < at + 2 || dot == e.length() - 1) {
            return null;
        }
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
                    || c == ',' || c == ';' || c == '"' || c == '<' || c == '>') {
                return null;
            }
        }
        return e;
    }

    /**
     * The phone in E.164; null unless it is a possible number (its length fits its country's
     * plan: numbers of fictitious or newly allocated ranges pass, as ad platforms take them). A number written with its country code
     * ({@code +44 ...} or {@code 0044 ...}) needs no region; a national one is read in
     * {@code region}, the customer's country as an ISO 3166 two-letter code (any case), and is
     * absent without one.
     */
    public static String phone(String raw, String region) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_PHONE) {
            return null;
        }
        String r = region == null ? "ZZ" : region.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(r)) {
            r = "ZZ"; // unknown region: only numbers given with their country code parse
        }
        try {
            PhoneNumber number = PHONES.parse(raw.strip(), r);
            return PHONES.isPossibleNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null; // not a number: treated as absent
        }
    }

    /** SHA-256 of the normalised email, lower-case hex; null when {@link #email} is. */
    public static String emailSha256(String raw) {
        return sha256(email(raw));
    }

    /** SHA-256 of the E.164 phone, lower-case hex; null when {@link #phone} is. */
    public static String phoneSha256(String raw, String region) {
        return sha256(phone(raw, region));
    }

    /** SHA-256 of the UTF-8 text in lower-case hex; null for null. */
    public static String sha256(String text) {
        if (text == null) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
