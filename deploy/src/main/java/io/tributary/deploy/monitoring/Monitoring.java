package io.tributary.deploy.monitoring;

import io.tributary.deploy.settings.DatasetConfig;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.metrics.MetricTags;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms, their SNS topic and the dashboard. Alarms:
 *
 * <ul>
 *   <li>{@code ErrorRecords}: more records than the threshold went to the error prefix in 5 minutes;</li>
 *   <li>{@code Freshness}: the oldest buffered record is older than the longest dataset SLA (nothing commits);</li>
 *   <li>{@code Freshness-<dataset>}: a file of the dataset committed later than its SLA after its oldest event;</li>
 *   <li>{@code Lag}: the lag stayed above its threshold for 15 minutes (scaling did not catch up);</li>
 *   <li>{@code NoData}: no data file committed for {@code alarms.no-data-within} (missing data alarms too: the
 *       tasks are not publishing);</li>
 *   <li>{@code NoData-<dataset>}: no row of the dataset committed for its {@code expect-data-within}.</li>
 * </ul>
 */
public final class Monitoring extends Construct {

  private static final Duration FIVE_MINUTES = Duration.minutes(5);

  private final Topic topic;
  private final List<Alarm> alarms = new ArrayList<>();

  public Monitoring(Construct scope, String id, DeploySettings settings, EngineMetrics metrics, IKey key,
      FargateService service) {
    super(scope, id);
    topic = Topic.Builder.create(this, "AlarmTopic")
        .displayName("Tributary " + settings.name() + " alarms")
        .masterKey(key)
        .enforceSsl(true)
        .build();
    if (settings.alarms().email() != null) {
      topic.addSubscription(new EmailSubscription(settings.alarms().email()));
    }
    boolean kafka = settings.source().isKafka();
    double lagThreshold = settings.alarms().lagThreshold(settings.lagTarget());

    alarm("ErrorRecords", metrics.errorRecords(FIVE_MINUTES), settings.alarms().errorRecordsPer5Minutes(), 1,
        TreatMissingData.NOT_BREACHING, "More than " + settings.alarms().errorRecordsPer5Minutes() + " records went"
            + " to the error prefix in 5 minutes: query the errors table for their error_type and message.");
    long maxSlaSeconds = settings.datasets().stream().mapToLong(d -> d.freshnessSla().toSeconds()).max()
        .orElse(3600);
    alarm("Freshness", metrics.freshness(FIVE_MINUTES), maxSlaSeconds, 2, TreatMissingData.NOT_BREACHING,
        "A buffered record is older than " + maxSlaSeconds + " s (the longest dataset SLA): files are not "
            + "committing (store errors?) or the source is far behind.");
    for (DatasetConfig dataset : settings.datasets()) {
      long slaMillis = dataset.freshnessSla().toMillis();
      alarm("Freshness-" + dataset.name(), metrics.latencyMax(dataset.name(), FIVE_MINUTES), slaMillis, 2,
          TreatMissingData.NOT_BREACHING, "Files of " + dataset.name() + " committed more than its SLA ("
              + dataset.freshnessSla().toSeconds() + " s) after their oldest event.");
      if (dataset.expectDataWithin() != null) {
        lessThanOne("NoData-" + dataset.name(), metrics.writtenRecords(dataset.name(), FIVE_MINUTES),
            dataset.expectDataWithin(), "No row of " + dataset.name() + " committed for "
                + dataset.expectDataWithin().toMinutes() + " minutes.");
      }
    }
    alarm("Lag", metrics.lag(kafka, FIVE_MINUTES), lagThreshold, 3, TreatMissingData.NOT_BREACHING,
        "The source lag stayed above " + lagThreshold + (kafka ? " records per task" : " seconds") + " for 15 "
            + "minutes: scaling is at its maximum or the tasks cannot keep up.");
    lessThanOne("NoData", metrics.dataFiles(FIVE_MINUTES), settings.alarms().noDataWithin(),
        "No data file committed for " + settings.alarms().noDataWithin().toMinutes() + " minutes (or no metrics "
            + "at all: are tasks running?).");

    dashboard(settings, metrics, service, kafka, lagThreshold);
  }

