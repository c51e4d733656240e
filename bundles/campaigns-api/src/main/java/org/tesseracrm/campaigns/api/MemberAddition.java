package org.tesseracrm.campaigns.api;

import java.util.List;

/** Records of one type to add to a campaign: {@code {"type": "LEAD", "ids": [...]}}. */
public class MemberAddition {
    public MemberType type;
    public List<String> ids;
}
