package io.github.vapisessionwebhook.function;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.JsonFormatter;

/**
 * Switches console logging to one JSON object per line ({@code vapi.log.json}, on when deployed),
 * so CloudWatch Logs Insights can query the event fields and MDC. Quarkus's own JSON logging
 * extension is not available from this project's registry, so the log manager's formatter is
 * installed on the console handlers at start-up.
 */
public class JsonLogFormat {

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "vapi.log.json", defaultValue = "true") boolean json) {
        if (!json) {
            return;
        }
        JsonFormatter formatter = new JsonFormatter();
        formatter.setPrintDetails(false);
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            apply(handler, formatter);
        }
    }

    private static void apply(Handler handler, Formatter formatter) {
        if (handler instanceof ExtHandler nesting && nesting.getHandlers().length > 0) {
            for (Handler nested : nesting.getHandlers()) {
                apply(nested, formatter);
            }
        } else {
            handler.setFormatter(formatter);
        }
    }
}
