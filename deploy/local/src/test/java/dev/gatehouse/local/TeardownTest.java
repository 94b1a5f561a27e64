package dev.gatehouse.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TeardownTest {

    @Test
    void stopsLastStartedFirstAndGoesOnAfterAFailure() {
        List<String> stopped = new ArrayList<>();
        Teardown teardown = new Teardown();
        teardown.add("PostgreSQL", () -> stopped.add("PostgreSQL"));
        teardown.add("broken", () -> {
            throw new IllegalStateException("cannot stop");
        });
        teardown.add("services", () -> stopped.add("services"));

        teardown.runAll();

        assertEquals(List.of("services", "PostgreSQL"), stopped);
    }

    @Test
    void stopsAtOnceWhatStartsAfterTheTeardownRan() {
        List<String> stopped = new ArrayList<>();
        Teardown teardown = new Teardown();
        teardown.runAll();

        teardown.add("late service", () -> stopped.add("late service"));

        assertEquals(List.of("late service"), stopped);
    }
}
