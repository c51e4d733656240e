package org.tesseracrm.potentials.api;

import org.tesseracrm.platform.api.Labeled;

/** The sales process of a potential, each stage with its default probability (percent). */
public enum PotentialStage implements Labeled {
    PROSPECTING(10),
    QUALIFICATION(20),
    NEEDS_ANALYSIS(25),
    VALUE_PROPOSITION(30),
    ID_DECISION_MAKERS(40),
    PERCEPTION_ANALYSIS(50),
    PROPOSAL_PRICE_QUOTE(65),
    NEGOTIATION_REVIEW(80),
    CLOSED_WON(100),
    CLOSED_LOST(0);

    private final int defaultProbability;

    PotentialStage(int defaultProbability) {
        this.defaultProbability = defaultProbability;
    }

    /** Won or lost: the potential is read-only until reopened. */
    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }

    public int defaultProbability() {
        return defaultProbability;
    }
}
