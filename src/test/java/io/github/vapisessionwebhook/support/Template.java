package io.github.vapisessionwebhook.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The project's {@code template.yaml}, parsed. CloudFormation's short tags ({@code !Ref},
 * {@code !If}) are read as their plain values, which is all the tests compare.
 */
public final class Template {

    private Template() {
    }

    /** The nested template of change events (template.yaml's ChangeEvents application). */
    public static final String CHANGE_EVENTS = "change-events.yaml";

    public static JsonNode load() {
        return load("template.yaml");
    }

    public static JsonNode load(String file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode resource(String logicalId) {
        return resource("template.yaml", logicalId);
    }

    /** The properties of resource {@code logicalId} of template {@code file}. */
    public static JsonNode resource(String file, String logicalId) {
        JsonNode resource = load(file).path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError(file + " has no resource " + logicalId);
        }
        return resource.path("Properties");
    }
}
