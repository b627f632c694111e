package io.tributary.app.cli;

import io.tributary.app.config.ConfigDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Prints docs/configuration.md from the key declarations. */
@Command(name = "config-docs", mixinStandardHelpOptions = true, description = "Print the configuration reference (docs/configuration.md) generated "
    + "from the key declarations.")
final class ConfigDocsCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().print(ConfigDocs.markdown());
    spec.commandLine().getOut().flush();
  }
}
