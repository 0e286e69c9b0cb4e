package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code message} holds, chosen by its {@code type} while the body streams by: the session
 * messages are bound whole, every other type to {@link OtherServerMessage}, whose content is skipped
 * rather than built. One pass over the body, no intermediate tree.
 */
@RegisterForReflection
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = OtherServerMessage.class)
@JsonSubTypes(@JsonSubTypes.Type(value = SessionMessage.class,
        names = {"session.created", "session.updated", "session.deleted"}))
public sealed interface ServerMessage permits SessionMessage, OtherServerMessage {
}
