package org.tesseracrm.printing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.tesseracrm.platform.api.ConfigText;
import org.tesseracrm.printing.api.DocumentPrinter;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.utility.DeepUnwrap;

/**
 * FreeMarker fills the template (HTML, auto-escaped), openhtmltopdf lays it out on PDFBox with
 * DejaVu Sans embedded (subset), so Vietnamese reads right in every viewer. The seller's details
 * are the branding settings; a reseller's templates and labels in {@code etc/tessera/templates}
 * come before the shipped ones.
 */
@Component(service = DocumentPrinter.class, configurationPid = "org.tesseracrm.branding",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PdfPrinter implements DocumentPrinter {
    private static final String FONT = "DejaVu Sans";
    private static final List<String> SELLER = List.of("companyName", "address", "taxCode", "phone", "email", "website", "bankAccount");
    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg");

    private final byte[] regular = resource("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
    private final byte[] bold = resource("/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");
    private final Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
    private final Configuration templates;
    private volatile Map<String, Object> seller = Map.of();

    public PdfPrinter() {
        templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new EtcTemplates(etc.resolve("tessera/templates")),
            new ClassTemplateLoader(PdfPrinter.class.getClassLoader(), "/templates")}));
        templates.setDefaultEncoding("UTF-8");
        templates.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        templates.setLogTemplateExceptions(false);
        templates.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34) {
            {
                setExposeFields(true); // the DTOs are public fields
            }
        }.build());
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String key : SELLER) {
            Object value = properties.get(key);
            s.put(key, value == null ? "" : ConfigText.of(value));
        }
        s.put("logo", logo(String.valueOf(properties.getOrDefault("logo", "branding/logo.svg"))));
        this.seller = s;
    }

    @Override
    public byte[] pdf(List<String> names, Map<String, Object> model, Locale language) {
        Formats formats = new Formats(language, ZoneId.systemDefault());
        String defaultCurrency = model.get("currency") == null ? null : model.get("currency").toString();
        Map<String, Object> data = new HashMap<>(model);
        data.put("lang", formats.language());
        data.put("t", labels(formats.language()));
        data.put("seller", seller);
        data.put("money", (TemplateMethodModelEx) args -> formats.money(arg(args, 0), currencyArg(args, defaultCurrency)));
        data.put("words", (TemplateMethodModelEx) args -> formats.words(arg(args, 0), currencyArg(args, defaultCurrency)));
        data.put("number", (TemplateMethodModelEx) args -> formats.number(arg(args, 0)));
        data.put("date", (TemplateMethodModelEx) args -> formats.date(arg(args, 0)));
        String html = fill(template(names), data);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private Template template(List<String> names) {
        for (String name : names) {
            try {
                return templates.getTemplate(name + ".ftlh");
            } catch (TemplateNotFoundException e) {
                // the next name
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("No template of " + names);
    }

    private static String fill(Template template, Map<String, Object> data) {
        StringWriter html = new StringWriter(16 * 1024);
        try {
            template.process(data, html);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + template.getName() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    @Override
    public String label(String key, Locale language) {
        return labels(new Formats(language, ZoneId.systemDefault()).language()).get(key);
    }

    /** The labels of a language: the shipped ones, and over them a reseller's {@code etc/tessera/templates/labels_<lang>.properties}. */
    private Map<String, String> labels(String language) {
        Properties labels = new Properties();
        String name = "labels_" + language + ".properties";
        try (InputStream shipped = PdfPrinter.class.getResourceAsStream("/templates/" + name)) {
            if (shipped != null) {
                labels.load(new InputStreamReader(shipped, StandardCharsets.UTF_8));
            }
            Path own = etc.resolve("tessera/templates").resolve(name);
            if (Files.isRegularFile(own)) {
                try (Reader reader = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                    labels.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        labels.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    /** The logo as a data URI the PDF embeds: PNG or JPEG only (an SVG logo is left out; the company's name stands). */
    private String logo(String configured) {
        Path file = etc.resolve(configured);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String type = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        try {
            return type == null || !Files.isRegularFile(file) ? ""
                    : "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static Object arg(List<?> args, int i) throws TemplateModelException {
        return args.size() > i ? DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i)) : null;
    }

    private static String currencyArg(List<?> args, String fallback) throws TemplateModelException {
        Object c = arg(args, 1);
        return c == null ? fallback : c.toString();
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfPrinter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
