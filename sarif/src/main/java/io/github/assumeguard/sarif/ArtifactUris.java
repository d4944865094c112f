package io.github.assumeguard.sarif;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a finding's file (as it was reached, relative to the current directory or absolute) into
 * a SARIF artifact URI: a percent-encoded relative reference below the SARIF root, or an absolute
 * {@code file:} URI for files outside it.
 */
final class ArtifactUris {

  /** RFC 3986 unreserved characters and the sub-delimiters that are safe in a path segment. */
  private static final String SAFE = "-._~!$&'()*+,;=@";

  private final Path root;
  /** Findings share files: each file's URI is worked out once (a path may need the file system). */
  private final Map<String, ArtifactUri> known = new ConcurrentHashMap<>();

  ArtifactUris(Path sarifRoot) {
    this.root = sarifRoot.toAbsolutePath().normalize();
  }

  /** The root as an absolute {@code file:} URI ending in a slash, for {@code originalUriBaseIds}. */
  String rootUri() {
    String uri = root.toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** Where {@code file} is: relative to the root when it lies below it, else absolute. */
  ArtifactUri of(String file) {
    return known.computeIfAbsent(file, this::locate);
  }

  private ArtifactUri locate(String file) {
    Path path;
    try {
      path = Path.of(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      // not a path of this file system (cannot come from a file walk): keep it as a relative reference
      return new ArtifactUri(encode(file.replace('\\', '/').split("/", -1)), true);
    }
    Optional<Path> relative = below(root, path).or(() -> below(real(root), real(path)));
    if (relative.isPresent()) {
      return new ArtifactUri(encodeSegments(relative.get()), true);
    }
    return new ArtifactUri(path.toUri().toASCIIString(), false);
  }

  /** A URI and whether it is relative to {@code %SRCROOT%}. */
  record ArtifactUri(String uri, boolean relative) {
  }

  private static Optional<Path> below(Path base, Path path) {
    if (!path.startsWith(base) || path.equals(base)) {
      return Optional.empty();
    }
    return Optional.of(base.relativize(path));
  }

  /** The real path when the file exists (symbolic links resolved), else the path itself. */
  private static Path real(Path path) {
    try {
      return Files.exists(path) ? path.toRealPath() : path;
    } catch (IOException | SecurityException e) {
      return path;
    }
  }

  private static String encodeSegments(Path relative) {
    String[] segments = new String[relative.getNameCount()];
    for (int i = 0; i < segments.length; i++) {
      segments[i] = relative.getName(i).toString();
    }
    return encode(segments);
  }

  private static String encode(String[] segments) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      if (out.length() > 0) {
        out.append('/');
      }
      for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (c < 0x80 && (Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0)) {
          out.append((char) c);
        } else {
          out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
      }
    }
    return out.toString();
  }
}
