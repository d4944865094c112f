package io.github.assumeguard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's name, version and home page, as reports print them. */
public final class ToolInfo {

  public static final String NAME = "assumeguard";
  public static final String INFORMATION_URI = "https://github.com/assumeguard/assumeguard";

  private static final String VERSION = readVersion();

  private ToolInfo() {
  }

  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = ToolInfo.class.getResourceAsStream("/io/github/assumeguard/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
