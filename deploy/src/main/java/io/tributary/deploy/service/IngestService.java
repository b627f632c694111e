package io.tributary.deploy.service;

import io.tributary.deploy.access.TaskPermissions;
import io.tributary.deploy.lake.LakeBucket;
import io.tributary.deploy.monitoring.EngineMetrics;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.VpcSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LinuxParameters;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.TrackCustomMetricProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.Construct;

/**
 * The ECS cluster and the Fargate service: one container of the image, its configuration from SSM and the
 * environment, logs in CloudWatch Logs with a retention, the health check, a 60 s (or longer) stop timeout for the
 * drain, a read-only root file system with a scratch volume on {@code /tmp}, the task role of
 * {@link TaskPermissions}, and target tracking on the engine's lag between the minimum and maximum task counts.
 */
public final class IngestService extends Construct {

  private final FargateService service;
  private final StringParameter config;
  private final ScalableTaskCount scaling;
  private final SecurityGroup securityGroup;
  private final LogGroup logs;

  public IngestService(Construct scope, String id, DeploySettings settings, LakeBucket lake, EngineMetrics metrics) {
    super(scope, id);
    IVpc vpc = vpc(settings.vpc());
    Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc)
        .containerInsightsV2(ContainerInsights.ENABLED).build();

    String yaml = EngineConfig.yaml(settings);
    config = StringParameter.Builder.create(this, "Config")
        .parameterName("/tributary/" + settings.name() + "/config")
        .description("Tributary's configuration (YAML) for " + settings.name() + ", made by the deploy module")
        .stringValue(yaml)
        .tier(yaml.getBytes(StandardCharsets.UTF_8).length > 4096 ? ParameterTier.ADVANCED : ParameterTier.STANDARD)
        .build();

    FargateTaskDefinition task = EngineContainer.taskDefinition(this, "Task", settings);
    TaskPermissions.statements(settings, lake.bucket(), lake.key()).forEach(task::addToTaskRolePolicy);

    logs = LogGroup.Builder.create(this, "Logs")
        .logGroupName("/tributary/" + settings.name())
        .retention(retention(settings.service().logRetentionDays()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    var container = task.addContainer("tributary", EngineContainer.options(this, settings, lake.bucket(), config, yaml)
        .stopTimeout(Duration.seconds(settings.service().stopTimeout().toSeconds()))
        .linuxParameters(LinuxParameters.Builder.create(this, "Linux").initProcessEnabled(true).build())
        .healthCheck(HealthCheck.builder()
            .command(concat("CMD", ContainerContract.HEALTH_CHECK))
            .interval(Duration.seconds(30))
            .timeout(Duration.seconds(10))
            .retries(5)
            .startPeriod(Duration.seconds(180))
            .build())
        .portMappings(List.of(PortMapping.builder().containerPort(EngineConfig.HTTP_PORT).name("http").build()))
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("tributary")
            .mode(AwsLogDriverMode.NON_BLOCKING).maxBufferSize(software.amazon.awscdk.Size.mebibytes(25)).build()))
        .build());
    EngineContainer.mountScratch(container);

    securityGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup").vpc(vpc)
        .description("Tributary tasks: no inbound; HTTPS to AWS APIs" + (settings.source().isKafka()
            ? ", 9098 to MSK" : ""))
        .allowAllOutbound(false)
        .build();
    securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to S3, CloudWatch, SSM, ECR and the source");
    if (settings.source().isKafka()) {
      String mskGroup = settings.source().kafka().securityGroupId();
      securityGroup.addEgressRule(mskGroup == null ? Peer.ipv4(vpc.getVpcCidrBlock()) : Peer.securityGroupId(mskGroup),
          Port.tcp(9098), "MSK brokers, IAM access control");
      if (mskGroup != null) {
        CfnSecurityGroupIngress.Builder.create(this, "MskIngress")
            .groupId(mskGroup)
            .sourceSecurityGroupId(securityGroup.getSecurityGroupId())
            .ipProtocol("tcp").fromPort(9098).toPort(9098)
            .description("Tributary " + settings.name() + " tasks, MSK IAM access control")
            .build();
      }
    }

    service = FargateService.Builder.create(this, "Service")
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(settings.service().desiredTasks())
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
        .securityGroups(List.of(securityGroup))
        .assignPublicIp(false)
        .build();

    scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
        .minCapacity(settings.service().minTasks())
        .maxCapacity(settings.service().maxTasks())
        .build());
    scaling.scaleToTrackCustomMetric("LagTracking", TrackCustomMetricProps.builder()
        .metric(metrics.lag(settings.source().isKafka(), Duration.minutes(1)))
        .targetValue(settings.lagTarget())
        .scaleOutCooldown(Duration.seconds(settings.scaling().scaleOutCooldown().toSeconds()))
        .scaleInCooldown(Duration.seconds(settings.scaling().scaleInCooldown().toSeconds()))
        .build());
  }

  public FargateService service() {
    return service;
  }

  public StringParameter config() {
    return config;
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  /** The log group of the engine's containers. */
  public LogGroup logs() {
    return logs;
  }

  private IVpc vpc(VpcSettings settings) {
    if (settings != null) {
      // The imported subnets' route tables are not needed (nothing here adds routes); say so instead of warning.
      Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-ec2:noSubnetRouteTableId",
          "no routes are added to the imported subnets");
      return Vpc.fromVpcAttributes(this, "Vpc", VpcAttributes.builder()
          .vpcId(settings.vpcId())
          .availabilityZones(settings.availabilityZones())
          .privateSubnetIds(settings.privateSubnetIds())
          .build());
    }
    return Vpc.Builder.create(this, "Vpc")
        .maxAzs(2)
        .natGateways(1)
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
            SubnetConfiguration.builder().name("tasks").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(22)
                .build()))
        .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder()
            .service(GatewayVpcEndpointAwsService.S3).build()))
        .build();
  }

  private static RetentionDays retention(int days) {
    return switch (days) {
      case 1 -> RetentionDays.ONE_DAY;
      case 3 -> RetentionDays.THREE_DAYS;
      case 5 -> RetentionDays.FIVE_DAYS;
      case 7 -> RetentionDays.ONE_WEEK;
      case 14 -> RetentionDays.TWO_WEEKS;
      case 30 -> RetentionDays.ONE_MONTH;
      case 60 -> RetentionDays.TWO_MONTHS;
      case 90 -> RetentionDays.THREE_MONTHS;
      case 180 -> RetentionDays.SIX_MONTHS;
      case 365 -> RetentionDays.ONE_YEAR;
      case 731 -> RetentionDays.TWO_YEARS;
      case 1827 -> RetentionDays.FIVE_YEARS;
      case 3653 -> RetentionDays.TEN_YEARS;
      default -> throw new IllegalStateException("checked by ServiceSettings: " + days);
    };
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new java.util.ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
