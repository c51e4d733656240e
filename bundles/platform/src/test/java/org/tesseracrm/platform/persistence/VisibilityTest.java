package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.Set;

import org.junit.Test;

public class VisibilityTest {

    @Test
    public void aRecordIsItsAssigneesAndItsCreators() {
        Visibility own = Visibility.of(Set.of("lan"), Set.of("lan"));
        assertTrue(own.mayRead("lan", "admin"));
        assertTrue("created by her, handed to a colleague", own.mayRead("minh", "lan"));
        assertFalse(own.mayRead("minh", "admin"));
        assertFalse(own.mayRead(null, null));
        assertFalse(own.readsAll());
    }

    @Test
    public void readingAllWhileChangingOnlyOnesOwn() {
        Visibility v = Visibility.of(null, Set.of("lan"));
        assertTrue(v.readsAll());
        assertTrue(v.mayRead("minh", "minh"));
        assertFalse(v.mayWrite("minh", "minh"));
        assertTrue(v.mayWrite("lan", "minh"));
        assertFalse(Visibility.NONE.mayRead("lan", "lan"));
        assertSame(Visibility.ALL, Visibility.of(null, null));
    }
}
