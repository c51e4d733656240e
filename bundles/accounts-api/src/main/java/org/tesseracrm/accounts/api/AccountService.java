package org.tesseracrm.accounts.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/**
 * The accounts of the CRM. Organisation names are unique (case- and accent-insensitively) unless
 * the {@code org.tesseracrm.accounts} setting {@code allowDuplicateNames} is true; a duplicate is a
 * 409 whose problem names the existing account ({@code existingId}).
 */
@ProviderType
public interface AccountService extends RecordService<Account> {

    /** Creates an account; {@code allowDuplicateName} creates it even when the organisation name exists. */
    Account create(Account account, String user, boolean allowDuplicateName);

    /** The live organisation account of this name (compared case- and accent-insensitively), if any. */
    Optional<Account> findOrganisation(String name);
}
