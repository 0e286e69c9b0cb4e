package io.github.vapisessionwebhook.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A native image can only bind what is registered for reflection, and the function binds the body
 * with its own ObjectMapper, which Funqy's registration does not see. Walks every type reachable
 * from the bound message (components, type arguments, sealed subtypes, custom (de)serialisers) and
 * fails for any project class that is not registered.
 */
class ReflectionRegistrationTest {

    private static final String BASE = "io.github.vapisessionwebhook.";

    @Test
    void everyBoundClassIsRegistered() {
        Set<Class<?>> reachable = reachableFrom(SessionMessage.class, GatewayResponse.class);
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : reachable) {
            if (!type.isAnnotationPresent(RegisterForReflection.class)) {
                missing.add(type.getName());
            }
        }
        assertEquals(Set.of(), missing);
        assertTrue(reachable.size() > 8, "walked " + reachable);
        assertTrue(reachable.contains(EpochMillisOrIsoInstant.Deserializer.class));
        assertTrue(reachable.contains(PhoneNumber.class));
        assertTrue(reachable.contains(StrictJson.Text.class));
    }

    private static Set<Class<?>> reachableFrom(Class<?>... roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(roots));
        while (!queue.isEmpty()) {
            Class<?> type = queue.pop();
            if (!type.getName().startsWith(BASE) || !seen.add(type)) {
                continue;
            }
            if (type.isSealed()) {
                queue.addAll(List.of(type.getPermittedSubclasses()));
            }
            JsonDeserialize binding = type.getAnnotation(JsonDeserialize.class);
            if (binding != null) {
                queue.add(binding.using());
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    addTypes(component.getGenericType(), queue);
                    // Jackson's annotations do not target record components; they land on the accessor.
                    JsonDeserialize deserialize = component.getAccessor().getAnnotation(JsonDeserialize.class);
                    if (deserialize != null) {
                        queue.add(deserialize.using());
                    }
                    JsonSerialize serialize = component.getAccessor().getAnnotation(JsonSerialize.class);
                    if (serialize != null) {
                        queue.add(serialize.using());
                    }
                }
            }
        }
        return seen;
    }

    private static void addTypes(Type type, Deque<Class<?>> queue) {
        if (type instanceof Class<?> plain) {
            queue.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            addTypes(parameterized.getRawType(), queue);
            for (Type argument : parameterized.getActualTypeArguments()) {
                addTypes(argument, queue);
            }
        }
    }
}
