package org.tesseracrm.accounts.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.accounts.api.AccountEvents;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** Accounts on the platform's record machinery, plus unique organisation names and a cycle-free hierarchy. */
@Component(immediate = true, service = {AccountService.class, CollectionIndex.class}, property = {CollectionIndex.PROPERTY + "=accounts", ModuleEndpoint.STANDARD + "=true"},
        configurationPid = "org.tesseracrm.accounts")
@Designate(ocd = AccountServiceImpl.Config.class)
public class AccountServiceImpl extends JpaRecordService<Account, AccountEntity> implements AccountService {
    private static final int MAX_DEPTH = 100;
    /** Set for the duration of a create that was asked to accept a duplicate name. */
    private static final ThreadLocal<Boolean> DUPLICATE_ALLOWED = ThreadLocal.withInitial(() -> false);

    @ObjectClassDefinition(name = "Tessera accounts")
    public @interface Config {
        @AttributeDefinition(description = "Allow two organisation accounts with the same name")
        boolean allowDuplicateNames() default false;
    }

    private final boolean allowDuplicateNames;

    @Activate
    public AccountServiceImpl(@Reference(target = "(osgi.unit.name=tessera-accounts)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=accounts)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=accounts)") ModuleSchema schema, @Reference RecordContext context, Config config) {
        super(module, Account.class, AccountEntity.class, jpa, context);
        this.allowDuplicateNames = config.allowDuplicateNames();
    }

    @Override
    public Account create(Account account, String user, boolean allowDuplicateName) {
        DUPLICATE_ALLOWED.set(allowDuplicateName);
        try {
            return create(account, user);
        } finally {
            DUPLICATE_ALLOWED.remove();
        }
    }

    @Override
    public Optional<Account> findOrganisation(String name) {
        String key = TextFolding.fold(name);
        return read(em -> em.createQuery("SELECT e FROM Account e WHERE e.deletedAt IS NULL AND e.individual = false"
                + " AND e.nameKey = :key ORDER BY e.number", AccountEntity.class)
                .setParameter("key", key).setMaxResults(1).getResultList().stream().findFirst()
                // an organisation the caller may not see is not theirs to link to
                .filter(this::readable).map(this::toDto));
    }

    @Override
    protected String labelOf(AccountEntity account) {
        return account.name;
    }

    @Override
    protected void beforeCreate(EntityManager em, AccountEntity account, String user) {
        settle(em, account);
    }

    @Override
    protected void beforeUpdate(EntityManager em, AccountEntity account, Account before, String user) {
        settle(em, account);
    }

    @Override
    protected void beforeDelete(EntityManager em, AccountEntity account, String user) {
        account.uniqueName = null; // a deleted organisation leaves its name free; restoring claims it again
    }

    private void settle(EntityManager em, AccountEntity account) {
        if (account.individual == null) {
            account.individual = false;
        }
        if (account.emailOptOut == null) {
            account.emailOptOut = false;
        }
        if (account.annualRevenue != null) {
            account.annualRevenue = account.annualRevenue.setScale(2);
        }
        account.nameKey = TextFolding.fold(account.name);
        boolean claimsName = !account.individual && !allowDuplicateNames && !DUPLICATE_ALLOWED.get();
        account.uniqueName = claimsName ? account.nameKey : null;
        if (claimsName) {
            List<AccountEntity> same = em.createQuery("SELECT e FROM Account e WHERE e.deletedAt IS NULL"
                    + " AND e.individual = false AND e.nameKey = :key AND e.id <> :id ORDER BY e.number", AccountEntity.class)
                    .setParameter("key", account.nameKey).setParameter("id", account.getId() == null ? "" : account.getId())
                    .setMaxResults(1).getResultList();
            if (!same.isEmpty()) {
                AccountEntity existing = same.get(0);
                throw new ConflictException("An organisation named '" + existing.name + "' already exists: "
                        + existing.getNumber()).with("existingId", existing.getId()).with("existingNumber", existing.getNumber());
            }
        }
        checkHierarchy(em, account);
    }

    /** Walks up from the new parent; meeting the account itself would make a cycle. */
    private static void checkHierarchy(EntityManager em, AccountEntity account) {
        Set<String> seen = new HashSet<>();
        String parent = account.parentId;
        for (int depth = 0; parent != null; depth++) {
            if (parent.equals(account.getId()) || !seen.add(parent) || depth > MAX_DEPTH) {
                throw new RuleViolationException("The account hierarchy would have a cycle",
                        List.of(new FieldError("parentId", "would make the account a member of itself")));
            }
            AccountEntity p = em.find(AccountEntity.class, parent);
            parent = p == null ? null : p.parentId;
        }
    }

    /** A person's account may share its name with others (two customers called Nguyễn Văn An); a company's may not. */
    @Override
    protected boolean comparedBy(Account record, List<String> duplicateKey) {
        return !(Boolean.TRUE.equals(record.individual) && duplicateKey.contains("name"));
    }
}
