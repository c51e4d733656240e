package org.tesseracrm.platform.internal.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.Json;

/** The account a record concerns: so an account's timeline and activities gather those of its contacts, deals and documents. */
public final class RecordAccounts {
    public static final String ACCOUNTS = "accounts";

    private RecordAccounts() {
    }

    /** The record itself when it is an account, else the account its module's first reference to accounts names; null when none. */
    public static String of(ModuleDescriptor module, RecordDto record) {
        if (ACCOUNTS.equals(module.collection())) {
            return record.id;
        }
        ObjectNode values = null;
        for (FieldDescriptor f : module.fields()) {
            if (ACCOUNTS.equals(f.references)) {
                values = values == null ? Json.mapper().valueToTree(record) : values;
                JsonNode account = values.get(f.name);
                if (account != null && account.isTextual() && !account.textValue().isEmpty()) {
                    return account.textValue();
                }
            }
        }
        return null;
    }
}
