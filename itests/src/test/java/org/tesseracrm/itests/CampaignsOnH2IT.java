package org.tesseracrm.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Campaigns in the full edition on H2. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CampaignsOnH2IT extends CampaignsContract {

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }
}
