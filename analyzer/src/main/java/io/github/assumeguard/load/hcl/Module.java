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
  private final Map<String, List<Hcl.Attribute>> locals = new LinkedHashMap<>();
  private final Map<String, List<Hcl.Block>> variables = new LinkedHashMap<>();
  private final Map<String, List<Hcl.Block>> resources = new LinkedHashMap<>();
  private final Map<String, List<Hcl.Block>> data = new LinkedHashMap<>();
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
        case "locals" -> b.body().attributes().forEach(a -> add(locals, a.name(), a));
        case "variable" -> add(variables, b.label(0), b);
        case "resource" -> add(resources, b.label(0) + "." + b.label(1), b);
        case "data" -> add(data, b.label(0) + "." + b.label(1), b);
        case "module" -> calls.putIfAbsent(b.label(0), b);
        default -> {
        }
      }
    }
  }

  private static <T> void add(Map<String, List<T>> map, String key, T item) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
  }

  /**
   * The declaration of {@code key}; when several files declare it (Terraform rejects that, but
   * folders of independent snippets do it), the one in the file that refers to it.
   */
  private static <T> Optional<T> pick(Map<String, List<T>> map, String key, HclSource from,
      java.util.function.Function<T, Hcl.Src> src) {
    List<T> all = map.get(key);
    if (all == null || all.isEmpty()) {
      return Optional.empty();
    }
    for (T t : all) {
      if (src.apply(t).file() == from) {
        return Optional.of(t);
      }
    }
    return Optional.of(all.get(0));
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

  Optional<Hcl.Attribute> local(String name, HclSource from) {
    return pick(locals, name, from, Hcl.Attribute::src);
  }

  Optional<Hcl.Block> variable(String name, HclSource from) {
    return pick(variables, name, from, Hcl.Block::src);
  }

  Optional<Hcl.Block> resource(String type, String name, HclSource from) {
    return pick(resources, type + "." + name, from, Hcl.Block::src);
  }

  Optional<Hcl.Block> data(String type, String name, HclSource from) {
    return pick(data, type + "." + name, from, Hcl.Block::src);
  }

  /** Every resource block of the module, duplicates included, in file order. */
  List<Hcl.Block> resources() {
    return inFileOrder(resources);
  }

  /** Every data block of the module, duplicates included, in file order. */
  List<Hcl.Block> dataSources() {
    return inFileOrder(data);
  }

  private static List<Hcl.Block> inFileOrder(Map<String, List<Hcl.Block>> blocks) {
    List<Hcl.Block> out = new ArrayList<>();
    blocks.values().forEach(out::addAll);
    out.sort(java.util.Comparator.comparing((Hcl.Block b) -> b.src().file().display())
        .thenComparingInt(b -> b.src().start()));
    return out;
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
