package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The partner SDK end to end: a project generated from the archetype and built with Maven (outside
 * the server, as a partner does), its KAR dropped into the running server's deploy/ folder — leads
 * without email and phone are refused with its message, 10 units or more get its volume discount —
 * and removed again, all without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SdkIT {
    @Inject
    private BundleContext context;

    private static final String KAR = "tessera.test.kar";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Configuration
    public Option[] configuration() throws Exception {
        File kar = generateAndBuild();
        Option[] distribution = TesseraDistribution.withH2();
        Option[] options = Arrays.copyOf(distribution, distribution.length + 1);
        options[distribution.length] = editConfigurationFilePut("etc/system.properties", KAR, kar.getAbsolutePath());
        return options;
    }

    /** Runs in the test driver, before the server starts: {@code mvn archetype:generate}, then {@code mvn package}. */
    private static File generateAndBuild() throws IOException, InterruptedException {
        Path work = Paths.get("target", "sdk-it", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(work);
        String version = System.getProperty("tessera.version");
        maven(work, "archetype:generate", "-DarchetypeGroupId=org.tesseracrm",
                "-DarchetypeArtifactId=tessera-extension-archetype", "-DarchetypeVersion=" + version,
                "-DarchetypeCatalog=local", "-DgroupId=com.acme.crm", "-DartifactId=acme-rules", "-Dversion=1.0.0",
                "-Dpackage=com.acme.crm.rules", "-DinteractiveMode=false");
        Path project = work.resolve("acme-rules");
        maven(project, "package");
        File kar = project.resolve("target/acme-rules-1.0.0.kar").toFile();
        if (!kar.isFile()) {
            throw new IllegalStateException("The generated project built no KAR at " + kar);
        }
        return kar;
    }

    private static void maven(Path directory, String... arguments) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        String mvn = home == null ? "mvn" : Paths.get(home, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        Path log = directory.resolve("maven-" + arguments[0].replace(':', '-') + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    @Test
    public void aGeneratedExtensionActsWhenDroppedIn() throws Exception {
        Api api = Api.asAdmin();
        api.awaitReady("/api/v1/leads?limit=1", DEADLINE);
        api.awaitReady("/api/v1/quotes?limit=1", DEADLINE);
        String tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        Supplier<Api.Reply> unreachableLead = () -> api.post("/api/v1/leads",
                Api.json(Map.of("lastName", "Vô Danh " + tag)));
        String account = api.post("/api/v1/accounts", Api.json(Map.of("name", "Đại lý " + tag))).json().get("id").asText();
        String quote = Api.json(Map.of("subject", "Giấy " + tag, "accountId", account, "lineItems",
                List.of(Map.of("name", "Giấy A4", "quantity", 10, "unitPrice", 60000, "taxRate", 10))));

        String contact = api.post("/api/v1/contacts", Api.json(Map.of("lastName", "Khách " + tag))).json().get("id").asText();
        SteadyLoop loop = new SteadyLoop(api, "/api/v1/contacts/" + contact).start();
        List<String> stopped = new CopyOnWriteArrayList<>();
        BundleListener listener = e -> {
            boolean ours = e.getBundle().getSymbolicName().startsWith("com.acme.");
            if (!ours && (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)) {
                stopped.add(e.getBundle().getSymbolicName() + " " + e.getType());
            }
        };
        context.addBundleListener(listener);

        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", "acme-rules-1.0.0.kar");
        Files.copy(Paths.get(System.getProperty(KAR)), deployed, StandardCopyOption.REPLACE_EXISTING);
        Api.Reply refused = await(() -> unreachableLead.get(), 422);
        assertTrue(refused.text, refused.text.contains("a lead needs an email address or a phone number"));
        assertEquals(201, api.post("/api/v1/leads", Api.json(Map.of("lastName", "Có Số " + tag, "phone", "0903 123 456"))).status);
        JsonNode discounted = api.post("/api/v1/quotes", quote).json();
        assertEquals(discounted.toString(), "5", discounted.get("lineItems").get(0).get("discountPercent").asText());
        assertEquals("570000", discounted.get("totals").get("subtotal").asText());

        assertEquals("no bundle was stopped or refreshed by the extension's arrival", List.of(), stopped);
        Files.delete(deployed);
        await(() -> unreachableLead.get(), 201);
        assertEquals("600000", api.post("/api/v1/quotes", quote).json().get("totals").get("subtotal").asText());
        loop.stop();
        context.removeBundleListener(listener);
        System.out.printf("SDK steady loop on /contacts while the extension came and went: %d requests, %d failed%n",
                loop.requests.get(), loop.failures.size());
        assertEquals("another module kept answering: " + loop.failures, 0, loop.failures.size());
        assertTrue("the loop ran throughout", loop.requests.get() > 20);
    }

    private static Api.Reply await(Supplier<Api.Reply> request, int status) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        Api.Reply last = null;
        while (System.nanoTime() < end) {
            last = request.get();
            if (last.status == status) {
                return last;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("expected " + status + " within " + DEADLINE + ", last: " + last);
    }
}
