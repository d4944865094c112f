package io.github.assumeguard.engine;

import io.github.assumeguard.model.Location;

/**
 * Something the user should fix that is neither a finding nor unreadable input, such as a
 * suppression without a reason. Warnings are reported but never change the exit status.
 */
public record Warning(Location location, String message) {
}
