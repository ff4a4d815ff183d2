package dev.tocsin.notifier.config;

/**
 * The part of a {@code tls_config} block (Prometheus' common config) that the email receiver
 * supports: a CA file and {@code insecure_skip_verify}. Client certificates and {@code server_name}
 * are rejected at load.
 *
 * @param caFile PEM file of CA certificates to trust instead of the system's, or empty
 * @param insecureSkipVerify whether the server's certificate is not verified at all
 */
public record TlsSettings(String caFile, boolean insecureSkipVerify) {
  /** No settings: verify against the system's CAs and the host name. */
  public static final TlsSettings DEFAULT = new TlsSettings("", false);

  public TlsSettings {
    caFile = caFile == null ? "" : caFile;
  }
}
