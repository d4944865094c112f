package io.github.assumeguard.load.hcl;

import io.github.assumeguard.load.Limits;
import io.github.assumeguard.model.Workspace;
import java.nio.file.Path;
import java.util.Optional;

/** Terraform source ({@code .tf}, HCL native syntax): roles and policies before any plan exists. */
public final class TerraformSource {

  private TerraformSource() {
  }

  /** The roles and policies of one {@code .tf} file ({@code path} locates {@code file()} references). */
  public static Optional<Workspace> load(Path path, String file, String text, Limits limits) {
    return Optional.empty();
  }
}
