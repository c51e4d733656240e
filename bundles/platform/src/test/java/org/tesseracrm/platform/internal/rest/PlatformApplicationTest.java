package org.tesseracrm.platform.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.tesseracrm.platform.rest.TesseraApi;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The API application waits for every one of its own extensions, read from the components bnd generated. */
public class PlatformApplicationTest {

    @Test
    public void theApplicationRequiresEveryExtensionOfTheApi() throws Exception {
        Set<String> extensions = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        URL folder = PlatformApplication.class.getResource("/OSGI-INF");
        assertTrue("bnd writes the component descriptions before the tests run", folder != null);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(folder.toURI()), "*.xml")) {
            for (Path file : files) {
                Map<String, String> properties = properties(file);
                if ("true".equals(properties.get("osgi.jaxrs.extension"))
                        && TesseraApi.API_SELECT.equals(properties.get("osgi.jaxrs.application.select"))) {
                    extensions.add("(osgi.jaxrs.name=" + properties.get("osgi.jaxrs.name") + ")");
                }
                if (TesseraApi.APPLICATION_NAME.equals(properties.get("osgi.jaxrs.name"))) {
                    required.addAll(Arrays.stream(properties.get("osgi.jaxrs.extension.select").split("\n"))
                            .map(String::trim).collect(Collectors.toList()));
                }
            }
        }
        assertTrue(extensions.contains("(osgi.jaxrs.name=" + ApiExtensions.AUTHENTICATION + ")"));
        assertEquals("an extension of the API the application does not wait for, or waits for in vain", extensions, required);
    }

    /** A component's properties; a multi-valued one as its lines. */
    private static Map<String, String> properties(Path file) throws Exception {
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            String value = property.hasAttribute("value") ? property.getAttribute("value") : property.getTextContent().trim();
            properties.put(property.getAttribute("name"), value);
        }
        return properties;
    }
}
