package io.github.assumeguard.cli;

/** How {@code rules} writes the catalog. */
enum CatalogFormat {
  TEXT, JSON, MARKDOWN
}
