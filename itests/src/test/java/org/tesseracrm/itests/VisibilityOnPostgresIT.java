package org.tesseracrm.itests;

import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Visibility, ownership and history on PostgreSQL. Skipped, saying so, when no server answers there. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VisibilityOnPostgresIT extends VisibilityContract {

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withPostgresOrSkip(getClass().getSimpleName());
    }

    @Before
    public void requirePostgres() {
        TesseraDistribution.requirePostgres();
    }
}
