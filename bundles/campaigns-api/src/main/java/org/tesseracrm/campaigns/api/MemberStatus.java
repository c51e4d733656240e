package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.Labeled;

/** Where a member stands in the campaign; DO_NOT_CONTACT members get no offers. */
public enum MemberStatus implements Labeled {
    PLANNED, CONTACTED, RESPONDED, NOT_INTERESTED, DO_NOT_CONTACT
}
