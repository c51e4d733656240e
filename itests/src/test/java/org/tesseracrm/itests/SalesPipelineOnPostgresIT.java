package org.tesseracrm.itests;

import static org.junit.Assume.assumeTrue;

import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Accounts, contacts, potentials and conversion (all or nothing) on PostgreSQL (a new database on 127.0.0.1:5432 per run). Skipped, saying
 * so, when no PostgreSQL server answers there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesPipelineOnPostgresIT extends SalesPipelineContract {

    @Configuration
    public Option[] configuration() {
        Option[] postgres = TesseraDistribution.withPostgres();
        if (postgres == null) {
            System.err.println("SKIPPED SalesPipelineOnPostgresIT: no PostgreSQL server on 127.0.0.1:5432");
            return TesseraDistribution.withH2();
        }
        return postgres;
    }

    @Before
    public void requirePostgres() {
        assumeTrue("no PostgreSQL server on 127.0.0.1:5432: PostgreSQL variant skipped",
                "postgresql".equals(System.getProperty("tessera.test.database")));
    }
}
