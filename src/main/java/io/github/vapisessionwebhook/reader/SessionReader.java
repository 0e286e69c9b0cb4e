package io.github.vapisessionwebhook.reader;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import io.github.vapisessionwebhook.gateway.ApiError;
import io.github.vapisessionwebhook.gateway.GatewayResponse;
import io.github.vapisessionwebhook.gateway.ReadRequest;
import io.github.vapisessionwebhook.session.SessionPage;
import io.github.vapisessionwebhook.session.SessionQuery;
import io.github.vapisessionwebhook.session.SessionRecord;
import io.github.vapisessionwebhook.session.SessionRepository;
import io.github.vapisessionwebhook.session.StorageUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The session log's query API: one record by id, or the sessions of one assistant or customer
 * number, newest first, in pages. Every malformed parameter is a {@code 400 invalid_request} naming
 * it; records are returned as stored (they hold no secrets by construction). It never writes.
 */
@ApplicationScoped
public class SessionReader {

    private static final Logger LOG = Logger.getLogger(SessionReader.class);

    private final SessionRepository repository;
    private final ObjectMapper json;

    public SessionReader(SessionRepository repository) {
        this.repository = repository;
        this.json = JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // A record's fields only (its components), no derived is-getters.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .addModule(new SimpleModule().addSerializer(Instant.class, new StoredInstant()))
                .build();
    }

    public GatewayResponse read(ReadRequest request) {
        if (!request.iamAuthorised()) {
            // Fail closed: the routes are meant to be AWS_IAM, and a route deployed without it is open.
            LOG.warn("query refused: a gateway request without an AWS IAM identity reached the reader; deploy its "
                    + "routes with the AWS_IAM authorizer");
            return GatewayResponse.error(ApiError.UNAUTHORIZED, null);
        }
        if (!"GET".equalsIgnoreCase(request.method())) {
            return GatewayResponse.error(ApiError.METHOD_NOT_ALLOWED, null);
        }
        try {
            String sessionId = request.pathParameters().get("sessionId");
            if (sessionId != null) {
                return one(ListingRequest.key("sessionId", sessionId));
            }
            return page(ListingRequest.parse(request.queryParameters()).query());
        } catch (InvalidRequestException e) {
            return GatewayResponse.error(ApiError.INVALID_REQUEST, e.getMessage());
        } catch (StorageUnavailableException e) {
            LOG.errorf("storage unavailable, answered 503: %s", e.getMessage());
            return GatewayResponse.error(ApiError.STORAGE_UNAVAILABLE, null);
        }
    }

    private GatewayResponse one(String sessionId) {
        Optional<SessionRecord> record = repository.findById(sessionId);
        return record.isEmpty()
                ? GatewayResponse.error(ApiError.NOT_FOUND, null)
                : GatewayResponse.json(200, json.<JsonNode>valueToTree(record.get()));
    }

    private GatewayResponse page(SessionQuery query) {
        SessionPage page;
        try {
            page = repository.query(query);
        } catch (IllegalArgumentException badCursor) {
            throw new InvalidRequestException("cursor", "was not handed out by this API for this query");
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.records().forEach(record -> items.add(json.<ObjectNode>valueToTree(record)));
        if (page.nextCursor() != null) {
            body.put("nextCursor", page.nextCursor());
        }
        return GatewayResponse.json(200, body);
    }

    /** Instants as stored: fixed-width UTC with milliseconds, e.g. {@code 2026-08-01T12:00:00.000Z}. */
    private static final class StoredInstant extends ToStringSerializerBase {

        StoredInstant() {
            super(Instant.class);
        }

        @Override
        public String valueToString(Object value) {
            return SessionRecord.format((Instant) value);
        }
    }
}
