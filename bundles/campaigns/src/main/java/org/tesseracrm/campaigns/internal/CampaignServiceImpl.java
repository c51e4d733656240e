package org.tesseracrm.campaigns.internal;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.campaigns.api.Campaign;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.CampaignService;
import org.tesseracrm.campaigns.api.MemberAddition;
import org.tesseracrm.campaigns.api.MemberStatus;
import org.tesseracrm.campaigns.api.MemberType;
import org.tesseracrm.campaigns.api.MembersAdded;
import org.tesseracrm.campaigns.api.Offer;
import org.tesseracrm.campaigns.api.OfferChannel;
import org.tesseracrm.campaigns.api.OfferRequest;
import org.tesseracrm.campaigns.api.OfferResponse;
import org.tesseracrm.platform.api.Decimals;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.persistence.ChildRows;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.potentials.api.Pipeline;
import org.tesseracrm.potentials.api.PipelineQuery;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.potentials.api.PotentialStage;

/**
 * Campaigns on the platform's record machinery ({@link CampaignRules}), with their members (leads, contacts, accounts
 * checked against the modules that own them), offers, responses, and results gathered from the
 * modules that own each figure.
 */
@Component(immediate = true, service = {CampaignService.class, CollectionIndex.class})
public class CampaignServiceImpl extends JpaRecordService<Campaign, CampaignEntity> implements CampaignService {
    /** Ids one request may add; more is a 422 asking for smaller batches. */
    static final int MAX_IDS = 1000;
    /** Clocks differ a little between client and server. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PotentialService potentials;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile org.tesseracrm.platform.api.mail.Mailer mailer;

    /** The child collection of members, and the actions that change it (in the campaign's history). */
    static final String MEMBERS = "members";
    static final String MEMBERS_ADDED = "MEMBERS_ADDED";
    static final String MEMBER_CHANGED = "MEMBER_CHANGED";
    static final String OFFERS = "offers";
    static final String OFFERS_MADE = "OFFERS_MADE";
    static final String RESPONSES = "responses";
    static final String RESPONDED = "RESPONDED";
    private final ChildRows<MemberEntity> memberRows = new ChildRows<>(MemberEntity.class, "campaignId", "addedAt", false);

    @Activate
    public CampaignServiceImpl(@Reference(target = "(tessera.module=campaigns)") ModuleStorage storage) {
        super(storage, Campaign.class, CampaignEntity.class, new CampaignRules(storage.context()));
    }

    // ---- members ----

