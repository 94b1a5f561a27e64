package dev.gatehouse.company;

import org.junit.jupiter.api.Test;

import dev.gatehouse.company.rest.CompanyResource;
import dev.gatehouse.testing.ResourceRules;

class ResourcesFinishWhatTheyStartTest {

    @Test
    void noResourceLetsAClientsHangUpCancelItsWork() {
        ResourceRules.assertEveryResourceFinishesWhatItStarts(CompanyResource.class);
    }
}
