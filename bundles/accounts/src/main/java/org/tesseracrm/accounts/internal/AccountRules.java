package org.tesseracrm.accounts.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.persistence.RecordRules;

/**
 * An organisation's name is unique among live organisations (unless configured otherwise or a create
 * asks to accept a duplicate), a person's is not; the hierarchy of parent accounts has no cycle.
 */
final class AccountRules implements RecordRules<Account, AccountEntity> {
    private static final int MAX_DEPTH = 100;
    /** Set for the duration of a create that was asked to accept a duplicate name. */
    private static final ThreadLocal<Boolean> DUPLICATE_ALLOWED = ThreadLocal.withInitial(() -> false);

    private final boolean allowDuplicateNames;

    AccountRules(boolean allowDuplicateNames) {
        this.allowDuplicateNames = allowDuplicateNames;
    }

    /** Runs a create that accepts (or not) a duplicate organisation name. */
    static <T> T acceptingDuplicateName(boolean accept, Supplier<T> create) {
        DUPLICATE_ALLOWED.set(accept);
        try {
            return create.get();
        } finally {
            DUPLICATE_ALLOWED.remove();
        }
    }

    @Override
    public String label(AccountEntity account) {
        return account.name;
    }

    @Override
    public void beforeCreate(EntityManager em, AccountEntity account, Account record, String user) {
        settle(em, account);
    }

    @Override
    public void beforeUpdate(EntityManager em, AccountEntity account, Account before, Account record, String user) {
        settle(em, account);
    }

    @Override
    public void beforeDelete(EntityManager em, AccountEntity account, String user) {
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
    public boolean comparedBy(Account record, List<String> duplicateKey) {
        return !(Boolean.TRUE.equals(record.individual) && duplicateKey.contains("name"));
    }
}
