package org.tesseracrm.accounts.internal;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/** {@code /api/v1/accounts}: the record endpoints. */
@Component(service = AccountResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("accounts")
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
