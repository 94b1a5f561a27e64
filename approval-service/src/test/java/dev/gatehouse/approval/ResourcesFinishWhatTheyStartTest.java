package dev.gatehouse.approval;

import org.junit.jupiter.api.Test;

import dev.gatehouse.approval.rest.ApprovalResource;
import dev.gatehouse.testing.ResourceRules;

class ResourcesFinishWhatTheyStartTest {

    @Test
    void noResourceLetsAClientsHangUpCancelItsWork() {
        ResourceRules.assertEveryResourceFinishesWhatItStarts(ApprovalResource.class);
    }
}
