package dev.gatehouse.otp;

import org.junit.jupiter.api.Test;

import dev.gatehouse.otp.rest.OtpResource;
import dev.gatehouse.testing.ResourceRules;

class ResourcesFinishWhatTheyStartTest {

    @Test
    void noResourceLetsAClientsHangUpCancelItsWork() {
        ResourceRules.assertEveryResourceFinishesWhatItStarts(OtpResource.class);
    }
}
