package dev.tocsin.engine.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A GET sent over a plain socket, for request targets Java's URI-based clients refuse to send
 * (malformed percent escapes), with the status and body of the answer.
 */
record RawResponse(int status, String body) {
  static RawResponse get(String baseUrl, String target) throws IOException {
    URI base = URI.create(baseUrl);
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int headerEnd = response.indexOf("\r\n\r\n");
      return new RawResponse(status, headerEnd < 0 ? "" : response.substring(headerEnd + 4));
    }
  }
}