  public Topic topic() {
    return topic;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  private void alarm(String name, Metric metric, double threshold, int periods, TreatMissingData missing,
      String description) {
    Alarm alarm = Alarm.Builder.create(this, name + "Alarm")
        .alarmDescription(description)
        .metric(metric)
        .threshold(threshold)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(periods)
        .datapointsToAlarm(periods)
        .treatMissingData(missing)
        .build();
    register(alarm);
  }

  /** An alarm when the sum stays below one for {@code window}; missing data (no task publishing) breaches. */
  private void lessThanOne(String name, Metric metric, java.time.Duration window, String description) {
    int periods = (int) (window.toSeconds() / 300);
    Alarm alarm = Alarm.Builder.create(this, name + "Alarm")
        .alarmDescription(description)
        .metric(metric)
        .threshold(1)
        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
        .evaluationPeriods(periods)
        .datapointsToAlarm(periods)
        .treatMissingData(TreatMissingData.BREACHING)
        .build();
    register(alarm);
  }

  private void register(Alarm alarm) {
    SnsAction action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.add(alarm);
  }

  private void dashboard(DeploySettings settings, EngineMetrics metrics, FargateService service, boolean kafka,
      double lagThreshold) {
    Duration minute = Duration.minutes(1);
    Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
        .dashboardName("Tributary-" + settings.name())
        .build();
    dashboard.addWidgets(
        AlarmStatusWidget.Builder.create().title("Alarms").alarms(List.<IAlarm>copyOf(alarms)).width(24).build());
    dashboard.addWidgets(
        graph("Records received by outcome", List.of(
            metrics.receivedRecords(MetricTags.LANDED, minute),
            metrics.receivedRecords(MetricTags.ERROR, minute),
            metrics.receivedRecords(MetricTags.DUPLICATE, minute)), null),
        graph("Rows committed by dataset", List.of(search(metrics, "tributary.written.records.count",
            MetricTags.DATASET, "Sum")), null),
        graph("Error records by type", List.of(search(metrics, "tributary.error.records.count",
            MetricTags.DATASET + "," + MetricTags.ERROR_TYPE, "Sum")), null));
    dashboard.addWidgets(
        graph("Latency p99 by dataset (ms)", List.of(search(metrics, "tributary.latency.percentile.value",
            MetricTags.DATASET + ",phi", "Maximum")), null),
        graph("Freshness: oldest buffered record (s)", List.of(metrics.freshness(minute)), null),
        graph(kafka ? "Lag (records behind per task)" : "Lag (seconds behind)", List.of(metrics.lag(kafka, minute)),
            HorizontalAnnotation.builder().value(settings.lagTarget()).label("scaling target").build()));
    dashboard.addWidgets(
        graph("Tasks", List.of(Metric.Builder.create().namespace("ECS/ContainerInsights")
            .metricName("RunningTaskCount").dimensionsMap(java.util.Map.of(
                "ClusterName", service.getCluster().getClusterName(), "ServiceName", service.getServiceName()))
            .statistic("Average").period(minute).build()),
            HorizontalAnnotation.builder().value(settings.service().maxTasks()).label("max tasks").build()),
        graph("CPU and memory (%)", List.of(service.metricCpuUtilization(), service.metricMemoryUtilization()),
            null),
        graph("Buffered bytes and longest flush (ms)", List.of(metrics.bufferedBytes(minute),
            metrics.flushMax(minute)), null));
  }

  private static IMetric search(EngineMetrics metrics, String name, String dimensions, String statistic) {
    return MathExpression.Builder.create()
        .expression("SEARCH('{\"" + metrics.namespace() + "\"," + dimensions + "} MetricName=\"" + name + "\"', '"
            + statistic + "', 60)")
        .label("")
        .period(Duration.minutes(1))
        .build();
  }

  private static GraphWidget graph(String title, List<IMetric> left, HorizontalAnnotation annotation) {
    GraphWidget.Builder builder = GraphWidget.Builder.create().title(title).left(left).width(8).height(6);
    if (annotation != null) {
      builder.leftAnnotations(List.of(annotation));
    }
    return builder.build();
  }
}
