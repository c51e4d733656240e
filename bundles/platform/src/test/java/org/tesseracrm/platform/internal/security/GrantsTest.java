package org.tesseracrm.platform.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class GrantsTest {

    @Test
    public void rolesAddUpModuleByModuleAndWriteNeverWidensByARead() {
        Grants g = new Grants.Builder()
                .grant("leads", true, Scope.OWN)      // sales: changes their own leads
                .grant("*", false, Scope.ALL)         // viewer: reads everything
                .grant("accounts", true, Scope.TEAM)
                .grant("accounts", false, Scope.OWN)
                .build();
        assertEquals(Scope.ALL, g.readScope("leads"));
        assertEquals("reading everything does not let one change everything", Scope.OWN, g.writeScope("leads"));
        assertEquals(Scope.ALL, g.readScope("accounts"));
        assertEquals(Scope.TEAM, g.writeScope("accounts"));
        assertEquals(Scope.ALL, g.readScope("vendors"));
        assertNull(g.writeScope("vendors"));
    }

    @Test
    public void withoutAGrantAModuleIsNeitherReadNorChanged() {
        Grants g = new Grants.Builder().grant("leads", false, Scope.TEAM).build();
        assertEquals(Scope.TEAM, g.readScope("leads"));
        assertNull(g.writeScope("leads"));
        assertNull(g.readScope("contacts"));
        assertNull(Grants.NONE.readScope("leads"));
    }

    @Test
    public void scopesParseFromTheirWireNames() {
        assertEquals(Scope.OWN, Scope.parse("own"));
        assertEquals(Scope.TEAM, Scope.parse("TEAM"));
        assertEquals("all", Scope.ALL.wire());
        assertNull(Scope.parse("galaxy"));
        assertNull(Scope.parse(null));
    }
}
