package io.github.vapisessionwebhook.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void namesMatchWhateverTheirCase() {
        Headers headers = new Headers(Map.of("X-Signature", "abc"));
        assertEquals(Optional.of("abc"), headers.get("x-signature"));
        assertEquals(Optional.of("abc"), headers.get("X-SIGNATURE"));
        assertEquals(Optional.empty(), headers.get("x-timestamp"));
    }

    @Test
    void aNameGivenTwiceWithDifferentValuesReadsAsAbsent() {
        Map<String, String> both = new LinkedHashMap<>();
        both.put("Authorization", "Bearer one");
        both.put("authorization", "Bearer two");
        assertEquals(Optional.empty(), new Headers(both).get("Authorization"));
        both.put("authorization", "Bearer one");
        assertEquals(Optional.of("Bearer one"), new Headers(both).get("AUTHORIZATION"), "the same value twice is no doubt");
    }
}
