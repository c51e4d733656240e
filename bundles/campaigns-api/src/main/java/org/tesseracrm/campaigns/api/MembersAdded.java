package org.tesseracrm.campaigns.api;

import java.util.List;

/** The members for the ids asked for, and how many of them are new (the others were members already). */
public class MembersAdded {
    public List<CampaignMember> items;
    public int added;
}
