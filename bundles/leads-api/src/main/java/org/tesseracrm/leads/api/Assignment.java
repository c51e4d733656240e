package org.tesseracrm.leads.api;

import java.util.List;

/** Leads to share out over salespeople, round robin in the order given. */
public class Assignment {
    public List<String> leadIds;
    public List<String> assignees;
}
