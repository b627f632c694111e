package io.tributary.app.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary health}: asks a running service whether it is ready; for container health checks. */
@Command(name = "health", mixinStandardHelpOptions = true, description = {"Ask a running service on this host whether it is ready (GET /readyz).",
    "Exit 0 when ready, 1 when not or when it does not answer: usable as a container HEALTHCHECK."})
final class HealthCommand implements Callable<Integer> {

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "The service's http.port (default 8080).")
  int port;

  @Option(names = "--live", description = "Only check that the process answers (GET /healthz).")
  boolean live;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    URI uri = URI.create("http://127.0.0.1:" + port + (live ? "/healthz" : "/readyz"));
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
          .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      spec.commandLine().getOut().print(response.body());
      spec.commandLine().getOut().flush();
      return response.statusCode() == 200 ? 0 : 1;
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("No answer from " + uri + ": " + (e instanceof java.net.ConnectException
          ? "connection refused (is the service running, with http.port " + port + "?)" : Causes.describe(e)));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
