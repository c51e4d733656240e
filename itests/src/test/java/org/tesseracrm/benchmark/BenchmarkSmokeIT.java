package org.tesseracrm.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark of README § Performance, run end to end on a tiny table with short steps so that its
 * code keeps working; the figures of this run mean nothing and are not judged.
 */
public class BenchmarkSmokeIT {
    private static final int LEADS = 1500;

    @Test
    public void theBenchmarkRunsEndToEndAndWritesItsTable() throws Exception {
        Path dir = Path.of("target/benchmark-smoke");
        Map<String, String> settings = Map.of("bench.distribution", System.getProperty("tessera.distribution"),
                "bench.dir", dir.toString(), "bench.sizes", String.valueOf(LEADS),
                "bench.warmupSeconds", "1", "bench.stepSeconds", "2", "bench.importRows", "300", "bench.floors", "karaf");
        settings.forEach(System::setProperty);
        try {
            Benchmark.main(new String[0]);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }

        JsonNode results = new ObjectMapper().readTree(dir.resolve("results-h2.json").toFile());
        assertTrue(results.toString(), results.get("getByIdRatio").asDouble() > 0);
        assertTrue(results.get("createRatio").asDouble() > 0);
        assertEquals("every row of the file imported", 300, results.get("import").get("created").asInt());
        assertTrue(results.get("importRatio").asDouble() > 0);
        assertTrue(results.get("coldStartFirstBootMs").asLong() > 0);
        assertTrue("the stack's own start measured", results.get("startFloor.karaf").get("restartMs").asLong() > 0);
        assertTrue(results.get("textIndexLoadMs@" + LEADS).asLong() >= 0);
        assertTrue(results.get("listFirstPage@" + LEADS).get("requests").asLong() > 0);
        assertTrue("the walk goes past the first page", results.get("listDeepPage@" + LEADS).get("page").asInt() > 1);
        assertTrue(results.get("search@" + LEADS).get("requests").asLong() > 0);
        assertTrue("a salesperson's own leads are listed", results.get("listFirstPageOwn@" + LEADS).get("requests").asLong() > 0);
        assertTrue(results.get("searchOwn@" + LEADS).get("requests").asLong() > 0);
        assertTrue("a list by custom fields", results.get("listCustomFields@" + LEADS).get("requests").asLong() > 0);
        String table = Files.readString(dir.resolve("results-h2.md"));
        assertTrue(table, table.contains("| GET by id / bare server |"));
        assertTrue("nginx measured, or why not said: " + table, table.contains("| GET by id / nginx |") || table.contains("| nginx, same body as a static file | skipped: "));
        assertTrue(table, table.contains("| q search, 50 results @" + LEADS + " |"));
    }
}
