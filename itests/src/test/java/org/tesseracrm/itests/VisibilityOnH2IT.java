package org.tesseracrm.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Visibility, ownership and history on the distribution as shipped (H2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VisibilityOnH2IT extends VisibilityContract {

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }
}
