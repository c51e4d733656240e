package org.tesseracrm.platform.internal.db;

import org.tesseracrm.platform.persistence.JpaRecordService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.References;

/** Follows the collections of whatever modules are installed right now. */
@Component(service = References.class, immediate = true)
public class CollectionRegistry implements References {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<CollectionIndex> indexes = new CopyOnWriteArrayList<>();

    @Override
    public boolean isInstalled(String collection) {
        return indexes.stream().anyMatch(i -> i.collection().equals(collection));
    }

    @Override
    public Optional<RecordRef> find(String collection, String id) {
        for (CollectionIndex index : indexes) {
            if (index.collection().equals(collection)) {
                return index.find(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> accountOf(String collection, String id) {
        for (CollectionIndex index : indexes) {
            if (index.collection().equals(collection) && index instanceof JpaRecordService) {
                JpaRecordService<?, ?> service = (JpaRecordService<?, ?>) index;
                try {
                    return Optional.ofNullable(RecordAccounts.of(service.descriptor(), service.get(id)));
                } catch (org.tesseracrm.platform.api.RecordNotFoundException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public OptionalLong count(String collection, Map<String, String> filters) {
        for (CollectionIndex index : indexes) {
            if (index.collection().equals(collection)) {
                return index.count(filters);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public List<RecordRef> search(String q, int limit) {
        List<CollectionIndex> sorted = new ArrayList<>(indexes);
        sorted.sort(java.util.Comparator.comparing(CollectionIndex::collection));
        List<RecordRef> found = new ArrayList<>();
        for (CollectionIndex index : sorted) {
            found.addAll(index.search(q, limit));
        }
        return found;
    }

    @Override
    public List<RecordRef> pointingTo(String collection, String id, int limit) {
        List<RecordRef> found = new ArrayList<>();
        for (CollectionIndex index : indexes) {
            if (found.size() >= limit) {
                break;
            }
            found.addAll(index.pointingTo(collection, id, limit - found.size()));
        }
        return found;
    }
}
