package org.tesseracrm.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class StateMachineTest {
    enum Light { RED, GREEN, AMBER, OFF }

    private final StateMachine<Light> machine = StateMachine.of(Light.class, "light")
            .allow(Light.RED, Light.GREEN)
            .allow(Light.GREEN, Light.AMBER)
            .allow(Light.AMBER, Light.RED, Light.OFF)
            .build();

    @Test
    public void allowsDeclaredAndUnchangedTransitions() {
        assertTrue(machine.allows(Light.RED, Light.GREEN));
        assertTrue(machine.allows(Light.GREEN, Light.GREEN));
        assertFalse(machine.allows(Light.RED, Light.AMBER));
    }

    @Test
    public void illegalChangeIsARuleViolationNamingTheAllowedTargets() {
        try {
            machine.check(Light.AMBER, Light.GREEN);
            fail();
        } catch (RuleViolationException e) {
            assertEquals(422, e.status());
            assertEquals("light", e.errors().get(0).field);
            assertTrue(e.getMessage(), e.getMessage().contains("RED, OFF") || e.getMessage().contains("OFF, RED"));
        }
    }

    @Test
    public void finalStatesSaySo() {
        try {
            machine.check(Light.OFF, Light.RED);
            fail();
        } catch (RuleViolationException e) {
            assertTrue(e.getMessage().contains("OFF is final"));
        }
    }
}
