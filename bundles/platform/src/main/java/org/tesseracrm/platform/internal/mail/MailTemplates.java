package org.tesseracrm.platform.internal.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
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
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
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
    private final Configuration templates;
    private volatile String company = "";

    public MailTemplates() {
        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] { new EtcTemplates(etc.resolve("tessera/mail")),
            new ClassTemplateLoader(MailTemplates.class.getClassLoader(), "/mail") }));
        templates.setDefaultEncoding("UTF-8");
        templates.setLocalizedLookup(false);
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
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
        Template template = template(List.of(collection + "_" + language + ".ftl", kind + "_" + language + ".ftl", kind + "_en.ftl"));
        Map<String, Object> model = new java.util.HashMap<>(data);
        model.put("company", company);
        StringWriter out = new StringWriter();
        try {
            freemarker.core.Environment run = template.createProcessingEnvironment(model, out);
            run.setLocale(Locale.forLanguageTag(language)); // numbers as the language writes them: 1.500.000 in Vietnamese
            run.process();
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("The e-mail template " + template.getName() + " cannot be filled: " + e.getMessage(), e);
        }
        String text = out.toString().replace("\r\n", "\n");
        String subject = "";
        if (text.startsWith("Subject:")) {
            int end = text.indexOf('\n');
            subject = (end < 0 ? text.substring(8) : text.substring(8, end)).strip();
            text = end < 0 ? "" : text.substring(end + 1);
        }
        return new Text(subject, text.strip() + "\n");
    }

    private Template template(List<String> names) {
        for (String name : names) {
            try {
                return templates.getTemplate(name);
            } catch (TemplateNotFoundException next) {
                // the next, more general, template
            } catch (IOException e) {
                throw new IllegalStateException("The e-mail template " + name + " cannot be read: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("No e-mail template among " + names);
    }

    /** A reseller's templates, in a folder that may not exist (yet). */
    private static final class EtcTemplates extends URLTemplateLoader {
        private final Path folder;

        EtcTemplates(Path folder) {
            this.folder = folder;
        }

        @Override
        protected URL getURL(String name) {
            Path file = folder.resolve(name).normalize();
            try {
                return file.startsWith(folder) && Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        }
    }
}
