package io.tributary.deploy.service;

import java.util.List;

/**
 * What the image ({@code deploy/Dockerfile}) and the task definition agree on. {@code DockerfileTest} checks the
 * Dockerfile against these values; the task definition is built from them.
 */
public final class ContainerContract {

  /** The image's JVM options: heap as a share of the container's memory, exit on OutOfMemoryError. */
  public static final String JAVA_OPTS = "-XX:+UseContainerSupport -XX:MaxRAMPercentage=75.0 "
      + "-XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData "
      + "-Djava.io.tmpdir=/var/tributary/tmp";
  /** Where the image keeps the fat jar. */
  public static final String JAR = "/opt/tributary/tributary.jar";
  /** The image's non-root user and group ids. */
  public static final String USER = "10001:10001";
  /**
   * The environment variable holding the engine's YAML configuration (an ECS secret from SSM); the entrypoint writes
   * it to {@link #CONFIG_FILE} before starting the JVM.
   */
  public static final String CONFIG_VARIABLE = "TRIBUTARY_CONFIG_YAML";
  /** Where the entrypoint writes the configuration: the only writable place of a read-only root file system. */
  public static final String CONFIG_FILE = "/var/tributary/tributary.yaml";
  /**
   * The writable scratch folder (the configuration; the JVM's temporary files: Kafka Streams' state directory,
   * native libraries), a task volume, since the root file system is read-only.
   */
  public static final String SCRATCH = "/var/tributary";
  /**
   * The health check: {@code tributary health} (GET /readyz, exit 0 when ready) in a small, quick JVM, so that a
   * check every 30 s costs little next to the engine. No curl or shell in the image is needed.
   */
  public static final List<String> HEALTH_CHECK = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-Xmx48m", "-Xss512k", "-XX:-UsePerfData", "-jar", JAR, "health");

  private ContainerContract() {}
}
