package org.tesseracrm.itests;

import java.util.UUID;

import org.junit.Assume;
import org.junit.BeforeClass;

/** {@link IntegrationsIT} on PostgreSQL: the API description, and webhooks written and delivered through its tables. */
public class IntegrationsOnPostgresIT extends IntegrationsIT {
    @BeforeClass
    public static void start() throws Exception {
        Assume.assumeTrue("no PostgreSQL server on 127.0.0.1:5432", TesseraDistribution.postgresReachable());
        startOn("tessera_it_integrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
    }
}
