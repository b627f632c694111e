package io.tributary.deploy.service;

import static io.tributary.deploy.Templates.at;
import static io.tributary.deploy.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.deploy.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the Fargate service: size, a stop timeout long enough for the drain, configuration from SSM and the
 * environment, logs with a retention, the health check of the image, a read-only root file system, no inbound
 * traffic, and target tracking on the engine's lag within bounds that never exceed the partitions or shards.
 */
class ServiceTemplateTest {

  private final Template msk = Templates.example("msk");

  @Test
  void theTaskHasItsSizeAndTheContainerAStopTimeoutForTheDrain() {
    Map<String, Object> task = Templates.only(msk, "AWS::ECS::TaskDefinition");
    assertThat(task.get("Cpu")).isEqualTo("1024");
    assertThat(task.get("Memory")).isEqualTo("2048");
    assertThat(task.get("RequiresCompatibilities")).isEqualTo(List.of("FARGATE"));
    Map<String, Object> container = at(task, "ContainerDefinitions", 0);
    assertThat(((Number) container.get("StopTimeout")).intValue()).isGreaterThanOrEqualTo(60);
    assertThat(container.get("ReadonlyRootFilesystem")).isEqualTo(true);
    assertThat(container.get("User")).isEqualTo(ContainerContract.USER);
    assertThat(Templates.value(container, "LinuxParameters", "InitProcessEnabled")).isEqualTo(true);
    assertThat(Templates.value(container, "MountPoints", 0, "ContainerPath")).isEqualTo(ContainerContract.SCRATCH);
  }

