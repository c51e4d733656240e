package org.tesseracrm.platform.internal.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.tesseracrm.platform.api.ConfigText;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

/**
 * The subject and body a message from a record starts with, per language, filled by FreeMarker with
 * the record's fields ({@code record}), the recipient's name, the sender and the company. A template
 * is plain text whose first line is {@code Subject: …}; a reseller's
 * {@code etc/tessera/mail/<collection>_<lang>.ftl} (or {@code <kind>_<lang>.ftl}, kind {@code record}
 * or {@code document}) comes before the shipped one.
 */
@Component(service = MailTemplates.class, configurationPid = "org.tesseracrm.branding", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class MailTemplates {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailTemplates.class);
    /** The shipped templates, under a name no reseller's file can take. */
    private static final String SHIPPED = "shipped:";
    private final Configuration templates;
    private volatile String company = "";

    public MailTemplates() {
        templates = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader shipped = new ShippedTemplates(new ClassTemplateLoader(MailTemplates.class.getClassLoader(), "/mail"));
        TemplateLoader resellers = resellers();
        templates.setTemplateLoader(resellers == null ? shipped : new MultiTemplateLoader(new TemplateLoader[] { resellers, shipped }));
        templates.setDefaultEncoding("UTF-8");
        templates.setLocalizedLookup(false);
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
    }

    /**
     * {@code etc/tessera/mail}, made when missing so that a reseller finds where their templates go;
     * FreeMarker's file loader keeps every name inside it. Null when it cannot be made or read.
     */
    private static TemplateLoader resellers() {
        Path folder = Paths.get(System.getProperty("karaf.etc", "etc")).resolve("tessera/mail");
        try {
            Files.createDirectories(folder);
            return new FileTemplateLoader(folder.toFile());
        } catch (IOException | RuntimeException e) {
            // a read-only etc: the shipped templates still serve
            LOG.warn("No e-mail templates read from {}: {}", folder, e.toString());
            return null;
        }
    }

    @Activate
    @Modified
    void configure(Map<String, Object> branding) {
        Object seller = branding.get("companyName");
        Object product = branding.getOrDefault("productName", "Tessera CRM");
        company = ConfigText.of(seller == null || ConfigText.of(seller).isBlank() ? product : seller).strip();
    }

    /** A subject and a body. */
    public record Text(String subject, String body) {
    }

    /** The message for a record of {@code collection}, of {@code kind} (record, document), in {@code language} (en, vi). */
    public Text render(String collection, String kind, String language, Map<String, Object> data) {
        Map<String, Object> model = new java.util.HashMap<>(data);
        model.put("company", company);
        List<String> names = List.of(collection + "_" + language + ".ftl", kind + "_" + language + ".ftl",
                SHIPPED + kind + "_" + language + ".ftl", SHIPPED + kind + "_en.ftl");
        RuntimeException failure = null;
        for (String name : names) {
            Template template = template(name);
            if (template == null) {
                continue;
            }
            try {
                return text(fill(template, model, language));
            } catch (TemplateException | IOException | RuntimeException e) {
                // a reseller's template that does not fill (a field misspelt) gives way to the next, down to the shipped one
                LOG.warn("The e-mail template {} cannot be filled: {}", name, e.getMessage());
                failure = new IllegalStateException("The e-mail template " + name + " cannot be filled: " + e.getMessage(), e);
            }
        }
        throw failure != null ? failure : new IllegalStateException("No e-mail template among " + names);
    }

    private static String fill(Template template, Map<String, Object> model, String language) throws TemplateException, IOException {
        StringWriter out = new StringWriter();
        freemarker.core.Environment run = template.createProcessingEnvironment(model, out);
        run.setLocale(Locale.forLanguageTag(language)); // numbers as the language writes them: 1.500.000 in Vietnamese
        run.process();
        return out.toString();
    }

    private static Text text(String filled) {
        String text = filled.replace("\r\n", "\n");
        String subject = "";
        if (text.startsWith("Subject:")) {
            int end = text.indexOf('\n');
            subject = (end < 0 ? text.substring(8) : text.substring(8, end)).strip();
            text = end < 0 ? "" : text.substring(end + 1);
        }
        return new Text(subject, text.strip() + "\n");
    }

    /** The template of that name, or null when there is none. */
    private Template template(String name) {
        try {
            return templates.getTemplate(name);
        } catch (TemplateNotFoundException none) {
            return null;
        } catch (IOException e) {
            // unreadable or not a template (a syntax error): the next one serves
            LOG.warn("The e-mail template {} cannot be read: {}", name, e.getMessage());
            return null;
        }
    }

    /** The bundle's own templates, also as {@code shipped:<name>} so a broken reseller's file never hides them. */
    private static final class ShippedTemplates implements TemplateLoader {
        private final TemplateLoader loader;

        ShippedTemplates(TemplateLoader loader) {
            this.loader = loader;
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            return loader.findTemplateSource(name.startsWith(SHIPPED) ? name.substring(SHIPPED.length()) : name);
        }

        @Override
        public long getLastModified(Object source) {
            return loader.getLastModified(source);
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            return loader.getReader(source, encoding);
        }

        @Override
        public void closeTemplateSource(Object source) throws IOException {
            loader.closeTemplateSource(source);
        }
    }
}
