package io.github.vapisessionwebhook.function;

import static io.github.vapisessionwebhook.support.Invoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.support.Invoker.Response;
import io.github.vapisessionwebhook.support.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/hostile} is one hostile request with its expected
 * status and error. Each must get exactly that 4xx JSON answer, store nothing, leak no internals,
 * and leave the function answering the next event normally.
 */
@QuarkusTest
class HostileCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    private static final Pattern SESSION_ID = Pattern.compile("\"id\":\\s*\"((?:hostile-[a-z0-9-]*)|(?:00000000-[0-9a-f-]+))\"");

    @Inject
    SessionRepository repository;

    static Stream<Path> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "the corpus has " + files.size() + " cases");
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileRequestGetsItsContractAnswer(Path file) throws IOException {
        JsonNode testCase = Payloads.JSON.readTree(file.toFile());
        String event = lambdaEvent(testCase);

        Response response = invoke(event);

        String what = file.getFileName() + " (" + testCase.get("description").asText() + ")";
        assertEquals(testCase.at("/expect/status").asInt(), response.status(), what);
        assertEquals(testCase.at("/expect/error").asText(), response.field("error"), what);
        assertTrue(response.status() >= 400 && response.status() < 500, what);
        assertFalse(response.rawBody().contains("Exception") || response.rawBody().contains("io.github"), response.rawBody());
        Matcher ids = SESSION_ID.matcher(event);
        while (ids.find()) {
            assertEquals(Optional.empty(), repository.findById(ids.group(1)), what + " stored " + ids.group(1));
        }
        String id = "after-" + file.getFileName();
        String next = Payloads.text(Payloads.session("session.created", id, "2026-08-01T12:00:00.000Z"));
        assertEquals("created", invoke(Payloads.text(gateway(next, "POST", false))).field("result"), "next event after " + what);
    }

    private static String lambdaEvent(JsonNode testCase) {
        if (testCase.has("direct")) {
            return Payloads.text(testCase.get("direct"));
        }
        String body = testCase.get("body").isNull() ? null : testCase.get("body").asText();
        if (testCase.has("padBytes")) {
            body = body + " ".repeat(testCase.get("padBytes").asInt());
        }
        boolean base64 = testCase.path("isBase64Encoded").asBoolean();
        if (testCase.path("encodeBase64").asBoolean()) {
            body = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
            base64 = true;
        }
        ObjectNode event = gateway(body, testCase.get("method").asText(), base64);
        event.set("headers", testCase.get("headers"));
        return Payloads.text(event);
    }

    private static ObjectNode gateway(String body, String method, boolean base64) {
        ObjectNode event = Payloads.event("http-api-session-created.json");
        ((ObjectNode) event.get("requestContext").get("http")).put("method", method);
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }
}
