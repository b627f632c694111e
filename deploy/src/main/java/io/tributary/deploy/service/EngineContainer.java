package io.tributary.deploy.service;

import io.tributary.deploy.catalog.TableBucket;
import io.tributary.deploy.settings.DeploySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * What every engine container shares, the service's and the scheduled maintenance task's: a Fargate task of the
 * service's size with the scratch volume, the image run as a non-root user on a read-only root file system, the
 * variables the configuration reads as {@code ${VAR}}, and the configuration itself as an SSM secret; so that both
 * run the same code on the same configuration.
 */
public final class EngineContainer {

  private static final String SCRATCH_VOLUME = "scratch";

  private EngineContainer() {}

  /** A Fargate task definition of the service's size (x86_64 Linux) with the {@code scratch} volume. */
  public static FargateTaskDefinition taskDefinition(Construct scope, String id, DeploySettings settings) {
    return FargateTaskDefinition.Builder.create(scope, id)
        .cpu(settings.service().cpu())
        .memoryLimitMiB(settings.service().memoryMiB())
        .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
            .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
        .volumes(List.of(Volume.builder().name(SCRATCH_VOLUME).build()))
        .build();
  }

  /**
   * The options of an engine container defined in {@code scope} (the image, the user, the read-only root file
   * system, the environment and secrets), for the caller to complete with its command, logs and checks.
   */
  public static ContainerDefinitionOptions.Builder options(Construct scope, DeploySettings settings, IBucket lake,
      IStringParameter config, String yaml) {
    return ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromEcrRepository(
            Repository.fromRepositoryName(scope, "Repository", settings.image().repository()), settings.image().tag()))
        .essential(true)
        .user(ContainerContract.USER)
        .readonlyRootFilesystem(true)
        .environment(variables(settings, lake, yaml))
        .secrets(secrets(scope, settings, config));
  }

  /** Mounts the writable scratch volume where the image expects it. */
  public static void mountScratch(ContainerDefinition container) {
    container.addMountPoints(MountPoint.builder().sourceVolume(SCRATCH_VOLUME).containerPath(ContainerContract.SCRATCH)
        .readOnly(false).build());
  }

  /** The container's environment variables for {@code settings}, whose engine configuration is {@code yaml}. */
  static Map<String, String> variables(DeploySettings settings, IBucket lake, String yaml) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("AWS_REGION", Aws.REGION);
    environment.put(EngineConfig.BUCKET_VARIABLE, lake.getBucketName());
    if (settings.source().isKafka()) {
      environment.put(EngineConfig.BOOTSTRAP_VARIABLE, settings.source().kafka().bootstrapServers());
    }
    if (settings.s3Tables()) {
      environment.put(EngineConfig.TABLE_BUCKET_VARIABLE, TableBucket.arn(Stack.of(lake), settings));
    }
    // A changed configuration changes the task definition, so that the service rolls its tasks onto it.
    environment.put("TRIBUTARY_CONFIG_SHA256", sha256(yaml));
    environment.putAll(settings.environment());
    return environment;
  }

  /** The configuration and the named SSM SecureString parameters as secrets of a container defined in {@code scope}. */
  static Map<String, Secret> secrets(Construct scope, DeploySettings settings, IStringParameter config) {
    Map<String, Secret> secrets = new LinkedHashMap<>();
    secrets.put(ContainerContract.CONFIG_VARIABLE, Secret.fromSsmParameter(config));
    settings.secrets().forEach((variable, parameter) -> secrets.put(variable, Secret.fromSsmParameter(
        StringParameter.fromSecureStringParameterAttributes(scope, "Secret" + variable,
            SecureStringParameterAttributes.builder().parameterName(parameter).build()))));
    return secrets;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
