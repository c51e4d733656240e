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
}
