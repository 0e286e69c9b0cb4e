package io.github.vapisessionwebhook.support;

import io.github.vapisessionwebhook.webhook.WebhookConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** A {@link WebhookConfig} from properties, with the same defaults as the deployed function. */
public final class WebhookConfigs {

    private WebhookConfigs() {
    }

    public static WebhookConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(WebhookConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(WebhookConfig.class);
    }
}
