package io.github.vapisessionwebhook.vapi;

/** A server message as far as this function cares: a session event, or anything else. */
public sealed interface VapiMessage {

    String type();

    /** {@code session.created}, {@code session.updated} or {@code session.deleted}, bound and checked. */
    record SessionEvent(SessionEventType eventType, SessionMessage message) implements VapiMessage {

        @Override
        public String type() {
            return eventType.wireName();
        }
    }

    /** One of the many other types Vapi sends to the same URL; acknowledged, not bound. */
    record Other(String type) implements VapiMessage {
    }
}
