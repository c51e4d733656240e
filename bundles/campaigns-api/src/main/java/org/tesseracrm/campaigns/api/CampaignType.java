package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.Labeled;

public enum CampaignType implements Labeled {
    EMAIL, TELEMARKETING, SEMINAR, TRADE_SHOW, ADVERTISEMENT, DIRECT_MAIL, SOCIAL, WEBINAR, REFERRAL, OTHER
}
