package org.tesseracrm.potentials.api;

import org.tesseracrm.platform.api.Labeled;

/** The sales process of a potential, each stage with its default probability (percent). */
public enum PotentialStage implements Labeled {
    PROSPECTING("Prospecting", "Tìm kiếm", 10),
    QUALIFICATION("Qualification", "Đánh giá", 20),
    NEEDS_ANALYSIS("Needs analysis", "Phân tích nhu cầu", 25),
    VALUE_PROPOSITION("Value proposition", "Đề xuất giá trị", 30),
    ID_DECISION_MAKERS("Id. decision makers", "Xác định người quyết định", 40),
    PERCEPTION_ANALYSIS("Perception analysis", "Phân tích nhận thức", 50),
    PROPOSAL_PRICE_QUOTE("Proposal/price quote", "Đề xuất/báo giá", 65),
    NEGOTIATION_REVIEW("Negotiation/review", "Đàm phán/xem xét", 80),
    CLOSED_WON("Closed won", "Thành công", 100),
    CLOSED_LOST("Closed lost", "Thất bại", 0);

    private final String en;
    private final String vi;
    private final int defaultProbability;

    PotentialStage(String en, String vi, int defaultProbability) {
        this.en = en;
        this.vi = vi;
        this.defaultProbability = defaultProbability;
    }

    @Override
    public String labelEn() {
        return en;
    }

    @Override
    public String labelVi() {
        return vi;
    }

    /** Won or lost: the potential is read-only until reopened. */
    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }

    public int defaultProbability() {
        return defaultProbability;
    }
}
