package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Vapi's {@code CreateCustomerDTO}: who the session is with, as far as a session record reads it. */
@RegisterForReflection
public record Customer(
        @JsonDeserialize(using = StrictJson.Text.class) String number,
        @JsonDeserialize(using = StrictJson.Text.class) String name) {

    /** Personal data stays out of logs: only which fields are present. */
    @Override
    public String toString() {
        return "Customer[number=" + (number == null ? "absent" : "present") + ", name=" + (name == null ? "absent" : "present")
                + "]";
    }
}
