package dev.afterimage.web.console;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.afterimage.testkit.MutableClock;
import dev.afterimage.testkit.Python;
import dev.afterimage.testkit.TelegramScenario;
import dev.afterimage.testkit.WireMockResource;
import dev.afterimage.testkit.WireMockResource.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deletions-and-edits page across accounts: its filters, its search, its exports, its refusals. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ChangePagesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    MutableClock clock;

    private TelegramScenario ministry;
    private TelegramScenario army;
    private String group;

    /** Two accounts of two publishers: one post of each deleted, one edited, one swapped picture. */
    @BeforeEach
    void twoPublishersDeleteAndEdit() {
        group = "Publisher " + System.nanoTime();
        ministry = new TelegramScenario(wireMock, clock);
        ministry.post(1, Duration.ofHours(3), "Irrefutable evidence of the convoy")
                .photo(ministry.picture("frame", 31));
        ministry.post(2, Duration.ofHours(2), "Harvest figures for the region");
        ministry.watchInGroup(group);
        ministry.poll();
        army = new TelegramScenario(wireMock, clock);
        army.post(1, Duration.ofHours(3), "Statement on the bridge");
        army.post(2, Duration.ofHours(2), "Parade rehearsal photos");
        army.watchInGroup("Other " + group);
        army.poll();

        ministry.channel.delete(1);
        army.channel.delete(1);
        clock.advance(MINUTE);
        ministry.poll();
        army.poll();
        ministry.channel.edit(2, "Harvest figures for the region, corrected");
        clock.advance(MINUTE);
        ministry.poll();
    }

    @Test
    void listsEveryAccountsDeletionsAndEditsNewestFirstWithPictureAndProof() {
        String page = given().get("/console/changes?group=" + group)
                .then()
                .statusCode(200)
                .body(containsString("Irrefutable evidence of the convoy"))
                .body(containsString("Harvest figures for the region, corrected"))
                .body(containsString("1 photo"))
                .body(containsString("class=\"thumb\""))
                .body(containsString("gone within"))
                .body(containsString("/deletion-proof\">proof</a>"))
                .body(not(containsString("Statement on the bridge")))
                .extract()
                .asString();
        assertTrue(
                page.indexOf("Harvest figures") < page.indexOf("Irrefutable evidence"),
                "the edit was detected after the deletion, so it comes first");
        given().get("/console/changes")
                .then()
                .body(containsString("Statement on the bridge"))
                .body(containsString("Irrefutable evidence"));
    }

    @Test
    void filtersByKindAccountPlatformDaysAndWords() {
        given().get("/console/changes?group=" + group + "&type=edited")
                .then()
                .body(containsString("Harvest figures"))
                .body(not(containsString("Irrefutable evidence")));
        given().get("/console/changes?type=deleted&account=" + army.accountId())
                .then()
                .body(containsString("Statement on the bridge"))
                .body(not(containsString("Irrefutable evidence")));
        given().get("/console/changes?platform=facebook&group=" + group)
                .then()
                .body(containsString("No deletions or edits match these filters"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        given().get("/console/changes?group=" + group + "&from=" + today + "&to=" + today)
                .then()
                .body(containsString("Irrefutable evidence"));
        given().get("/console/changes?group=" + group + "&to=" + today.minusDays(1))
                .then()
                .body(not(containsString("Irrefutable evidence")));
        // Words of any archived version, in any account: the edit's old text finds it too.
        given().get("/console/changes?q=bridge statement")
                .then()
                .body(containsString("Statement on the bridge"))
                .body(not(containsString("Irrefutable evidence")));
        given().get("/console/changes?q=figures region")
                .then()
                .body(containsString("Harvest figures for the region, corrected"));
    }

    @Test
    void exportsTheSameRowsAsCsvAndJson() throws Exception {
        JsonPath json = given().get("/console/changes.json?group=" + group)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", containsString("deletions-and-edits.json"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = json.getList("$");
        assertEquals(
                List.of("post.edited", "post.deleted"),
                items.stream().map(item -> item.get("type")).toList());
        assertEquals("Irrefutable evidence of the convoy", items.get(1).get("text"));
        assertEquals("1 photo", items.get(1).get("media"));
        assertEquals(group, items.get(1).get("group"));
        assertTrue(((String) items.get(1).get("postUrl")).endsWith("/1"));

        byte[] csv = given().get("/console/changes.csv?group=" + group)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(text))
                .getRecords();
        assertEquals(2, records.size());
        assertEquals("post.deleted", records.get(1).get("type"));
        assertEquals("Irrefutable evidence of the convoy", records.get(1).get("text"));
        assertEquals("Harvest figures for the region, corrected", records.get(0).get("text"));
        assertEquals(String.valueOf(ministry.accountId()), records.get(0).get("account_id"));
    }

    /**
     * Read by a CSV reader we did not write (Python's own csv module, as a spreadsheet user's script would), the export
     * says what the JSON export says, cell by cell: quotes, a comma and a line break in a post survive, and a post
     * that starts like a formula is made inert.
     */
    @Test
    void pythonsCsvModuleReadsTheSameCellsAsTheJsonExport() throws Exception {
        Optional<String> python = Python.importing("csv");
        assumeTrue(python.isPresent(), "python3 is absent: skipping the independent read of the CSV export");
        ministry.channel.edit(2, "=1+1, \"quoted\" figures\nfor the region");
        clock.advance(MINUTE);
        ministry.poll();

        List<Map<String, Object>> items = given().get("/console/changes.json?group=" + group)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        byte[] csv = given().get("/console/changes.csv?group=" + group)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<Map<String, String>> rows = readWithPython(python.get(), csv);

        assertEquals(items.size(), rows.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            Map<String, String> row = rows.get(i);
            assertEquals(item.keySet().size(), row.size(), "one column for each field of the JSON export");
            for (Map.Entry<String, Object> field : item.entrySet()) {
                String column = field.getKey().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                String value = field.getValue() == null ? "" : String.valueOf(field.getValue());
                String expected = List.of("account", "group", "text").contains(column)
                                && !value.isEmpty()
                                && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                        ? "'" + value
                        : value;
                assertEquals(expected, row.get(column), "row " + i + ", column " + column);
            }
        }
        String edited = rows.getFirst().get("text");
        assertTrue(edited.startsWith("'=1+1, \"quoted\" figures"), edited);
        assertTrue(edited.contains("\n"), "the line break is kept inside the cell: " + edited);
    }

    private static List<Map<String, String>> readWithPython(String python, byte[] csv) throws Exception {
        Path file = Files.createTempFile("changes", ".csv");
        Path read = Files.createTempFile("changes", ".json");
        try {
            Files.write(file, csv);
            Process process = new ProcessBuilder(
                            python,
                            "-c",
                            "import csv, json, sys\n"
                                    + "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                                    + "    print(json.dumps(list(csv.DictReader(f))))",
                            file.toString())
                    .redirectOutput(read.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            // Its answer goes to a file, so a hung interpreter fails the test at the timeout instead of hanging it.
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python did not finish in 60 s");
            assertEquals(0, process.exitValue(), "python could not read the export");
            return new ObjectMapper().readValue(read.toFile(), new TypeReference<>() {});
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(read);
        }
    }

    @Test
    void chartsCountPostsDeletionsAndEditsPerDayOverallAndPerAccount() {
        String today = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                .format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        given().get("/console/accounts/" + ministry.accountId())
                .then()
                .statusCode(200)
                .body(containsString("<svg class=\"chart\" id=\"activity-account\""))
                .body(containsString("Last 30 days: 2 posts published, 1 deletion, 1 edit"))
                .body(containsString("<title>" + today + ": 1 deletion</title>"))
                .body(containsString("<title>" + today + ": 1 edit</title>"));
        given().get("/console")
                .then()
                .statusCode(200)
                .body(containsString("<svg class=\"chart\" id=\"activity-all\""))
                .body(containsString("Every deletion and edit"));
    }

    @Test
    void aFirstArchiveWithMediaStillToFetchShowsItsProgress() {
        TelegramScenario gallery = new TelegramScenario(wireMock, clock);
        String kept = gallery.picture("kept", 41);
        gallery.post(1, Duration.ofHours(2), "One picture").photo(kept);
        gallery.post(2, Duration.ofHours(1), "Another picture").photo(gallery.picture("owed", 42));
        gallery.fault("/cdn/" + gallery.channel.channel() + "/owed.jpg", serverError());
        gallery.watch();
        gallery.poll();

        given().get("/console/accounts/" + gallery.accountId())
                .then()
                .statusCode(200)
                .body(containsString("First archive in progress"))
                .body(containsString("1 of 2 media files downloaded; 1 still to fetch (50%)"))
                .body(containsString("aria-valuenow=\"50\""));
        given().get("/console/accounts/" + army.accountId())
                .then()
                .body(not(containsString("First archive in progress")));
    }

    @Test
    void aFilterItCannotReadIsRefusedNamingTheField() {
        given().accept("application/json")
                .get("/console/changes.json?from=yesterday")
                .then()
                .statusCode(400)
                .body(containsString("from must be a day as yyyy-mm-dd"));
        given().get("/console/changes?type=vanished")
                .then()
                .statusCode(400)
                .body(containsString("type must be one of"));
        given().get("/console/changes?platform=myspace").then().statusCode(400).body(containsString("platform"));
        given().get("/console/changes?from=2026-02-02&to=2026-01-01")
                .then()
                .statusCode(400)
                .body(containsString("is before from"));
    }
}
