package org.tesseracrm.platform.internal.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code /api/v1/branding}: the product name and logo a reseller sets in one file,
 * {@code etc/org.tesseracrm.branding.cfg}. Public, so the sign-in screen can show them.
 */
@Component(service = BrandingResource.class, configurationPid = "org.tesseracrm.branding")
@Designate(ocd = BrandingResource.Config.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@javax.ws.rs.Path("branding")
public class BrandingResource {
    private static final Map<String, String> IMAGE_TYPES = Map.of("svg", "image/svg+xml", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp");

    @ObjectClassDefinition(name = "Tessera branding")
    public @interface Config {
        @AttributeDefinition(description = "Product name shown to users")
        String productName() default "Tessera CRM";

        @AttributeDefinition(description = "Logo file (SVG, PNG, JPEG or WebP), relative to the etc folder or absolute")
        String logo() default "branding/logo.svg";
    }

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> branding() {
        return Map.of("productName", org.tesseracrm.platform.api.ConfigText.of(config.productName()), "logoUrl", TesseraApi.BASE + "/branding/logo");
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @javax.ws.rs.Path("logo")
    public Response logo() {
        Path file = logoFile();
        String name = file.getFileName().toString();
        String type = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null || !Files.isRegularFile(file)) {
            throw new NotFoundException("No logo is configured");
        }
        try {
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300);
            return Response.ok(Files.readAllBytes(file), type).cacheControl(cache).build();
        } catch (IOException e) {
            throw new NotFoundException("The logo cannot be read");
        }
    }

    private Path logoFile() {
        Path logo = Paths.get(config.logo());
        if (logo.isAbsolute()) {
            return logo;
        }
        String etc = System.getProperty("karaf.etc", "etc");
        return Paths.get(etc).resolve(logo);
    }
}
