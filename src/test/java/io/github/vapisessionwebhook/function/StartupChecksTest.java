package io.github.vapisessionwebhook.function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    @Test
    void aBuildDeployedWithAnotherPackagingRefusesToStartSayingWhich() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StartupChecks.check(Optional.of("native"), "aot"));
        assertEquals("this function.zip is the aot build but was deployed with Packaging=native: deploy it with "
                + "Packaging=aot, or build the native zip (README: Deploying with AWS SAM)", e.getMessage());
        assertDoesNotThrow(() -> StartupChecks.check(Optional.of("aot"), "aot"));
        assertDoesNotThrow(() -> StartupChecks.check(Optional.empty(), "jvm"), "outside the template nothing is checked");
    }

    @Test
    void thisTestJvmIsTheJvmBuild() {
        assertEquals("jvm", StartupChecks.build());
    }
}
