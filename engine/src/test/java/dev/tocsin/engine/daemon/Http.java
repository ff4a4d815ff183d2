package dev.tocsin.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the daemon tests make to Tocsin and Alertmanager. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  /** A response's status and body. */
  record Reply(int status, String body) {}

  static Reply get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  static Reply post(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** GETs a JSON document that must come with status 200. */
  static JsonNode json(String url) throws IOException, InterruptedException {
    Reply r = get(url);
    if (r.status() != 200) {
      throw new IOException("GET " + url + ": HTTP " + r.status() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }
}
