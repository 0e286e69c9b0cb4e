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

    public static JsonNode load() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode resource(String logicalId) {
        JsonNode resource = load().path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource.path("Properties");
    }
}
