package io.tributary.deploy.maintenance;

import io.tributary.deploy.access.IcebergPermissions;
import io.tributary.deploy.lake.LakeBucket;
import io.tributary.deploy.service.ContainerContract;
import io.tributary.deploy.service.EngineConfig;
import io.tributary.deploy.service.EngineContainer;
import io.tributary.deploy.service.IngestService;
import io.tributary.deploy.settings.DeploySettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LaunchType;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.EcsTask;
import software.constructs.Construct;

/**
 * The scheduled table maintenance ({@code maintenance} in the settings): an EventBridge rule that starts, on its
 * schedule, one Fargate task running {@code tributary maintain --config ...} with the service's image, configuration
 * and environment, in the service's cluster and subnets. The task has a role of its own
 * ({@link IcebergPermissions#maintenance}), a security group that only reaches HTTPS, and logs in the service's log
 * group under the stream prefix {@value #LOG_STREAM_PREFIX}. The maintenance lease in the store keeps two runs (a
 * late one and the next) from working at once.
 */
public final class ScheduledMaintenance extends Construct {

  /** The container's command: one maintenance run over the engine's configuration (the image's entrypoint writes it). */
  public static final List<String> COMMAND = List.of("maintain", "--config", ContainerContract.CONFIG_FILE);
  public static final String LOG_STREAM_PREFIX = "maintain";

  private final FargateTaskDefinition task;
  private final Rule rule;

  public ScheduledMaintenance(Construct scope, String id, DeploySettings settings, IngestService service,
      LakeBucket lake) {
    super(scope, id);
    task = EngineContainer.taskDefinition(this, "Task", settings);
    IcebergPermissions.maintenance(settings, lake.bucket(), lake.key()).forEach(task::addToTaskRolePolicy);
    String yaml = EngineConfig.yaml(settings);
    var container = task.addContainer("maintain", EngineContainer.options(this, settings, lake.bucket(),
            service.config(), yaml)
        .command(COMMAND)
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(service.logs())
            .streamPrefix(LOG_STREAM_PREFIX).build()))
        .build());
    EngineContainer.mountScratch(container);

    ICluster cluster = service.service().getCluster();
    SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(cluster.getVpc())
        .description("Tributary maintenance task: no inbound; HTTPS to AWS APIs")
        .allowAllOutbound(false)
        .build();
    securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to S3, the catalog, SSM, ECR and logs");
    rule = Rule.Builder.create(this, "Schedule")
        .description("Tributary " + settings.name() + ": table maintenance (tributary maintain)")
        .schedule(Schedule.expression(settings.maintenance().schedule()))
        .targets(List.of(EcsTask.Builder.create()
            .cluster(cluster)
            .taskDefinition(task)
            .taskCount(1)
            .launchType(LaunchType.FARGATE)
            .platformVersion(FargatePlatformVersion.LATEST)
            .subnetSelection(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
            .securityGroups(List.of(securityGroup))
            .assignPublicIp(false)
            // A run that cannot start within the hour gives way to the next one.
            .maxEventAge(Duration.hours(1))
            .build()))
        .build();
  }

  public FargateTaskDefinition task() {
    return task;
  }

  public Rule rule() {
    return rule;
  }
}
