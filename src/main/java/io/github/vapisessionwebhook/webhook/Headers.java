package io.github.vapisessionwebhook.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Request headers, looked up case-insensitively: HTTP APIs lower-case names, REST APIs pass them
 * as the client wrote them.
 */
public final class Headers {

    private final TreeMap<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Headers(Map<String, String> headers) {
        values.putAll(headers);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
