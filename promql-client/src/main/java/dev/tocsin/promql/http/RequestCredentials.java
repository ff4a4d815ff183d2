package dev.tocsin.promql.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the configured {@code basic_auth}, {@code authorization} and {@code http_headers} to every
 * request, reading file-held secrets afresh (see {@link SecretFile}) so that rotation needs no
 * restart.
 */
final class RequestCredentials implements Interceptor {
  /** A value given inline or in a file. */
  private record Secret(String inline, SecretFile file) {
    String get() throws SecretFile.SecretFileException {
      return file != null ? file.read() : inline == null ? "" : inline;
    }
  }

  private final Secret username;
  private final Secret password;
  private final String authType;
  private final Secret credentials;
  private final Map<String, List<Secret>> headers;

  private RequestCredentials(HttpClientConfig config) {
    HttpClientConfig.BasicAuth basic = config.basicAuth();
    username = basic == null ? null : secret(basic.username(), basic.usernameFile(), "basic_auth.username_file");
    password = basic == null ? null : secret(basic.password(), basic.passwordFile(), "basic_auth.password_file");
    HttpClientConfig.Authorization auth = config.authorization();
    authType = auth == null ? null : auth.type();
    credentials = auth == null ? null : secret(auth.credentials(), auth.credentialsFile(), "authorization.credentials_file");
    Map<String, List<Secret>> h = new LinkedHashMap<>();
    config.httpHeaders().forEach((name, header) -> {
      List<Secret> values = new ArrayList<>();
      header.values().forEach(v -> values.add(new Secret(v, null)));
      header.secrets().forEach(v -> values.add(new Secret(v, null)));
      header.files().forEach(f -> values.add(new Secret(null, new SecretFile(f, "http_headers." + name + ".files"))));
      h.put(name, List.copyOf(values));
    });
    headers = Map.copyOf(h);
  }

  /** The interceptor for a configuration, or {@code null} when it adds nothing to requests. */
  static RequestCredentials of(HttpClientConfig config) {
    boolean none = config.basicAuth() == null && config.authorization() == null && config.httpHeaders().isEmpty();
    return none ? null : new RequestCredentials(config);
  }

  private static Secret secret(String inline, Path file, String key) {
    return new Secret(inline, file == null ? null : new SecretFile(file, key));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder b = chain.request().newBuilder();
    for (Map.Entry<String, List<Secret>> e : headers.entrySet()) {
      b.removeHeader(e.getKey());
      for (Secret s : e.getValue()) {
        b.addHeader(e.getKey(), s.get());
      }
    }
    if (username != null) {
      b.header("Authorization", Credentials.basic(username.get(), password.get(), StandardCharsets.UTF_8));
    } else if (credentials != null) {
      b.header("Authorization", authType + " " + credentials.get());
    }
    return chain.proceed(b.build());
  }
}
