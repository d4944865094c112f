package io.github.assumeguard.engine;

import io.github.assumeguard.model.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's metadata, kept next to its code: id, name, default level, texts, tags and the
 * security-severity GitHub uses to band findings.
 */
public record RuleMeta(String id, String name, Level level, String title, String description,
    List<String> tags, double securitySeverity, String precision) {

  private static final Pattern ID = Pattern.compile("[A-Z]{2,}\\d{3}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public RuleMeta {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must look like AG101: " + id);
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name must be kebab-case: " + name);
    }
    if (level == Level.NONE) {
      throw new IllegalArgumentException("a rule's default level cannot be none");
    }
    tags = List.copyOf(tags);
  }

  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** A finding of this rule at {@code location}, at the rule's default level. */
  public Finding at(Location location, String message) {
    return new Finding(id, level, message, location, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** Builds a {@link RuleMeta}. */
  public static final class Builder {
    private final String id;
    private final String name;
    private Level level = Level.WARNING;
    private String title = "";
    private String description = "";
    private List<String> tags = List.of();
    private double securitySeverity = 5.0;
    private String precision = "high";

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder level(Level value) {
      this.level = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder tags(String... values) {
      this.tags = List.of(values);
      return this;
    }

    public Builder securitySeverity(double value) {
      this.securitySeverity = value;
      return this;
    }

    /** SARIF precision: {@code very-high}, {@code high}, {@code medium} or {@code low}. */
    public Builder precision(String value) {
      this.precision = value;
      return this;
    }

    public RuleMeta build() {
      return new RuleMeta(id, name, level, title, description, tags, securitySeverity, precision);
    }
  }
}
