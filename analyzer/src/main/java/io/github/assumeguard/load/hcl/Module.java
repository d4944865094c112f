package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Terraform module: the {@code .tf} files of one directory, with an index of what they declare
 * (locals, variables, resources, data sources, module calls). References between files of the
 * same directory resolve through it.
 */
final class Module {

  /** One file of the module: parsed, or the error that stopped its parse. */
  record FileEntry(Path path, String display, Optional<Hcl.File> file, Optional<InputException> error) {
  }

  private final Path dir;
  private final String displayDir;
  private final List<FileEntry> entries;
  private final Map<String, Hcl.Attribute> locals = new LinkedHashMap<>();
  private final Map<String, Hcl.Block> variables = new LinkedHashMap<>();
  private final Map<String, Hcl.Block> resources = new LinkedHashMap<>();
  private final Map<String, Hcl.Block> data = new LinkedHashMap<>();
  private final Map<String, Hcl.Block> calls = new LinkedHashMap<>();
  private volatile String address;

  Module(Path dir, String displayDir, List<FileEntry> entries) {
    this.dir = dir;
    this.displayDir = displayDir;
    this.entries = List.copyOf(entries);
    for (FileEntry e : entries) {
      e.file().ifPresent(f -> index(f.body()));
    }
  }

  private void index(Hcl.Body body) {
    for (Hcl.Block b : body.blocks()) {
      switch (b.type()) {
        case "locals" -> b.body().attributes().forEach(a -> locals.putIfAbsent(a.name(), a));
        case "variable" -> variables.putIfAbsent(b.label(0), b);
        case "resource" -> resources.putIfAbsent(b.label(0) + "." + b.label(1), b);
        case "data" -> data.putIfAbsent(b.label(0) + "." + b.label(1), b);
        case "module" -> calls.putIfAbsent(b.label(0), b);
        default -> {
        }
      }
    }
  }

  Path dir() {
    return dir;
  }

  /** The directory as the user reached it ({@code ""} for the working directory). */
  String displayDir() {
    return displayDir;
  }

  /** How a file of this directory (or below it) is shown. */
  String display(Path file) {
    Path rel = dir.relativize(file.toAbsolutePath().normalize());
    return displayDir.isEmpty() ? rel.toString() : Path.of(displayDir).resolve(rel).toString();
  }

  List<FileEntry> entries() {
    return entries;
  }

  Optional<FileEntry> entry(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return entries.stream().filter(e -> e.path().equals(abs)).findFirst();
  }

  Optional<Hcl.Attribute> local(String name) {
    return Optional.ofNullable(locals.get(name));
  }

  Optional<Hcl.Block> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  Optional<Hcl.Block> resource(String type, String name) {
    return Optional.ofNullable(resources.get(type + "." + name));
  }

  Optional<Hcl.Block> data(String type, String name) {
    return Optional.ofNullable(data.get(type + "." + name));
  }

  Map<String, Hcl.Block> resources() {
    return Collections.unmodifiableMap(resources);
  }

  Map<String, Hcl.Block> dataSources() {
    return Collections.unmodifiableMap(data);
  }

  Map<String, Hcl.Block> calls() {
    return Collections.unmodifiableMap(calls);
  }

  /** Every file of the module that parsed. */
  List<Hcl.File> files() {
    List<Hcl.File> out = new ArrayList<>();
    entries.forEach(e -> e.file().ifPresent(out::add));
    return out;
  }

  /** The module address prefix ({@code module.net.}, or empty for a root module), once worked out. */
  String address() {
    return address == null ? "" : address;
  }

  boolean hasAddress() {
    return address != null;
  }

  void address(String prefix) {
    this.address = prefix;
  }
}
