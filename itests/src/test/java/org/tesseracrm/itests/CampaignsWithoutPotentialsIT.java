package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An edition with leads, contacts and campaigns but no potentials or accounts: the campaign still
 * runs, and the figures the missing modules own are null, not zero.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CampaignsWithoutPotentialsIT extends CampaignsContract {

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withFeatures("tessera-leads", "tessera-contacts", "tessera-campaigns");
    }

    @Test
    @Override
    public void campaignResultsAndRoi() {
        String campaignId = campaign(10000000);
        runCampaign(campaignId, map("contact", map("create", true)));
        JsonNode r = api.get("/api/v1/campaigns/" + campaignId + "/results").json();
        assertEquals(r.toString(), 3, r.get("members").asLong());
        assertEquals(2, at(r, "membersByStatus", "RESPONDED"));
        assertEquals(3, r.get("offers").asLong());
        assertEquals(2, r.get("responses").asLong());
        assertEquals(2, r.get("leads").asLong());
        assertEquals(1, r.get("convertedLeads").asLong());
        for (String figure : List.of("potentials", "wonPotentials", "wonAmount", "roi")) {
            assertTrue(figure + " comes from a module that is not installed: " + r, r.get(figure).isNull());
        }
        Api.Reply accounts = api.post("/api/v1/campaigns/" + campaignId + "/members",
                Api.json(map("type", "ACCOUNT", "ids", List.of("01a2094d-e4ed-73f0-b9f9-a9446fc844ca"))));
        assertEquals(accounts.toString(), 422, accounts.status);
        assertTrue(accounts.text, accounts.text.contains("accounts module is not installed"));
    }
}
