package io.github.vapisessionwebhook.vapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for Vapi bodies: lenient about drift (unknown properties are kept
 * by the model, explicit nulls accepted), strict about what could hurt or mislead (duplicate keys,
 * deep nesting, huge strings and numbers).
 */
public final class VapiJson {

    /** Vapi's deepest blocks (assistant config, tool schemas) nest a few dozen levels at most. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** A whole body is capped lower anyway; this bounds a single string before it is buffered. */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** Ids, costs and epoch timestamps are far shorter; long digit runs cost quadratic parsing. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private VapiJson() {
    }

    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // A duplicated key is ambiguous: which value did the sender mean (and sign)?
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }
}
