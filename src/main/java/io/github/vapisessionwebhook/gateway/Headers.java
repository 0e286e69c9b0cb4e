package io.github.vapisessionwebhook.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Request headers, looked up case-insensitively: HTTP APIs lower-case names, REST APIs pass them
 * as the client wrote them. A name given twice with different values (only possible in a REST API
 * event, as {@code Authorization} and {@code authorization}) is ambiguous and reads as absent, so a
 * credential check never has to guess which one was meant.
 */
public final class Headers {

    private final TreeMap<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> ambiguous = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public Headers(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            String earlier = values.put(name, value);
            if (earlier != null && !earlier.equals(value)) {
                ambiguous.add(name);
            }
        });
    }

    public Optional<String> get(String name) {
        return ambiguous.contains(name) ? Optional.empty() : Optional.ofNullable(values.get(name));
    }
}
