package io.github.assumeguard.engine;

import io.github.assumeguard.model.Location;

/** An input that could not be read or parsed: where, and what was expected. */
public record InputError(Location location, String message) {
}
