package dev.gatehouse.console;

import org.junit.jupiter.api.Test;

import dev.gatehouse.console.rest.MeResource;
import dev.gatehouse.testing.ResourceRules;

class ResourcesFinishWhatTheyStartTest {

    @Test
    void noResourceLetsAClientsHangUpCancelItsWork() {
        ResourceRules.assertEveryResourceFinishesWhatItStarts(MeResource.class);
    }
}
