package io.github.vapisessionwebhook.function;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * template.yaml tells the function the {@code Packaging} it was deployed with ({@code
 * VAPI_PACKAGING}); a zip of another build refuses to start with a line naming both, instead of
 * running half-configured. (Where this code cannot run at all, the zips' own guards speak: the JVM
 * zip's {@code bootstrap} on a custom runtime, the other zips' {@code java-wrapper} on java25.)
 */
@ApplicationScoped
public class PackagingCheck {

    /** The system property the aot zip's bootstrap sets. */
    public static final String BUILD_PROPERTY = "vapi.build";

    private final Optional<String> deployedAs;

    public PackagingCheck(@ConfigProperty(name = "vapi.packaging") Optional<String> deployedAs) {
        this.deployedAs = deployedAs;
    }

    void onStart(@Observes StartupEvent started) {
        check(deployedAs, build());
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
