package io.github.vapisessionwebhook.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vapisessionwebhook.support.Payloads;

/**
 * A session.created of about 50 KB, shaped like a real one with a full transient assistant: a long
 * system prompt, a few dozen tools with JSON-schema parameters, voice, transcriber, plans.
 */
final class LargePayload {

    private LargePayload() {
    }

    static ObjectNode build(String sessionId) {
        ObjectNode body = Payloads.session("session.created", sessionId, "2026-08-01T12:00:00.000Z");
        ObjectNode assistant = (ObjectNode) body.get("message").get("assistant");
        ObjectNode model = (ObjectNode) assistant.get("model");
        model.put("temperature", 0.3).put("maxTokens", 800);
        model.putArray("messages").addObject().put("role", "system")
                .put("content", "You are the support assistant of Acme. Be brief, polite and precise. ".repeat(200));
        ArrayNode tools = model.putArray("tools");
        for (int i = 0; i < 50; i++) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", "lookup_record_" + i).put("description", "Looks up a customer record of kind " + i
                    + " by its identifier and returns the fields the agent may read back to the caller.");
            ObjectNode parameters = function.putObject("parameters").put("type", "object");
            ObjectNode properties = parameters.putObject("properties");
            for (String field : new String[] {"customerId", "orderId", "email", "postcode", "reason"}) {
                properties.putObject(field).put("type", "string").put("description", "The " + field + " the caller gave.");
            }
            parameters.putArray("required").add("customerId");
            tools.get(i).withObject("/server").put("url", "https://tools.example.com/lookup/" + i).put("timeoutSeconds", 20);
        }
        assistant.putObject("voice").put("provider", "11labs").put("voiceId", "rachel").put("stability", 0.5);
        assistant.putObject("transcriber").put("provider", "deepgram").put("model", "nova-2").put("language", "en");
        ArrayNode messages = assistant.putArray("serverMessages");
        for (String type : new String[] {"session.created", "session.updated", "session.deleted", "status-update"}) {
            messages.add(type);
        }
        assistant.putObject("analysisPlan").put("summaryPrompt", "Summarise the conversation in two sentences. ".repeat(20));
        assistant.putObject("server").put("url", "https://hooks.example.com/vapi").putObject("headers").put("x-api-key", "k");
        return body;
    }
}
