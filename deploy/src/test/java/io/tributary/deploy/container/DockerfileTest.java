package io.tributary.deploy.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.deploy.Templates;
import io.tributary.deploy.service.ContainerContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards deploy/Dockerfile, since no Docker engine runs here to build it: two stages (the Maven wrapper builds, a
 * JRE 17 runs), a non-root user, JVM options sized by the container's memory, a health check with
 * {@code tributary health}, and an exec-form entrypoint that hands the process over to the JVM, all agreeing with
 * {@link ContainerContract}, which the task definition is built from. {@code ContainerLaunchTest} runs the result.
 */
class DockerfileTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Dockerfile dockerfile = Dockerfile.read(Templates.deployDir().resolve("Dockerfile"));

  @Test
  void theMavenWrapperBuildsInOneStageAndAJre17RunsInTheNext() {
    assertThat(dockerfile.stages()).hasSize(2);
    Dockerfile.Stage build = dockerfile.stages().get(0);
    assertThat(build.image()).startsWith("eclipse-temurin:17-jdk");
    assertThat(build.name()).isEqualTo("build");
    assertThat(build.all("RUN")).anySatisfy(run -> assertThat(run.arguments())
        .contains("./mvnw").contains("-pl ingest-app -am package"));
    Dockerfile.Stage runtime = dockerfile.runtime();
    assertThat(runtime.image()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(runtime.all("COPY")).anySatisfy(copy -> assertThat(copy.arguments())
        .startsWith("--from=build").endsWith(" " + ContainerContract.JAR));
    assertThat(runtime.all("RUN")).noneMatch(run -> run.arguments().contains("mvnw"));
  }

  @Test
  void theRuntimeRunsAsTheNonRootUserBeforeItsEntrypoint() {
    Dockerfile.Stage runtime = dockerfile.runtime();
    Dockerfile.Instruction user = runtime.last("USER");
    assertThat(user.arguments()).isEqualTo(ContainerContract.USER).doesNotStartWith("0").isNotEqualTo("root");
    assertThat(runtime.indexOf(user)).isLessThan(runtime.indexOf(runtime.last("ENTRYPOINT")));
    assertThat(runtime.all("RUN")).anySatisfy(run -> assertThat(run.arguments())
        .contains("useradd --system --uid 10001"));
  }

  @Test
  void theJvmRunsTheParallelCollectorIsSizedByTheContainersMemoryAndExitsOnOutOfMemory() {
    String javaOpts = dockerfile.runtime().env().get("JAVA_OPTS");
    assertThat(javaOpts).isEqualTo(ContainerContract.JAVA_OPTS)
        .contains("-XX:+UseParallelGC").contains("-XX:MaxRAMPercentage=75.0")
        .contains("-XX:+ExitOnOutOfMemoryError")
        .doesNotContain("-Xmx");
    assertThat(dockerfile.runtime().env()).containsEntry("TRIBUTARY_JAR", ContainerContract.JAR)
        .containsEntry("TRIBUTARY_CONFIG_FILE", ContainerContract.CONFIG_FILE)
        .doesNotContainKey("JAVA_TOOL_OPTIONS"); // would also size every health-check JVM
    assertThat(dockerfile.runtime().last("VOLUME").arguments()).contains("\"" + ContainerContract.SCRATCH + "\"");
  }

  @Test
  void theEntrypointIsExecFormAndTheScriptExecsTheJvm() throws IOException {
    List<String> entrypoint = exec(dockerfile.runtime().last("ENTRYPOINT").arguments());
    assertThat(entrypoint).containsExactly("/opt/tributary/entrypoint.sh");
    assertThat(dockerfile.runtime().all("COPY")).anySatisfy(copy -> assertThat(copy.arguments())
        .endsWith("deploy/docker/entrypoint.sh /opt/tributary/entrypoint.sh"));
    List<String> script = Files.readAllLines(Templates.deployDir().resolve("docker/entrypoint.sh")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(script.get(script.size() - 1)).startsWith("exec java ${JAVA_OPTS:-} -jar \"$jar\" \"$@\"");
    assertThat(script).contains("set -eu");
    assertThat(exec(dockerfile.runtime().last("CMD").arguments()))
        .containsExactly("run", "--config", ContainerContract.CONFIG_FILE);
  }

  @Test
  void theHealthCheckIsCurlOnReadyzWithoutAShellOrAJvm() {
    String healthCheck = dockerfile.runtime().last("HEALTHCHECK").arguments();
    assertThat(healthCheck).contains("--start-period=180s").contains("--retries=5");
    String command = healthCheck.substring(healthCheck.indexOf("CMD ") + 4);
    assertThat(exec(command)).isEqualTo(ContainerContract.HEALTH_CHECK);
    assertThat(ContainerContract.HEALTH_CHECK).startsWith("curl").endsWith("http://127.0.0.1:8080/readyz")
        .doesNotContain("java");
    assertThat(dockerfile.runtime().all("RUN")).anySatisfy(run -> assertThat(run.arguments())
        .contains("apt-get install -y --no-install-recommends curl"));
  }

  @Test
  void theImageCarriesTheServiceJar() {
    assertThat(dockerfile.stages().get(0).all("RUN")).anySatisfy(run -> assertThat(run.arguments())
        .contains("cp ingest-app/target/tributary-service.jar /tributary.jar"));
  }

  @Test
  void theBuildContextLeavesOutBuildOutput() throws IOException {
    assertThat(Files.readAllLines(Templates.deployDir().resolve("Dockerfile.dockerignore")))
        .contains("**/target/", "**/node_modules/", ".git/");
  }

  /** An exec-form (JSON array) argument list; a shell-form one fails the parse. */
  private static List<String> exec(String arguments) {
    try {
      return JSON.readValue(arguments, new TypeReference<List<String>>() { });
    } catch (IOException e) {
      throw new AssertionError("not exec form (a JSON array): " + arguments, e);
    }
  }

  static Path dockerfilePath() {
    return Templates.deployDir().resolve("Dockerfile");
  }
}
