package org.tesseracrm.campaigns.internal;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.EntityManager;

import org.tesseracrm.campaigns.api.Campaign;
import org.tesseracrm.campaigns.api.CampaignStatus;
import org.tesseracrm.campaigns.api.MemberType;
import org.tesseracrm.platform.api.Decimals;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.RecordRules;

/**
 * A campaign is named by its name, starts PLANNING (or ACTIVE), moves along its statuses, keeps its
 * money exact in its currency and its dates in order; a merged lead, contact or account's memberships follow it.
 */
final class CampaignRules implements RecordRules<Campaign, CampaignEntity> {
    static final StateMachine<CampaignStatus> STATUSES = StateMachine.of(CampaignStatus.class, "status")
            .allow(CampaignStatus.PLANNING, CampaignStatus.ACTIVE, CampaignStatus.CANCELLED)
            .allow(CampaignStatus.ACTIVE, CampaignStatus.INACTIVE, CampaignStatus.COMPLETED, CampaignStatus.CANCELLED)
            .allow(CampaignStatus.INACTIVE, CampaignStatus.ACTIVE, CampaignStatus.COMPLETED, CampaignStatus.CANCELLED)
            .build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RecordContext context;

    CampaignRules(RecordContext context) {
        this.context = context;
    }

    @Override
    public String label(CampaignEntity campaign) {
        return campaign.name;
    }

    @Override
    public void validate(Campaign c, CampaignEntity existing, List<FieldError> errors) {
        if (existing == null && c.status != null && c.status != CampaignStatus.PLANNING && c.status != CampaignStatus.ACTIVE) {
            errors.add(new FieldError("status", "a new campaign starts as PLANNING or ACTIVE"));
        }
        if (c.currency == null) {
            c.currency = Money.DEFAULT_CURRENCY;
        } else if (!Money.isCurrency(c.currency)) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
            return;
        }
        c.budget = money("budget", c.budget, c.currency, errors);
        c.actualCost = money("actualCost", c.actualCost, c.currency, errors);
        c.expectedRevenue = money("expectedRevenue", c.expectedRevenue, c.currency, errors);
        if (c.expectedResponse != null && (c.expectedResponse.signum() < 0 || c.expectedResponse.compareTo(HUNDRED) > 0)) {
            errors.add(new FieldError("expectedResponse", "must be a percentage between 0 and 100"));
        }
        if (c.startDate != null && c.endDate != null && c.endDate.isBefore(c.startDate)) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
    }

    private static BigDecimal money(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        if (amount != null && amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return amount;
        }
        try {
            return Money.exact(field, amount, currency);
        } catch (RuleViolationException e) {
            errors.addAll(e.errors());
            return amount;
        }
    }

    @Override
    public void beforeCreate(EntityManager em, CampaignEntity campaign, Campaign record, String user) {
        if (campaign.status == null) {
            campaign.status = CampaignStatus.PLANNING;
        }
    }

    @Override
    public void beforeUpdate(EntityManager em, CampaignEntity campaign, Campaign before, Campaign record, String user) {
        if (campaign.status == null) {
            campaign.status = before.status;
        }
        STATUSES.check(before.status, campaign.status);
    }

    @Override
    public void complete(CampaignEntity entity, Campaign dto) {
        dto.budget = Money.round(entity.budget, entity.currency);
        dto.actualCost = Money.round(entity.actualCost, entity.currency);
        dto.expectedRevenue = Money.round(entity.expectedRevenue, entity.currency);
        dto.expectedResponse = Decimals.plain(entity.expectedResponse);
    }

    /**
     * A lead, contact or account merged into another: its memberships are the survivor's; where the
     * survivor is a member of the campaign already, the merged member's offers and responses join it.
     */
    @Override
    public int repointOwn(EntityManager em, String collection, String fromId, String toId, String user) {
        MemberType type = java.util.Arrays.stream(MemberType.values()).filter(t -> t.collection().equals(collection)).findFirst()
                .orElse(null);
        if (type == null) {
            return 0;
        }
        int moved = 0;
        RecordRef survivor = null;
        for (MemberEntity m : em.createQuery("SELECT m FROM CampaignMember m WHERE m.memberType = :t AND m.recordId = :id",
                MemberEntity.class).setParameter("t", type).setParameter("id", fromId).getResultList()) {
            List<MemberEntity> already = em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :c"
                    + " AND m.memberType = :t AND m.recordId = :id", MemberEntity.class)
                    .setParameter("c", m.campaignId).setParameter("t", type).setParameter("id", toId).getResultList();
            if (already.isEmpty()) {
                if (survivor == null) {
                    survivor = context.references().find(collection, toId).orElse(new RecordRef(collection, toId, null, null));
                }
                m.recordId = toId;
                m.number = survivor.number;
                m.name = survivor.label == null ? null : survivor.label.length() > 255 ? survivor.label.substring(0, 255) : survivor.label;
                m.updatedAt = JpaRecordService.now();
                m.updatedBy = user;
            } else {
                String kept = already.get(0).id;
                em.createQuery("UPDATE CampaignOffer o SET o.memberId = :kept WHERE o.memberId = :m")
                        .setParameter("kept", kept).setParameter("m", m.id).executeUpdate();
                em.createQuery("UPDATE CampaignResponse r SET r.memberId = :kept WHERE r.memberId = :m")
                        .setParameter("kept", kept).setParameter("m", m.id).executeUpdate();
                em.remove(m);
            }
            moved++;
        }
        em.flush();
        return moved;
    }
}
