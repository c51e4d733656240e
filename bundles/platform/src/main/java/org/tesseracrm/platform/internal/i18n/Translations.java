package org.tesseracrm.platform.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's messages in other languages, from every active bundle that carries
 * {@code tessera/messages_<language>.txt}: the platform its own, each module the messages of its
 * rules, so a module brings and takes its translations with it.
 */
@Component(service = Translations.class, immediate = true)
public class Translations {
    static final String LANGUAGE = "vi";
    private static final String ENTRY = "tessera/messages_" + LANGUAGE + ".txt";
    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);

    private final Map<Long, MessageCatalogue> byBundle = new ConcurrentHashMap<>();
    /** The installed modules: their names, collections and number prefixes read as their Vietnamese labels. */
    private final Map<ModuleDescriptor, Boolean> modules = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(ModuleDescriptor module) {
        modules.put(module, Boolean.TRUE);
        merge();
    }

    void unbindModule(ModuleDescriptor module) {
        modules.remove(module);
        merge();
    }
    private volatile MessageCatalogue merged = MessageCatalogue.of(List.of());
    private BundleTracker<Long> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<Long>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                URL entry = bundle.getEntry(ENTRY);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = entry.openStream()) {
                    byBundle.put(bundle.getBundleId(), MessageCatalogue.read(in, bundle.getSymbolicName() + "/" + ENTRY));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Messages of bundle {} cannot be read: {}", bundle.getSymbolicName(), e.getMessage());
                    return null;
                }
                merge();
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
                // the entry of a bundle does not change while it is active
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                byBundle.remove(id);
                merge();
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private synchronized void merge() {
        // The platform's general messages last, so a module's specific pattern wins over them.
        List<Long> ids = new ArrayList<>(byBundle.keySet());
        ids.sort((a, b) -> Long.compare(b, a));
        List<MessageCatalogue> parts = new ArrayList<>();
        ids.stream().map(byBundle::get).filter(java.util.Objects::nonNull).forEach(parts::add);
        // "Bản ghi khách hàng tiềm năng không hợp lệ", not "Bản ghi leads không hợp lệ"
        Map<String, String> words = new java.util.LinkedHashMap<>();
        for (ModuleDescriptor m : modules.keySet()) {
            String label = m.labelVi().isEmpty() ? m.labelVi()
                    : m.labelVi().substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag(LANGUAGE)) + m.labelVi().substring(1);
            words.put(m.collection(), label);
            words.put(m.name(), label);
            words.put(m.numberPrefix(), label);
        }
        parts.add(MessageCatalogue.words(words));
        merged = MessageCatalogue.of(parts);
    }

    /** Whether a request that accepts these languages (most preferred first) is answered in ours. */
    static boolean wanted(List<java.util.Locale> acceptable) {
        return !acceptable.isEmpty() && LANGUAGE.equals(acceptable.get(0).getLanguage());
    }

    public MessageCatalogue catalogue() {
        return merged;
    }
}
