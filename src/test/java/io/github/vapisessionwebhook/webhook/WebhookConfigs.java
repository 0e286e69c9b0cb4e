package io.github.vapisessionwebhook.webhook;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** A {@link WebhookConfig} from properties, with the same defaults as the deployed function. */
final class WebhookConfigs {

    private WebhookConfigs() {
    }

    static WebhookConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(WebhookConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(WebhookConfig.class);
    }
}
