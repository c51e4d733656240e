package org.tesseracrm.platform.internal.fields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Json;

/**
 * Custom fields a reseller ships with an edition: {@code etc/tessera-custom-fields.json} holds
 * definitions by collection ({@code {"leads": [{"name": "vung", "type": "picklist", …}]}}), as
 * {@code POST /api/v1/modules/{collection}/fields} takes them. Each is added when its module is
 * installed and the field is not there yet (by any spelling of its name), so applying the file at
 * every start, or when a module comes later, changes nothing twice; what administrators changed since stays.
 */
@Component(immediate = true)
public class EditionFields {
    static final String FILE = "tessera-custom-fields.json";
    private static final Logger LOG = LoggerFactory.getLogger(EditionFields.class);
    private static final TypeReference<Map<String, List<CustomField>>> DEFINITIONS = new TypeReference<>() {
    };

    private final CustomFieldCatalog catalog;

    @Activate
    public EditionFields(@Reference CustomFieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** A module's record service came: its edition fields are added now. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(ServiceReference<CollectionIndex> reference, CollectionIndex index) {
        if (index instanceof JpaRecordService) {
            apply((JpaRecordService<?, ?>) index);
        }
    }

    void unbindModule(ServiceReference<CollectionIndex> reference, CollectionIndex index) {
        // the fields stay with their data; the module's next start finds them
    }

    private void apply(JpaRecordService<?, ?> module) {
        Path file = Paths.get(System.getProperty("karaf.etc", "etc"), FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, List<CustomField>> definitions;
        try {
            definitions = Json.mapper().readValue(Files.readAllBytes(file), DEFINITIONS);
        } catch (IOException e) {
            LOG.warn("{} is not a map of collections to field definitions; no edition field added", file, e);
            return;
        }
        String collection = module.collection();
        for (CustomField f : definitions.getOrDefault(collection, List.of())) {
            if (catalog.field(collection, CustomFieldCatalog.nameOf(f)) != null) {
                continue;
            }
            try {
                CustomField added = catalog.create(collection, module.tableName(), f, "edition", c -> true);
                LOG.info("Edition field {}.{} added from {}", collection, added.name, file);
            } catch (ProblemException e) {
                LOG.warn("Edition field {} of {} in {} not added: {}", f.name, collection, file, e.getMessage());
            }
        }
    }
}
