package io.github.vapisessionwebhook.reader;

/** A query parameter that is missing, malformed or contradicts another; the message names it. */
class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String parameter, String problem) {
        super(parameter + ": " + problem);
    }
}
