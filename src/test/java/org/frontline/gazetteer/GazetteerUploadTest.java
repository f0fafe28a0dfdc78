package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin uploads a GeoNames country dump; its places then resolve in reports. Analysts may not upload. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "frontline.demo.load=false",
            "spring.datasource.url=jdbc:sqlite:target/test-db/gazupload-${random.uuid}.db"
        })
class GazetteerUploadTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void gazetteerDir(DynamicPropertyRegistry registry) {
        registry.add("frontline.gazetteer.dir", () -> dir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager users;

    HttpResponse<String> upload(String user, byte[] content) throws Exception {
        return upload(user, "SY.txt", content);
    }

    HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
        String boundary = "----b" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\n" + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/gazetteer"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> parse(String text) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/parse"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("gana:secret".getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"text\":\"" + text + "\",\"published\":\"2019-08-27\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminUploadsADumpAndItsVillagesResolve() throws Exception {
        if (!users.userExists("gadmin"))
            users.createUser(User.withUsername("gadmin")
                    .password("{noop}secret")
                    .roles("ADMIN")
                    .build());
        if (!users.userExists("gana"))
            users.createUser(User.withUsername("gana")
                    .password("{noop}secret")
                    .roles("ANALYST")
                    .build());
        String text = "Shelling hit Tall Qarqour on Monday.";
        assertThat(parse(text).body()).doesNotContain("Qarqur");

        String dump =
                "9990001\tTall Qarqūr\tTall Qarqur\tTell Qarqour,تل قرقور\t35.71\t36.35\tP\tPPL\tSY\t\t12\t\t\t\t900\t\t180\tAsia/Damascus\t2020-01-01\n";
        assertThat(upload("gana", dump.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad = upload("gadmin", "just some words\nno tabs here\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("GeoNames");
        HttpResponse<String> ok = upload("gadmin", dump.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"placesRead\":1");
        assertThat(parse(text).body()).contains("\"geonamesId\":9990001");
        assertThat(dir.resolve("SY.txt")).exists();
    }

    @Test
    void aFileNameThatNamesNoFileIsRefused() throws Exception {
        if (!users.userExists("gadmin"))
            users.createUser(User.withUsername("gadmin")
                    .password("{noop}secret")
                    .roles("ADMIN")
                    .build());
        String dump =
                "9990002\tTall Qarqūr\tTall Qarqur\t\t35.71\t36.35\tP\tPPL\tSY\t\t12\t\t\t\t900\t\t180\tAsia/Damascus\t2020-01-01\n";
        for (String name : new String[] {"/", "..", "a/b/"}) {
            HttpResponse<String> r = upload("gadmin", name, dump.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("file name");
        }
        HttpResponse<String> nested = upload("gadmin", "../../etc/SY-extra", dump.getBytes(StandardCharsets.UTF_8));
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(200);
        assertThat(dir.resolve("SY-extra.txt")).exists();
    }
}
