package org.tesseracrm.platform.internal.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;

import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A JSON answer tagged with a digest of itself, so that a client asking again with that tag in
 * {@code If-None-Match} is answered 304 and nothing else: the web UI asks on every screen whether the
 * installed modules changed, and reloads them only when they did.
 */
final class Revalidated {
    private Revalidated() {
    }

    static Response answer(Request request, Object body) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(body)).tag(tag).build();
    }

    private static String digest(Object body) {
        try {
            byte[] json = Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(body);
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha).substring(0, 22);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag " + body.getClass(), e);
        }
    }
}
