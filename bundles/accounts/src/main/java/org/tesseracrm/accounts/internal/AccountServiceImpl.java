package org.tesseracrm.accounts.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** Accounts on the platform's record machinery; unique organisation names and a cycle-free hierarchy are {@link AccountRules}. */
@Component(immediate = true, service = {AccountService.class, CollectionIndex.class}, property = ModuleEndpoint.STANDARD + "=true",
        configurationPid = "org.tesseracrm.accounts")
@Designate(ocd = AccountServiceImpl.Config.class)
public class AccountServiceImpl extends JpaRecordService<Account, AccountEntity> implements AccountService {

    @ObjectClassDefinition(name = "Tessera accounts")
    public @interface Config {
        @AttributeDefinition(description = "Allow two organisation accounts with the same name")
        boolean allowDuplicateNames() default false;
    }

    @Activate
    public AccountServiceImpl(@Reference(target = "(tessera.module=accounts)") ModuleStorage storage, Config config) {
        super(storage, Account.class, AccountEntity.class, new AccountRules(config.allowDuplicateNames()));
    }

    @Override
    public Account create(Account account, String user, boolean allowDuplicateName) {
        return AccountRules.acceptingDuplicateName(allowDuplicateName, () -> create(account, user));
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
}
