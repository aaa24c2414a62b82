package org.retentionsegments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Emails and phones normalised as ad platforms expect, and their SHA-256 (known digests, computed apart). */
class ContactsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "test@example.com|test@example.com",
        "  Test@Example.COM \t|test@example.com",
        "Customer-C00042@Example.com|customer-c00042@example.com",
        "first.last+tag@sub.example.co.uk|first.last+tag@sub.example.co.uk"})
    void anEmailIsTrimmedAndLowerCased(String raw, String normalised) {
        assertEquals(normalised, Contacts.email(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "no-at-sign", "@example.com", "a@b@example.com", "a@example", "a@.com",
        "a@example.", "a b@example.com", "a@exa\u0000mple.com", "a,b@example.com", "<a@example.com>"})
    void somethingThatIsNotAnAddressIsAbsent(String raw) {
        assertNull(Contacts.email(raw));
        assertNull(Contacts.emailSha256(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "+44 7700 900042|NULL|+447700900042",
        "07700 900042|GB|+447700900042",
        "07700 900042| gb |+447700900042",
        "0044 7700 900042|GB|+447700900042",
        "(202) 555-0123|US|+12025550123",
        "+1 202-555-0123|DE|+12025550123"})
    void aPhoneBecomesE164(String raw, String region, String e164) {
        assertEquals(e164, Contacts.phone(raw, region));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "07700 900042|NULL", "07700 900042|Ireland", "07700 900042|XX", "12|GB", "phone me|GB",
        "+44 1|NULL", "' '|GB", "+44 7700 900042 ext. 12345678901234567890123|GB"})
    void aNationalNumberWithoutAKnownCountryOrANonNumberIsAbsent(String raw, String region) {
        assertNull(Contacts.phone(raw, region));
        assertNull(Contacts.phoneSha256(raw, region));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Test@Example.com |973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b",
        "Customer-C00042@Example.com|19ad3afc9f1a52be3c331f546ca62efaabf2edfbc0dea9074ea66b450525bff8"})
    void theEmailHashIsSha256OfTheNormalisedAddressInLowerCaseHex(String raw, String sha256) {
        assertEquals(sha256, Contacts.emailSha256(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+44 7700 900042|US|2a0dac0e2916a2fd3160f581c3b2a93721cda5980290a0bbfae27c56a9a50a60",
        "07700900042|GB|2a0dac0e2916a2fd3160f581c3b2a93721cda5980290a0bbfae27c56a9a50a60",
        "202.555.0123|US|d5ab8b77e69a81dfc634c3556c620d5d6753df6fc28c73c88c79a9332b705382"})
    void thePhoneHashIsSha256OfE164(String raw, String region, String sha256) {
        assertEquals(sha256, Contacts.phoneSha256(raw, region));
    }
}
