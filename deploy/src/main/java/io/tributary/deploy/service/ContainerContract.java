package io.tributary.deploy.service;

import java.util.List;

/**
 * What the image ({@code deploy/Dockerfile}) and the task definition agree on. {@code DockerfileTest} checks the
 * Dockerfile against these values; the task definition is built from them.
 */
public final class ContainerContract {

  /**
   * The image's JVM options: the parallel collector whatever the task size, heap as a share of the container's
   * memory, exit on OutOfMemoryError.
   */
  public static final String JAVA_OPTS = "-XX:+UseContainerSupport -XX:+UseParallelGC -XX:MaxRAMPercentage=75.0 "
      + "-XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData "
      + "-Djava.io.tmpdir=/var/tributary/tmp";
  /** Where the image keeps the service jar (ingest-app's target/tributary-service.jar: `run` without the demo). */
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
   * The health check: GET /readyz with curl (installed in the image), exit 0 when ready; on 503 it prints the
   * reason (e.g. {@code brokers unreachable at host:port}) into the check's output and exits non-zero. A few
   * milliseconds of CPU, where a JVM ({@code tributary health}) took about 1.2 s every 30 s. Exec form: no shell.
   */
  public static final List<String> HEALTH_CHECK = List.of("curl", "--silent", "--show-error", "--fail-with-body",
      "--max-time", "5", "http://127.0.0.1:" + EngineConfig.HTTP_PORT + "/readyz");

  private ContainerContract() {}
}
