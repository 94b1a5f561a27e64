package dev.gatehouse.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at {@link TestIssuer}'s JWKS, with the issuer and audience auth-service uses.
 * Use with {@code @QuarkusTestResource(TrustAuthService.class)}.
 */
public class TrustAuthService implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestIssuer.shared().trustConfig();
    }

    @Override
    public void stop() {
        // The issuer lives for the whole JVM: several test classes may restart Quarkus against it.
    }
}
