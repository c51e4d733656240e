package org.tesseracrm.potentials.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.potentials.api.Pipeline;
import org.tesseracrm.potentials.api.PipelineQuery;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.potentials.api.PotentialStage;
import org.tesseracrm.potentials.api.StageChange;

/** Potentials on the platform's record machinery with {@link PotentialRules}, plus stage history, reopening and the pipeline. */
@Component(immediate = true, service = {PotentialService.class, CollectionIndex.class})
public class PotentialServiceImpl extends JpaRecordService<Potential, PotentialEntity> implements PotentialService {

    @Activate
    public PotentialServiceImpl(@Reference(target = "(tessera.module=potentials)") ModuleStorage storage,
            @Reference PotentialRules rules) {
        super(storage, Potential.class, PotentialEntity.class, rules);
    }

    @Override
    public List<StageChange> history(String id) {
        return read(em -> {
            PotentialEntity potential = findLive(em, id);
            List<StageChange> changes = new ArrayList<>();
            for (StageChangeEntity c : changes(em, id)) {
                changes.add(c.toDto(potential.currency));
            }
            return changes;
        });
    }

    private static List<StageChangeEntity> changes(EntityManager em, String id) {
        return em.createQuery("SELECT c FROM StageChange c WHERE c.potentialId = :id ORDER BY c.at, c.id",
                StageChangeEntity.class).setParameter("id", id).getResultList();
    }

    @Override
    public Potential reopen(String id, PotentialStage stage, String user) {
        if (stage != null && stage.isClosed()) {
            throw new RuleViolationException("stage", "a potential is reopened at an open stage, not " + stage);
        }
        PotentialEntity saved = write(em -> {
            PotentialEntity potential = findLive(em, id);
            if (!potential.stage.isClosed()) {
                throw new ConflictException("Potential " + potential.getNumber() + " is open (" + potential.stage + ")");
            }
            PotentialStage target = stage;
            if (target == null) {
                target = PotentialStage.PROSPECTING;
                for (StageChangeEntity c : changes(em, id)) {
                    if (!c.stage.isClosed()) {
                        target = c.stage;
                    }
                }
            }
            potential.stage = target;
            potential.probability = target.defaultProbability();
            potential.lostReason = null;
            PotentialRules.settle(potential);
            stamp(potential, user, "REOPENED");
            PotentialRules.record(em, potential, user);
            return potential;
        });
        post(RecordEvents.UPDATED, saved, user);
        return toDto(saved);
    }

    @Override
    public Pipeline pipeline(PipelineQuery query) {
        String currency = query.currency == null ? Money.DEFAULT_CURRENCY : query.currency;
        StringBuilder where = new StringBuilder(" WHERE e.deletedAt IS NULL AND e.currency = :currency");
        if ("me".equals(query.assignedTo)) { // "my pipeline", as the lists take it
            query.assignedTo = context().caller();
        }
        if (query.assignedTo != null) {
            where.append(" AND e.assignedTo = :assignedTo");
        }
        if (query.campaignId != null) {
            where.append(" AND e.campaignId = :campaignId");
        }
        if (query.from != null) {
            where.append(" AND e.closeDate >= :from");
        }
        if (query.to != null) {
            where.append(" AND e.closeDate <= :to");
        }
        // the pipeline of the deals the caller may see: their own, their teams', or all
        Conditions visible = new Conditions();
        restrictToVisible(visible);
        if (!visible.isEmpty()) {
            where.append(" AND ").append(visible.clause());
        }
        return read(em -> {
            Pipeline pipeline = new Pipeline();
            pipeline.currency = currency;
            Map<PotentialStage, Pipeline.Row> byStage = new EnumMap<>(PotentialStage.class);
            for (PotentialStage s : PotentialStage.values()) {
                byStage.put(s, row(s, null, 0, null, null, currency));
            }
            for (Object[] r : aggregate(em, "SELECT e.stage, COUNT(e), SUM(e.amount), SUM(e.forecastAmount) FROM Potential e"
                    + where + " GROUP BY e.stage", query, currency, visible)) {
                PotentialStage s = (PotentialStage) r[0];
                byStage.put(s, row(s, null, ((Number) r[1]).longValue(), (BigDecimal) r[2], (BigDecimal) r[3], currency));
            }
            pipeline.stages = new ArrayList<>(byStage.values());
            pipeline.forecast = new ArrayList<>();
            for (Object[] r : aggregate(em, "SELECT e.closeMonth, COUNT(e), SUM(e.amount), SUM(e.forecastAmount) FROM Potential e"
                    + where + " AND e.stage <> :lost GROUP BY e.closeMonth ORDER BY e.closeMonth", query, currency, visible)) {
                pipeline.forecast.add(row(null, (String) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2], (BigDecimal) r[3], currency));
            }
            long count = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            for (Pipeline.Row r : pipeline.stages) {
                count += r.count;
                amount = amount.add(r.amount);
                weighted = weighted.add(r.weightedAmount);
            }
            pipeline.total = row(null, null, count, amount, weighted, currency);
            return pipeline;
        });
    }

    private static List<Object[]> aggregate(EntityManager em, String jpql, PipelineQuery query, String currency,
            Conditions visible) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("currency", currency);
        visible.parameters().forEach(q::setParameter);
        if (jpql.contains(":lost")) {
            q.setParameter("lost", PotentialStage.CLOSED_LOST);
        }
        if (query.assignedTo != null) {
            q.setParameter("assignedTo", query.assignedTo);
        }
        if (query.campaignId != null) {
            q.setParameter("campaignId", query.campaignId);
        }
        if (query.from != null) {
            q.setParameter("from", query.from);
        }
        if (query.to != null) {
            q.setParameter("to", query.to);
        }
        return q.getResultList();
    }

    private static Pipeline.Row row(PotentialStage stage, String month, long count, BigDecimal amount,
            BigDecimal weighted, String currency) {
        Pipeline.Row row = new Pipeline.Row();
        row.stage = stage;
        row.month = month;
        row.count = count;
        row.amount = PotentialRules.inCurrency(amount == null ? BigDecimal.ZERO : amount, currency);
        row.weightedAmount = PotentialRules.inCurrency(weighted == null ? BigDecimal.ZERO : weighted, currency);
        return row;
    }
}
