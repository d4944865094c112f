package io.github.assumeguard.engine;

import io.github.assumeguard.model.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of a finding across runs, shared by SARIF ({@code partialFingerprints}), the
 * JSON report and the baseline: SHA-256 over rule id, the file's URI relative to the repository
 * root, resource id, JSON pointer and message. No line or column goes in, so the fingerprint
 * survives lines inserted above the finding; the level, witness, fix and suppression do not go in
 * either, so a finding keeps its identity when its level is overridden or it gets suppressed.
 */
public final class Fingerprints {

  /** The key of the fingerprint in SARIF {@code partialFingerprints} (and its version). */
  public static final String KEY = "assumeguardFingerprint/v1";

  private Fingerprints() {
  }

  /** The fingerprint of {@code finding}, whose file has the artifact URI {@code uri}. */
  public static String of(Finding finding, String uri) {
    String key = String.join("\u0000", finding.ruleId(), uri, finding.resource().map(ResourceRef::id).orElse(""),
        finding.location().pointer(), finding.message());
    return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh SHA-256 digest, cloned from one looked up once (a provider look-up per finding adds up). */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return Sha256.create();
    }
  }

  private static final class Sha256 {
    static final MessageDigest PROTOTYPE = create();

    static MessageDigest create() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }
}