  @Test
  void theEngineDrainsWithinTheStopTimeout() {
    String yaml = EngineConfig.yaml(Templates.settings("msk", json -> json.withObjectProperty("service").put("stop-timeout", "90s")));
    assertThat(yaml).contains("deadline: 80s");
    Map<String, Object> container = at(Templates.only(Templates.synth(Templates.settings("msk",
        json -> json.withObjectProperty("service").put("stop-timeout", "90s"))), "AWS::ECS::TaskDefinition"),
        "ContainerDefinitions", 0);
    assertThat(container.get("StopTimeout")).isEqualTo(90);
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("stop-timeout", "30s")))
        .hasMessageContaining("service.stop-timeout: 30s is not allowed: 60s to 120s");
  }

  @Test
  void configurationComesFromSsmAndTheEnvironment() {
    Map<String, Object> container = at(Templates.only(msk, "AWS::ECS::TaskDefinition"), "ContainerDefinitions", 0);
    List<Map<String, Object>> secrets = at(container, "Secrets");
    assertThat(secrets).singleElement().satisfies(s -> {
      assertThat(s.get("Name")).isEqualTo(ContainerContract.CONFIG_VARIABLE);
      assertThat(render(s.get("ValueFrom"))).contains("${IngestConfig");
    });
    Map<String, String> environment = new java.util.HashMap<>();
    List<Map<String, Object>> env = at(container, "Environment");
    env.forEach(e -> environment.put(e.get("Name").toString(), render(e.get("Value"))));
    assertThat(environment).containsEntry("AWS_REGION", "${AWS::Region}")
        .containsEntry(EngineConfig.BOOTSTRAP_VARIABLE,
            "b-1.events.abc123.c3.kafka.eu-west-1.amazonaws.com:9098,"
                + "b-2.events.abc123.c3.kafka.eu-west-1.amazonaws.com:9098")
        .containsKey("TRIBUTARY_CONFIG_SHA256");
    assertThat(environment.get(EngineConfig.BUCKET_VARIABLE)).matches("\\$\\{LakeBucket[0-9A-F]{8}}");
    Map<String, Object> parameter = Templates.only(msk, "AWS::SSM::Parameter");
    assertThat(parameter.get("Name")).isEqualTo("/tributary/orders-prod/config");
    assertThat(parameter.get("Value").toString()).contains("application-id: orders-prod")
        .contains("namespace: Tributary/orders-prod");
  }

  @Test
  void aChangedConfigurationChangesTheTaskDefinition() {
    String before = configHash(msk);
    String after = configHash(Templates.synth(Templates.settings("msk",
        json -> json.withObjectProperty("lake").put("error-prefix", "errors"))));
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void secureStringParametersBecomeSecrets() {
    Template template = Templates.synth(Templates.settings("msk",
        json -> json.putObject("secrets").put("EXTRA_TOKEN", "/tributary/orders-prod/token")));
    List<Map<String, Object>> secrets = at(Templates.only(template, "AWS::ECS::TaskDefinition"),
        "ContainerDefinitions", 0, "Secrets");
    assertThat(secrets).extracting(s -> s.get("Name")).containsExactlyInAnyOrder(ContainerContract.CONFIG_VARIABLE,
        "EXTRA_TOKEN");
    assertThat(secrets.stream().filter(s -> s.get("Name").equals("EXTRA_TOKEN")).map(s -> render(s.get("ValueFrom")))
        .findFirst().orElseThrow()).endsWith(":parameter/tributary/orders-prod/token");
  }

  @Test
  void theHealthCheckIsTheImagesAndLogsAreKeptForTheirRetention() {
    Map<String, Object> container = at(Templates.only(msk, "AWS::ECS::TaskDefinition"), "ContainerDefinitions", 0);
    List<String> command = new ArrayList<>();
    command.add("CMD");
    command.addAll(ContainerContract.HEALTH_CHECK);
    assertThat(Templates.value(container, "HealthCheck", "Command")).isEqualTo(command);
    assertThat(((Number) at(container, "HealthCheck", "StartPeriod")).intValue()).isGreaterThanOrEqualTo(60);
    assertThat(Templates.value(container, "LogConfiguration", "LogDriver")).isEqualTo("awslogs");
    assertThat(Templates.only(msk, "AWS::Logs::LogGroup").get("RetentionInDays")).isEqualTo(30);
  }

  @Test
  void theTasksTakeNoInboundTrafficAndReachMskOnlyOnItsIamPort() {
    Map<String, Object> group = Templates.only(msk, "AWS::EC2::SecurityGroup");
    assertThat(group.get("SecurityGroupIngress")).isNull();
    List<Map<String, Object>> egress = at(group, "SecurityGroupEgress");
    assertThat(egress).extracting(e -> e.get("FromPort")).containsExactlyInAnyOrder(443, 9098);
    Map<String, Object> ingress = Templates.only(msk, "AWS::EC2::SecurityGroupIngress");
    assertThat(ingress.get("GroupId")).isEqualTo("sg-0123456789abcdef0");
    assertThat(ingress.get("FromPort")).isEqualTo(9098);
    Map<String, Object> service = Templates.only(msk, "AWS::ECS::Service");
    assertThat(Templates.value(service, "NetworkConfiguration", "AwsvpcConfiguration", "AssignPublicIp"))
        .isEqualTo("DISABLED");
    assertThat(Templates.value(service, "DeploymentConfiguration", "DeploymentCircuitBreaker", "Rollback"))
        .isEqualTo(true);
  }

  @Test
  void scalingStaysWithinTheBoundsAndTracksTheLagMetricTheEnginePublishes() {
    Map<String, Object> target = Templates.only(msk, "AWS::ApplicationAutoScaling::ScalableTarget");
    assertThat(target.get("MinCapacity")).isEqualTo(2);
    assertThat(target.get("MaxCapacity")).isEqualTo(6);
    assertThat(Templates.only(msk, "AWS::ECS::Service").get("DesiredCount")).isEqualTo(2);
    Map<String, Object> policy = Templates.only(msk, "AWS::ApplicationAutoScaling::ScalingPolicy");
    assertThat(policy.get("PolicyType")).isEqualTo("TargetTrackingScaling");
    Map<String, Object> tracking = at(policy, "TargetTrackingScalingPolicyConfiguration");
    assertThat(((Number) tracking.get("TargetValue")).doubleValue()).isEqualTo(20_000);
    Map<String, Object> metric = at(tracking, "CustomizedMetricSpecification");
    assertThat(metric.get("Namespace")).isEqualTo("Tributary/orders-prod");
    assertThat(metric.get("MetricName")).isEqualTo("tributary.source.lag.records.value");
    assertThat(metric.get("Statistic")).isEqualTo("Average");

    Template kinesis = Templates.example("kinesis");
    Map<String, Object> kinesisMetric = at(Templates.only(kinesis, "AWS::ApplicationAutoScaling::ScalingPolicy"),
        "TargetTrackingScalingPolicyConfiguration", "CustomizedMetricSpecification");
    assertThat(kinesisMetric.get("MetricName")).isEqualTo("tributary.source.lag.value");
    assertThat(Templates.only(kinesis, "AWS::ApplicationAutoScaling::ScalableTarget").get("MaxCapacity"))
        .isEqualTo(4);
  }

  @Test
  void moreTasksThanPartitionsOrShardsIsRefused() {
    assertThatThrownBy(() -> Templates.settings("msk", json -> json.withObjectProperty("service").put("max-tasks", 13)))
        .hasMessageContaining("service.max-tasks: 13 is more than source.kafka.partitions 12");
    assertThatThrownBy(() -> Templates.settings("kinesis", json -> json.withObjectProperty("source").withObjectProperty("kinesis")
        .put("shards", 3))).hasMessageContaining("service.max-tasks: 4 is more than source.kinesis.shards 3");
    Map<String, Object> target = Templates.only(Templates.synth(Templates.settings("msk",
        json -> json.withObjectProperty("service").put("max-tasks", 12))), "AWS::ApplicationAutoScaling::ScalableTarget");
    assertThat(target.get("MaxCapacity")).isEqualTo(12);
  }

  private static String configHash(Template template) {
    List<Map<String, Object>> env = at(Templates.only(template, "AWS::ECS::TaskDefinition"), "ContainerDefinitions",
        0, "Environment");
    return env.stream().filter(e -> e.get("Name").equals("TRIBUTARY_CONFIG_SHA256"))
        .map(e -> e.get("Value").toString()).collect(Collectors.joining());
  }
}
