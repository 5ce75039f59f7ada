package app.ltth.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MyInstantsTest {

    static final String BASE = "https://www.myinstants.com";

    static String page(String name) throws Exception {
        try (InputStream in = MyInstantsTest.class.getResourceAsStream("/myinstants/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSavedSearchPageGivesItsSoundsAndOnlyMyInstantsAudio() throws Exception {
        List<MyInstants.Sound> sounds = MyInstants.parse(page("search-airhorn.html"), BASE);
        assertThat(sounds).extracting(MyInstants.Sound::name)
                .containsExactly("MLG AIRHORN", "Air Horn (club sample) & \"more\"", "DJ Airhorn");
        assertThat(sounds.get(0).url()).isEqualTo(BASE + "/media/sounds/mlg-airhorn.mp3");
        assertThat(sounds.get(0).page()).isEqualTo(BASE + "/en/instant/mlg-airhorn-27345/");
    }

    @Test
    void theSavedTrendingPageGivesItsSounds() throws Exception {
        assertThat(MyInstants.parse(page("trending-us.html"), BASE)).extracting(MyInstants.Sound::name)
                .containsExactly("Vine Boom Sound", "Bruh", "Fart with reverb");
    }

    @Test
    void anUnrelatedOrBrokenPageGivesNothingAndNoException() throws Exception {
        assertThat(MyInstants.parse(page("unrelated.html"), BASE)).isEmpty();
        assertThat(MyInstants.parse("", BASE)).isEmpty();
        assertThat(MyInstants.parse("<div class=instant><button class=small-button onclick=\"play(\">", BASE)).isEmpty();
        assertThat(MyInstants.parse("\u0000<<<>>>&&&", BASE)).isEmpty();
    }

    @Test
    void searchesTrendingAndDownloadsGoToTheConfiguredSiteAndAreCached(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] downloads = {0};
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try {
                body = path.startsWith("/en/search/") && "name=air+horn".equals(exchange.getRequestURI().getRawQuery())
                        ? page("search-airhorn.html").getBytes(StandardCharsets.UTF_8)
                        : path.equals("/en/index/us/") ? page("trending-us.html").getBytes(StandardCharsets.UTF_8)
                        : path.equals("/media/sounds/bruh.mp3") ? new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0, 1, 2, 3} : null;
            } catch (Exception e) {
                body = null;
            }
            if (path.endsWith(".mp3")) downloads[0]++;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            MyInstants mi = new MyInstants(HttpClient.newHttpClient(), () -> base + "/", dir);
            assertThat(mi.search("air horn")).hasSize(3).allMatch(s -> s.url().startsWith(base + "/media/sounds/"));
            List<MyInstants.Sound> trending = mi.trending();
            assertThat(trending).hasSize(3);
            String file = mi.download(trending.get(1).url());
            assertThat(file).isEqualTo("bruh.mp3");
            assertThat(Files.size(dir.resolve(file))).isEqualTo(7);
            mi.download(trending.get(1).url());
            assertThat(downloads[0]).as("cached after the first download").isEqualTo(1);
            assertThatThrownBy(() -> mi.download("https://elsewhere.example/x.mp3")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mi.download(base + "/media/sounds/missing.mp3")).isInstanceOf(java.io.IOException.class);
        } finally {
            server.stop(0);
        }
    }
}
