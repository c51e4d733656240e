package org.tesseracrm.accounts.internal;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;

/** {@code /api/v1/accounts}: the record endpoints. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource extends RecordResource<Account> {
    private final AccountService accounts;

    @Activate
    public AccountResource(@Reference AccountService accounts,
            @Reference(target = "(tessera.module=accounts)") ModuleDescriptor module) {
        super(Account.class, module);
        this.accounts = accounts;
    }

    @Override
    protected RecordService<Account> service() {
        return accounts;
    }
}
