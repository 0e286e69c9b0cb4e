package io.github.vapisessionwebhook.gateway;

import java.util.Map;

/**
 * A request to read the session log: through API Gateway, or a direct invocation whose query
 * object's {@code sessionId} is the path parameter and its other fields the query parameters.
 *
 * @param requestId API Gateway's id of the request, {@code null} for a direct invocation
 * @param iamAuthorised AWS IAM authorised the caller: a direct invocation, or a gateway request
 *     carrying an IAM authorizer's identity
 */
public record ReadRequest(String method, Map<String, String> pathParameters, Map<String, String> queryParameters,
        String requestId, boolean iamAuthorised) {

    public ReadRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
    }
}
