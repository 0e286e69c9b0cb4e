package io.github.vapisessionwebhook.function;

import io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaContext;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.amazon.lambda.runtime.LambdaInputReader;
import io.quarkus.amazon.lambda.runtime.LambdaOutputWriter;
import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The aot zip's Lambda loop: Quarkus's own Runtime API client, the one a native build runs, which
 * Quarkus starts by itself only in native builds. The aot bootstrap starts Quarkus through its main
 * class, and this starts the loop once start-up (and its checks) succeeded; events go to Funqy as
 * under AWS's runtime client. In every other packaging it does nothing.
 */
@ApplicationScoped
public class RuntimeApiLoop implements ShutdownContext {

    private final List<Runnable> shutdownTasks = new ArrayList<>();

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent started) {
        if (!"aot".equals(StartupChecks.build()) || LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        new AbstractLambdaPollLoop(AmazonLambdaMapperRecorder.objectMapper, AmazonLambdaMapperRecorder.cognitoIdReader,
                AmazonLambdaMapperRecorder.clientCtxReader, LaunchMode.NORMAL) {

            @Override
            protected boolean isStream() {
                return true;
            }

            @Override
            protected void processRequest(InputStream input, OutputStream output, AmazonLambdaContext context) throws Exception {
                FunqyLambdaBindingRecorder.handle(input, output, context);
            }

            @Override
            protected Object processRequest(Object input, AmazonLambdaContext context) {
                throw new UnsupportedOperationException("Funqy reads its events as streams");
            }

            @Override
            protected LambdaInputReader getInputReader() {
                return null;
            }

            @Override
            protected LambdaOutputWriter getOutputWriter() {
                return null;
            }
        }.startPollLoop(this);
    }

    void stop(@Observes ShutdownEvent stopping) {
        shutdownTasks.forEach(Runnable::run);
    }

    @Override
    public void addShutdownTask(Runnable task) {
        shutdownTasks.add(task);
    }

    @Override
    public void addLastShutdownTask(Runnable task) {
        shutdownTasks.add(task);
    }
}
