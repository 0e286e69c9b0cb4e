package io.github.vapisessionwebhook.gateway;

import java.util.Map;

/**
 * A request to read the session log: through API Gateway (method, path and query parameters), or a
 * direct invocation whose event is the query object itself (its {@code sessionId} as the path
 * parameter, its other fields as query parameters, method GET).
 *
 * @param requestId API Gateway's id of the request, {@code null} for a direct invocation
 * @param iamAuthorised whether AWS IAM authorised the caller: a direct invocation (Lambda's own
 *     permission), or a gateway request that carries an IAM authorizer's identity
 */
public record ReadRequest(String method, Map<String, String> pathParameters, Map<String, String> queryParameters,
        String requestId, boolean iamAuthorised) {

    public ReadRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
    }
}
