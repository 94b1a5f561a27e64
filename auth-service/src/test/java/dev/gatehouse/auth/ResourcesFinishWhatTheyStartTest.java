package dev.gatehouse.auth;

import org.junit.jupiter.api.Test;

import dev.gatehouse.auth.rest.AuthResource;
import dev.gatehouse.testing.ResourceRules;

class ResourcesFinishWhatTheyStartTest {

    @Test
    void noResourceLetsAClientsHangUpCancelItsWork() {
        ResourceRules.assertEveryResourceFinishesWhatItStarts(AuthResource.class);
    }
}
