package io.tributary.deploy;

import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.SettingsLoader;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app ({@code cdk.json}): {@code cdk synth -c settings=FILE} synthesizes the stack {@code Tributary-<name>}
 * of the settings file (default {@code examples/msk.json}). The stack is environment-agnostic unless
 * {@code CDK_DEFAULT_ACCOUNT} and {@code CDK_DEFAULT_REGION} are set (as {@code cdk deploy} sets them), so synthesis
 * needs no AWS credentials.
 */
public final class DeployApp {

  private DeployApp() {}

  public static void main(String[] args) {
    App app = new App();
    Object file = app.getNode().tryGetContext("settings");
    DeploySettings settings = SettingsLoader.load(Path.of(file == null ? "examples/msk.json" : file.toString()));
    new TributaryStack(app, "Tributary-" + settings.name(), StackProps.builder()
        .description("Tributary " + settings.name() + ": " + settings.source().type() + " to S3 on ECS Fargate")
        .env(environment())
        .build(), settings);
    app.synth();
  }

  private static Environment environment() {
    String account = System.getenv("CDK_DEFAULT_ACCOUNT");
    String region = System.getenv("CDK_DEFAULT_REGION");
    if (account == null || region == null) {
      return null;
    }
    return Environment.builder().account(account).region(region).build();
  }
}
