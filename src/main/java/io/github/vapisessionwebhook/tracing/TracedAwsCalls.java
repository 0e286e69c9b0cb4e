package io.github.vapisessionwebhook.tracing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The AWS SDK clients' interceptor ({@code quarkus.dynamodb.interceptors}, which takes a CDI bean,
 * and the Secrets Manager client): hands each call to {@link Tracing}'s, OpenTelemetry's AWS SDK
 * instrumentation when tracing is on. It passes on the hooks that instrumentation uses.
 */
@ApplicationScoped
// The instrumentation reads the DynamoDB requests' and responses' fields through their getters, by
// reflection (its FieldMapper): register what this function sends for native.
@RegisterForReflection(targets = {PutItemRequest.class, PutItemResponse.class, GetItemRequest.class, GetItemResponse.class,
        QueryRequest.class, QueryResponse.class, ConsumedCapacity.class, ItemCollectionMetrics.class})
public class TracedAwsCalls implements ExecutionInterceptor {

    private final ExecutionInterceptor traced;

    public TracedAwsCalls(Tracing tracing) {
        this.traced = tracing.awsCalls();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return traced.modifyRequest(context, attributes);
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        traced.afterMarshalling(context, attributes);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        traced.beforeTransmission(context, attributes);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return traced.modifyHttpRequest(context, attributes);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return traced.modifyHttpResponseContent(context, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        traced.afterExecution(context, attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        traced.onExecutionFailure(context, attributes);
    }
}
