package org.tesseracrm.platform.internal.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tesseracrm.platform.api.HistoryEntry.FieldChange;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/**
 * The names of the events a change of a record makes, from its module's descriptor:
 * {@code <collection>.<action>} ({@code leads.created}, {@code leads.converted}), for a picklist
 * whose value changed {@code <collection>.<field>_changed} ({@code potentials.stage_changed}), and
 * for a status moved along its steps {@code <collection>.<new value>} ({@code invoices.paid}).
 * Endpoints subscribe to names or to patterns: {@code leads.*}, {@code *}.
 */
final class WebhookEvents {
    static final String PING = "ping";
    /** An event name or a pattern an endpoint may subscribe to. */
    private static final Pattern SUBSCRIPTION = Pattern.compile("\\*|[a-z0-9-]+\\.(\\*|[a-z0-9_]+)|ping");

    private WebhookEvents() {
    }

    /** The events of one change: its action, and the picklists and statuses it changed. */
    static Set<String> of(ModuleDescriptor module, String collection, String action, List<FieldChange> changes) {
        Set<String> names = new LinkedHashSet<>();
        names.add(collection + "." + action.toLowerCase(Locale.ROOT));
        if (module == null) {
            return names;
        }
        for (FieldChange change : changes) {
            FieldDescriptor field = field(module, change.field);
            if (field == null || !picklist(field) || RecordEvents.CREATED.equals(action)) {
                continue;
            }
            names.add(collection + "." + change.field + "_changed");
            if (!field.steps.isEmpty() && change.to != null) {
                names.add(collection + "." + text(change.to).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Every event the installed modules make that is known before it happens, by module. */
    static List<String> catalogue(Collection<ModuleDescriptor> modules) {
        Set<String> names = new LinkedHashSet<>(); // a status named like an action (CREATED) is one event
        for (ModuleDescriptor m : modules) {
            String c = m.collection();
            for (String action : List.of(RecordEvents.CREATED, RecordEvents.UPDATED, RecordEvents.DELETED, RecordEvents.RESTORED)) {
                names.add(c + "." + action.toLowerCase(Locale.ROOT));
            }
            if (!m.duplicateKeys().isEmpty()) {
                names.add(c + ".merged");
            }
            for (FieldDescriptor f : m.fields()) {
                if (picklist(f)) {
                    names.add(c + "." + f.name + "_changed");
                    if (!f.steps.isEmpty()) {
                        f.enumValues().forEach(v -> names.add(c + "." + v.value.toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    static boolean validSubscription(String pattern) {
        return pattern != null && SUBSCRIPTION.matcher(pattern).matches();
    }

    /** Whether {@code name} is one of those {@code subscriptions} asks for. */
    static boolean wanted(List<String> subscriptions, String name) {
        for (String s : subscriptions) {
            if (s.equals("*") ? !PING.equals(name) : s.equals(name) || s.endsWith(".*") && name.startsWith(s.substring(0, s.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The collection a subscription is about ({@code leads} of {@code leads.*}), or null for {@code *} and {@code ping}. */
    static String collectionOf(String subscription) {
        int dot = subscription.indexOf('.');
        return dot < 0 ? null : subscription.substring(0, dot);
    }

    private static boolean picklist(FieldDescriptor f) {
        return f.type == FieldType.ENUM && !f.custom;
    }

    private static FieldDescriptor field(ModuleDescriptor module, String name) {
        for (FieldDescriptor f : module.fields()) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof com.fasterxml.jackson.databind.JsonNode ? ((com.fasterxml.jackson.databind.JsonNode) value).asText()
                : String.valueOf(value);
    }
}
