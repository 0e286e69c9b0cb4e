package io.github.vapisessionwebhook.function;

import io.github.vapisessionwebhook.webhook.WebhookAuthenticator;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What stops the function at start-up rather than running it half-configured: a zip deployed with
 * another {@code Packaging} ({@code VAPI_PACKAGING}) than its build, and a webhook whose credential
 * settings are missing or contradictory (it never runs open by accident; the reader needs none).
 */
@ApplicationScoped
public class StartupChecks {

    /** The system property the aot zip's bootstrap sets. */
    public static final String BUILD_PROPERTY = "vapi.build";

    private final Optional<String> deployedAs;

    public StartupChecks(@ConfigProperty(name = "vapi.packaging") Optional<String> deployedAs) {
        this.deployedAs = deployedAs;
    }

    void onStart(@Observes StartupEvent started, @ConfigProperty(name = "quarkus.funqy.export") String exported,
            Instance<WebhookAuthenticator> authenticator) {
        check(deployedAs, build());
        if (SessionWebhookFunction.NAME.equals(exported)) {
            authenticator.get();
        }
    }

    /** {@code native}, {@code aot} or {@code jvm}: what this process is. */
    static String build() {
        return ImageMode.current() == ImageMode.NATIVE_RUN ? "native" : System.getProperty(BUILD_PROPERTY, "jvm");
    }

    static void check(Optional<String> deployedAs, String build) {
        deployedAs.filter(packaging -> !packaging.isBlank() && !packaging.equals(build)).ifPresent(packaging -> {
            throw new IllegalStateException("this function.zip is the " + build + " build but was deployed with Packaging="
                    + packaging + ": deploy it with Packaging=" + build + ", or build the " + packaging
                    + " zip (README: Deploying with AWS SAM)");
        });
    }
}
