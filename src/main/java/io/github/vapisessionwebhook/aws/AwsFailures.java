package io.github.vapisessionwebhook.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What an operator needs to tell a missing resource from denied access, throttling or a timeout:
 * the AWS error code, HTTP status and request id, or the client-side failure's types. Never the
 * SDK's message text, which can quote request values.
 */
public final class AwsFailures {

    private AwsFailures() {
    }

    /** {@code "<what> failed: <code> (HTTP <status>, AWS request id <id>)"}, or the types when no answer came. */
    public static String describe(String what, String service, SdkException e) {
        StringBuilder detail = new StringBuilder(what).append(" failed: ");
        if (e instanceof AwsServiceException failure) {
            AwsErrorDetails error = failure.awsErrorDetails();
            detail.append(error == null || error.errorCode() == null ? failure.getClass().getSimpleName() : error.errorCode())
                    .append(" (HTTP ").append(failure.statusCode())
                    .append(", AWS request id ").append(failure.requestId()).append(')');
        } else {
            detail.append(e.getClass().getSimpleName()).append(" (no answer from ").append(service);
            Throwable cause = e.getCause();
            for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
                detail.append(": ").append(cause.getClass().getSimpleName());
            }
            detail.append(')');
        }
        return detail.toString();
    }
}
