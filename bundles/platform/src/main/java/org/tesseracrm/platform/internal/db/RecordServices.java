package org.tesseracrm.platform.internal.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;

/** The installed modules' record services by collection, for platform resources that serve every module. */
@Component(service = RecordServices.class)
public class RecordServices {
    private final Map<String, JpaRecordService<?, ?>> byCollection = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(ServiceReference<CollectionIndex> reference, CollectionIndex index) {
        if (index instanceof JpaRecordService) {
            byCollection.put(index.collection(), (JpaRecordService<?, ?>) index);
        }
    }

    void unbindModule(ServiceReference<CollectionIndex> reference, CollectionIndex index) {
        byCollection.remove(index.collection(), index);
    }

    /** The record service of {@code collection}, or null when no installed module has it. */
    public JpaRecordService<?, ?> of(String collection) {
        return collection == null ? null : byCollection.get(collection);
    }

    /** The record service of the module named {@code module} (e.g. {@code orders}), or null. */
    public JpaRecordService<?, ?> ofModule(String module) {
        for (JpaRecordService<?, ?> service : byCollection.values()) {
            if (service.descriptor().name().equals(module)) {
                return service;
            }
        }
        return null;
    }

    /** Every installed module's record service. */
    public java.util.Collection<JpaRecordService<?, ?>> all() {
        return java.util.List.copyOf(byCollection.values());
    }

    public boolean isInstalled(String collection) {
        return of(collection) != null;
    }
}
