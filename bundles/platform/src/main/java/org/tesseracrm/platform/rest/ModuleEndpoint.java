package org.tesseracrm.platform.rest;

/**
 * A module's REST endpoints for one collection, published as an OSGi service with the property
 * {@value #COLLECTION}. The platform's API application routes {@code /api/v1/<collection>/…} to it
 * while it is registered, so modules come and go without rebuilding the JAX-RS application (and
 * without interrupting the other modules' requests). The class carries the JAX-RS method
 * annotations of a sub-resource: {@code @GET}, {@code @Path("{id}")}, … but no class-level
 * {@code @Path}.
 */
public interface ModuleEndpoint {
    /** Service property: the collection below /api/v1 the endpoint serves, e.g. {@code sales-orders}. */
    String COLLECTION = "tessera.endpoint.collection";

    /**
     * Service property of a module's record service (a {@code JpaRecordService} published as a
     * {@code CollectionIndex}): {@code true} when the module has no endpoint class of its own, and
     * the platform serves the standard record endpoints of {@link RecordResource} for its collection.
     */
    String STANDARD = "tessera.endpoint.standard";
}