    @Override
    public MembersAdded addMembers(String campaignId, MemberAddition addition, String user) {
        List<String> ids = checkAddition(addition);
        References references = context().references();
        String collection = addition.type.collection();
        if (!references.isInstalled(collection)) {
            throw new RuleViolationException("type", "the " + collection + " module is not installed");
        }
        Map<String, RecordRef> found = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String id : ids) {
            references.find(collection, id).ifPresentOrElse(ref -> found.put(id, ref),
                    () -> errors.add(new FieldError("ids", "no live " + collection + " record has id " + id)));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("Some records cannot be members: " + errors, errors);
        }
        MembersAdded result = write(em -> {
            CampaignEntity campaign = lockLive(em, campaignId);
            List<String> newcomers = new ArrayList<>();
            Map<String, MemberEntity> existing = new HashMap<>();
            for (MemberEntity m : em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :c"
                    + " AND m.memberType = :t AND m.recordId IN :ids", MemberEntity.class)
                    .setParameter("c", campaignId).setParameter("t", addition.type).setParameter("ids", ids).getResultList()) {
                existing.put(m.recordId, m);
            }
            MembersAdded added = new MembersAdded();
            added.items = new ArrayList<>();
            Instant now = now();
            for (String id : ids) {
                MemberEntity m = existing.get(id);
                if (m == null) {
                    RecordRef ref = found.get(id);
                    m = new MemberEntity();
                    m.id = RecordIds.newId();
                    m.campaignId = campaignId;
                    m.memberType = addition.type;
                    m.recordId = id;
                    m.number = ref.number;
                    m.name = ref.label == null ? null : ref.label.length() > 255 ? ref.label.substring(0, 255) : ref.label;
                    m.status = MemberStatus.PLANNED;
                    m.addedAt = now;
                    m.addedBy = user;
                    m.updatedAt = now;
                    m.updatedBy = user;
                    em.persist(m);
                    added.added++;
                    newcomers.add(labelOf(m));
                }
                added.items.add(m.toDto());
            }
            if (!newcomers.isEmpty()) {
                childChanged(campaign, MEMBERS_ADDED, MEMBERS, null, newcomers, user);
            }
            return added;
        });
        return result;
    }

    private static List<String> checkAddition(MemberAddition addition) {
        List<FieldError> errors = new ArrayList<>();
        if (addition.type == null) {
            errors.add(new FieldError("type", "is required: LEAD, CONTACT or ACCOUNT"));
        }
        Set<String> ids = new LinkedHashSet<>();
        if (addition.ids == null || addition.ids.isEmpty()) {
            errors.add(new FieldError("ids", "is required: the ids of the records to add"));
        } else if (addition.ids.size() > MAX_IDS) {
            errors.add(new FieldError("ids", "at most " + MAX_IDS + " ids per request"));
        } else {
            for (String id : addition.ids) {
                if (id == null || id.isBlank() || id.length() > 36) {
                    errors.add(new FieldError("ids", "holds an invalid id: " + id));
                } else {
                    ids.add(id);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The members cannot be added: " + errors, errors);
        }
        return new ArrayList<>(ids);
    }

    @Override
    public Page<CampaignMember> members(String campaignId, MemberStatus status, int limit, String cursor) {
        return read(em -> {
            findLive(em, campaignId);
            Page<MemberEntity> page = memberRows.page(em, campaignId, status == null ? Map.of() : Map.of("status", status), limit,
                    cursor, this::visible);
            return new Page<>(page.items.stream().map(MemberEntity::toDto).toList(), page.nextCursor);
        });
    }

    /** Whether the caller may see the record a member is (a colleague's lead may be out of their scope). */
    private boolean visible(MemberEntity m) {
        String collection = m.memberType.collection();
        return context().visibility(collection).readsAll() || context().references().find(collection, m.recordId).isPresent();
    }

    /** A member as people know it: its number and name. */
    private static String labelOf(MemberEntity m) {
        return m.name == null ? m.number : m.number + " " + m.name;
    }

    @Override
    public List<CampaignMember> members(String campaignId, MemberStatus status) {
        return read(em -> {
            findLive(em, campaignId);
            TypedQuery<MemberEntity> query = em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :c"
                    + (status == null ? "" : " AND m.status = :s") + " ORDER BY m.addedAt, m.id", MemberEntity.class)
                    .setParameter("c", campaignId).setHint("eclipselink.read-only", "true");
            if (status != null) {
                query.setParameter("s", status);
            }
            List<CampaignMember> members = new ArrayList<>();
            for (MemberEntity m : query.getResultList()) {
                if (visible(m)) { // a member the caller may not see (a colleague's lead) is left out, as if it were not there
                    members.add(m.toDto());
                }
            }
            return members;
        });
    }

    @Override
    public CampaignMember changeMemberStatus(String campaignId, String memberId, MemberStatus status, String user) {
        if (status == null) {
            throw new RuleViolationException("status", "is required");
        }
        return write(em -> {
            CampaignEntity campaign = findLive(em, campaignId);
            MemberEntity m = member(em, campaignId, memberId);
            if (m.status != status) {
                childChanged(campaign, MEMBER_CHANGED, MEMBERS, labelOf(m) + ": " + m.status, labelOf(m) + ": " + status, user);
                m.status = status;
                m.updatedAt = now();
                m.updatedBy = user;
            }
            return m.toDto();
        });
    }

    private static MemberEntity member(EntityManager em, String campaignId, String memberId) {
        MemberEntity m = memberId == null ? null : em.find(MemberEntity.class, memberId);
        if (m == null || !m.campaignId.equals(campaignId)) {
            throw new RecordNotFoundException("campaign members", memberId);
        }
        return m;
    }

    // ---- offers and responses ----

    @Override
    public List<Offer> makeOffers(String campaignId, OfferRequest request, String user) {
        checkOffer(request);
        Set<String> optedOut = optedOut(request.channel);
        Map<String, MemberEntity> reached = new HashMap<>();
        List<Offer> made = write(em -> {
            CampaignEntity campaign = lockLive(em, campaignId);
            requireOpen(campaign);
            List<MemberEntity> targets;
            if (request.memberId != null) {
                MemberEntity m = em.find(MemberEntity.class, request.memberId);
                if (m == null || !m.campaignId.equals(campaignId)) {
                    throw new RuleViolationException("memberId", "is not a member of campaign " + campaign.getNumber());
                }
                if (m.status == MemberStatus.DO_NOT_CONTACT) {
                    throw new RuleViolationException("memberId", "the member is DO_NOT_CONTACT");
                }
                if (optedOut.contains(m.recordId)) {
                    throw new RuleViolationException("memberId", m.name + " does not want to be reached by "
                            + request.channel + (request.channel == OfferChannel.EMAIL ? " (emailOptOut)" : " (doNotCall)"));
                }
                targets = List.of(m);
            } else {
                targets = em.createQuery("SELECT m FROM CampaignMember m WHERE m.campaignId = :c AND m.status <> :dnc"
                        + " ORDER BY m.addedAt, m.id", MemberEntity.class)
                        .setParameter("c", campaignId).setParameter("dnc", MemberStatus.DO_NOT_CONTACT).getResultList()
                        .stream().filter(m -> !optedOut.contains(m.recordId)).collect(java.util.stream.Collectors.toList());
                if (targets.isEmpty()) {
                    throw new RuleViolationException("allMembers", "campaign " + campaign.getNumber()
                            + " has no members who may be contacted");
                }
            }
            Instant now = now();
            boolean sentNow = request.scheduledAt == null || !request.scheduledAt.isAfter(now);
            List<Offer> offers = new ArrayList<>(targets.size());
            for (MemberEntity m : targets) {
                OfferEntity o = new OfferEntity();
                o.id = RecordIds.newId();
                o.campaignId = campaignId;
                o.memberId = m.id;
                o.channel = request.channel;
                o.subject = request.subject;
                o.content = request.content;
                o.scheduledAt = request.scheduledAt == null ? now : request.scheduledAt;
                o.sentAt = sentNow ? now : null;
                o.createdAt = now;
                o.createdBy = user;
                em.persist(o);
                reached.put(o.id, m);
                if (sentNow) {
                    contacted(m, now, user);
                }
                offers.add(o.toDto());
            }
            childChanged(campaign, OFFERS_MADE, OFFERS, null, request.channel + (request.subject == null ? "" : " · " + request.subject)
                    + " → " + (targets.size() == 1 ? labelOf(targets.get(0)) : targets.size() + " " + MEMBERS), user);
            return offers;
        });
        if (request.channel == OfferChannel.EMAIL) {
            for (Offer o : made) {
                email(o, reached.get(o.id), user);
            }
        }
        return made;
    }

    static final String NOT_SENT = "NOT_SENT";

    /**
     * An EMAIL offer really sent: queued in the platform's outbox (once per offer, whatever
     * happens), to the member's address, not before the offer is scheduled, with a link that
     * unsubscribes the member. A member without an address the sender may see gets none.
     */
    private void email(Offer o, MemberEntity member, String user) {
        org.tesseracrm.platform.api.mail.Mailer m = mailer;
        if (m == null) {
            return;
        }
        String collection = member.memberType.collection();
        java.util.Optional<String> address = m.addressOf(collection, member.recordId);
        if (address.isEmpty()) {
            o.delivery = NOT_SENT;
            o.deliveryError = "the member has no e-mail address";
            return;
        }
        org.tesseracrm.platform.api.mail.OutgoingEmail e = new org.tesseracrm.platform.api.mail.OutgoingEmail();
        e.collection = collection;
        e.recordId = member.recordId;
        e.accountId = member.memberType == org.tesseracrm.campaigns.api.MemberType.ACCOUNT ? member.recordId : null;
        e.to = List.of(address.get());
        e.subject = o.subject;
        e.body = o.content == null ? "" : o.content;
        e.sender = user;
        e.key = offerKey(o.id);
        e.notBefore = o.scheduledAt;
        e.unsubscribeCollection = collection;
        e.unsubscribeRecordId = member.recordId;
        try {
            org.tesseracrm.platform.api.mail.Email queued = m.queue(e);
            o.delivery = queued.state;
        } catch (org.tesseracrm.platform.api.ProblemException unusable) {
            o.delivery = NOT_SENT;
            o.deliveryError = unusable.getMessage();
        }
    }

    private static String offerKey(String offerId) {
        return "campaign-offer:" + offerId;
    }

    /** EMAIL offers with their e-mail's state, as the outbox has it now. */
    private List<Offer> withDelivery(List<Offer> offers) {
        org.tesseracrm.platform.api.mail.Mailer m = mailer;
        List<String> keys = offers.stream().filter(o -> o.channel == OfferChannel.EMAIL).map(o -> offerKey(o.id))
                .collect(java.util.stream.Collectors.toList());
        if (m == null || keys.isEmpty()) {
            return offers;
        }
        Map<String, org.tesseracrm.platform.api.mail.Email> sent = m.byKeys(keys);
        for (Offer o : offers) {
            if (o.channel == OfferChannel.EMAIL) {
                org.tesseracrm.platform.api.mail.Email e = sent.get(offerKey(o.id));
                o.delivery = e == null ? NOT_SENT : e.state;
                o.deliveryError = e == null ? "the member had no e-mail address" : e.lastError;
            }
        }
        return offers;
    }

    /**
     * The contacts and accounts that asked not to be reached on this channel: e-mail opt-outs for
     * EMAIL, "do not call" for PHONE_CALL (contacts only carry it). Leads carry no opt-out.
     */
    private Set<String> optedOut(OfferChannel channel) {
        Set<String> ids = new java.util.HashSet<>();
        if (channel == OfferChannel.EMAIL) {
            collectIds(contacts, "emailOptOut", ids);
            collectIds(accounts, "emailOptOut", ids);
        } else if (channel == OfferChannel.PHONE_CALL) {
            collectIds(contacts, "doNotCall", ids);
        }
        return ids;
    }

    private static void collectIds(org.tesseracrm.platform.api.RecordService<?> service, String flag, Set<String> ids) {
        if (service == null) {
            return; // module not installed: none of its records can be a member
        }
        String cursor = null;
        do {
            org.tesseracrm.platform.api.Page<? extends org.tesseracrm.platform.api.RecordDto> page = service.list(
                    new ListQuery(null, Map.of(flag, "true"), List.of(), ListQuery.MAX_LIMIT, cursor, false));
            page.items.forEach(r -> ids.add(r.id));
            cursor = page.nextCursor;
        } while (cursor != null);
    }

    private static void checkOffer(OfferRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.channel == null) {
            errors.add(new FieldError("channel", "is required: one of " + List.of(OfferChannel.values())));
        }
        if (request.subject == null || request.subject.isBlank()) {
            errors.add(new FieldError("subject", "is required"));
        } else if (request.subject.length() > 255) {
            errors.add(new FieldError("subject", "must be at most 255 characters"));
        }
        if (request.content != null && request.content.length() > 4000) {
            errors.add(new FieldError("content", "must be at most 4000 characters"));
        }
        boolean all = Boolean.TRUE.equals(request.allMembers);
        if (all == (request.memberId != null)) {
            errors.add(new FieldError("memberId", "give one memberId or \"allMembers\": true"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The offer is not valid: " + errors, errors);
        }
    }

    private static void requireOpen(CampaignEntity campaign) {
        if (campaign.status.isClosed()) {
            throw new RuleViolationException("status", "campaign " + campaign.getNumber() + " is " + campaign.status
                    + " and sends no offers");
        }
    }

    /** A planned member reached by an offer is now contacted; later statuses stay. */
    private static void contacted(MemberEntity m, Instant now, String user) {
        if (m.status == MemberStatus.PLANNED) {
            m.status = MemberStatus.CONTACTED;
            m.updatedAt = now;
            m.updatedBy = user;
        }
    }

    @Override
    public List<Offer> offers(String campaignId) {
        return withDelivery(read(em -> {
            findLive(em, campaignId);
            List<Offer> offers = new ArrayList<>();
            for (OfferEntity o : em.createQuery("SELECT o FROM CampaignOffer o WHERE o.campaignId = :c"
                    + " ORDER BY o.createdAt, o.id", OfferEntity.class).setParameter("c", campaignId)
                    .setHint("eclipselink.read-only", "true").getResultList()) {
                offers.add(o.toDto());
            }
            return offers;
        }));
    }

    @Override
    public Offer markSent(String campaignId, String offerId, String user) {
        return write(em -> {
            CampaignEntity campaign = findLive(em, campaignId);
            OfferEntity o = offer(em, campaignId, offerId);
            if (o.sentAt == null) {
                requireOpen(campaign);
                o.sentAt = now();
                contacted(member(em, campaignId, o.memberId), o.sentAt, user);
            }
            return o.toDto();
        });
    }

    private static OfferEntity offer(EntityManager em, String campaignId, String offerId) {
        OfferEntity o = offerId == null ? null : em.find(OfferEntity.class, offerId);
        if (o == null || !o.campaignId.equals(campaignId)) {
            throw new RecordNotFoundException("campaign offers", offerId);
        }
        return o;
    }

    @Override
    public OfferResponse recordResponse(String campaignId, String offerId, OfferResponse response, String user) {
        Instant now = now();
        if (response.at != null && response.at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RuleViolationException("at", "is in the future");
        }
        if (response.note != null && response.note.length() > 4000) {
            throw new RuleViolationException("note", "must be at most 4000 characters");
        }
        OfferResponse recorded = write(em -> {
            CampaignEntity campaign = findLive(em, campaignId);
            OfferEntity o = offer(em, campaignId, offerId);
            MemberEntity m = member(em, campaignId, o.memberId);
            if (o.sentAt == null) {
                o.sentAt = now; // an answer proves the offer went out
            }
            o.responses++;
            ResponseEntity r = new ResponseEntity();
            r.id = RecordIds.newId();
            r.campaignId = campaignId;
            r.offerId = offerId;
            r.memberId = m.id;
            r.at = response.at == null ? now : response.at;
            r.note = response.note;
            r.recordedBy = user;
            em.persist(r);
            if (m.status != MemberStatus.RESPONDED) {
                m.status = MemberStatus.RESPONDED;
                m.updatedAt = now;
                m.updatedBy = user;
            }
            childChanged(campaign, RESPONDED, RESPONSES, null, labelOf(m) + (r.note == null ? ""
                    : " · " + (r.note.length() > 200 ? r.note.substring(0, 200) + "…" : r.note)), user);
            return r.toDto();
        });
        return recorded;
    }

    // ---- results ----

    @Override
    public CampaignResults results(String campaignId) {
        CampaignResults results = read(em -> {
            CampaignEntity campaign = findLive(em, campaignId);
            CampaignResults r = new CampaignResults();
            r.campaignId = campaignId;
            r.currency = campaign.currency;
            r.actualCost = Money.round(campaign.actualCost, campaign.currency);
            r.membersByStatus = new EnumMap<>(MemberStatus.class);
            for (MemberStatus s : MemberStatus.values()) {
                r.membersByStatus.put(s, 0L);
            }
            for (Object[] row : em.createQuery("SELECT m.status, COUNT(m) FROM CampaignMember m WHERE m.campaignId = :c"
                    + " GROUP BY m.status", Object[].class).setParameter("c", campaignId).getResultList()) {
                r.membersByStatus.put((MemberStatus) row[0], ((Number) row[1]).longValue());
                r.members += ((Number) row[1]).longValue();
            }
            r.offersByChannel = new EnumMap<>(OfferChannel.class);
            for (OfferChannel ch : OfferChannel.values()) {
                r.offersByChannel.put(ch, 0L);
            }
            for (Object[] row : em.createQuery("SELECT o.channel, COUNT(o) FROM CampaignOffer o WHERE o.campaignId = :c"
                    + " GROUP BY o.channel", Object[].class).setParameter("c", campaignId).getResultList()) {
                r.offersByChannel.put((OfferChannel) row[0], ((Number) row[1]).longValue());
                r.offers += ((Number) row[1]).longValue();
            }
            r.responses = em.createQuery("SELECT COUNT(r) FROM CampaignResponse r WHERE r.campaignId = :c", Long.class)
                    .setParameter("c", campaignId).getSingleResult();
            return r;
        });
        addLeadFigures(results);
        addPotentialFigures(results);
        results.emailsByDelivery = new java.util.TreeMap<>();
        for (Offer o : offers(campaignId)) {
            if (o.delivery != null) {
                results.emailsByDelivery.merge(o.delivery, 1L, Long::sum);
            }
        }
        return results;
    }

    /** From the leads module: the default lead list leaves converted leads out, so they are counted apart. */
    private void addLeadFigures(CampaignResults r) {
        References references = context().references();
        OptionalLong open = references.count("leads", Map.of("campaignId", r.campaignId));
        OptionalLong converted = references.count("leads", Map.of("campaignId", r.campaignId, "status", "CONVERTED"));
        if (open.isPresent() && converted.isPresent()) {
            r.leads = open.getAsLong() + converted.getAsLong();
            r.convertedLeads = converted.getAsLong();
        }
    }

    /** From the potentials module: how many, how many won, and the won amount in the campaign's currency; then ROI. */
    private void addPotentialFigures(CampaignResults r) {
        PotentialService pipeline = potentials;
        OptionalLong count = context().references().count("potentials", Map.of("campaignId", r.campaignId));
        if (pipeline == null || count.isEmpty()) {
            return;
        }
        PipelineQuery query = new PipelineQuery();
        query.campaignId = r.campaignId;
        query.currency = r.currency;
        Pipeline byStage = pipeline.pipeline(query);
        r.potentials = count.getAsLong();
        for (Pipeline.Row row : byStage.stages) {
            if (row.stage == PotentialStage.CLOSED_WON) {
                r.wonPotentials = row.count;
                r.wonAmount = row.amount;
            }
        }
        if (r.wonAmount != null && r.actualCost != null && r.actualCost.signum() > 0) {
            r.roi = Decimals.plain(r.wonAmount.subtract(r.actualCost).divide(r.actualCost, 4, RoundingMode.HALF_UP));
        }
    }

    private CampaignEntity lockLive(EntityManager em, String campaignId) {
        CampaignEntity campaign = findLive(em, campaignId);
        // One writer of a campaign's members and offers at a time: no duplicate member, no lost status.
        em.lock(campaign, LockModeType.PESSIMISTIC_WRITE);
        return campaign;
    }
}
