package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.firehose.DeliveryStreams;
import io.tributary.firehose.FirehoseSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sink} and {@code firehose.*}: the keys are needed only when a dataset's sink is Firehose, and a bad value
 * stops the start naming its key.
 */
class FirehoseConfigTest {
  private static final String KAFKA = "kafka:\n  bootstrap-servers: a:1\n  topics: [orders]\n";
  private static final String S3 = "store:\n  type: s3\n  s3:\n    bucket: lake-bucket\n    region: eu-west-1\n";

  private static ServiceConfig service(String yaml) {
    return ServiceConfig.of(new ConfigLoader(ConfigKeys.all(), Map.of()).parse(yaml, "test.yaml"));
  }

  @Test
  void everyDatasetLandsInTheLakeByDefault() {
    assertThat(service(KAFKA).firehoseSettings()).isEmpty();
  }

  @Test
  void oneFirehoseDatasetTakesTheStreamTemplateAndTheBucketsRegion() {
    ServiceConfig service = service(KAFKA + S3 + "firehose:\n  delivery-stream: raw-{dataset}\n"
        + "  endpoint: https://firehose.example.test\ndatasets:\n  orders:\n    sink: firehose\n");

    FirehoseSettings settings = service.firehoseSettings().orElseThrow();

    assertThat(settings).isEqualTo(new FirehoseSettings("eu-west-1", URI.create("https://firehose.example.test"),
        new DeliveryStreams("raw-{dataset}")));
    assertThat(settings.streams().of("orders")).isEqualTo("raw-orders");
  }

  @Test
  void firehoseAsTheDefaultSinkNeedsItsOwnRegionWithoutAnS3Lake() {
    ServiceConfig service = service(KAFKA + "dataset-defaults:\n  sink: firehose\nfirehose:\n  region: us-east-1\n");

    assertThat(service.firehoseSettings().orElseThrow().region()).isEqualTo("us-east-1");
    assertThat(service.firehoseSettings().orElseThrow().streams().of("clicks")).isEqualTo("tributary-clicks");
  }

  @Test
  void badFirehoseSettingsNameTheirKey() {
    assertThatThrownBy(() -> service(KAFKA + "datasets:\n  orders:\n    sink: s3\n"))
        .hasMessageContaining("datasets.orders.sink");
    assertThatThrownBy(() -> service(KAFKA + "firehose:\n  delivery-stream: 'raw {dataset}'\n"))
        .hasMessageContaining("firehose.delivery-stream");
    assertThatThrownBy(() -> service(KAFKA + "firehose:\n  delivery-stream: 'raw-{table}'\n"))
        .hasMessageContaining("Cannot use 'raw-{table}' as the Firehose delivery stream");
    assertThatThrownBy(() -> service(KAFKA + S3 + "firehose:\n  endpoint: nohost\n"
        + "datasets:\n  orders:\n    sink: firehose\n"))
        .hasMessageContaining("firehose.endpoint: 'nohost' is not a URL");
  }

  @Test
  void aFirehoseDatasetIsRefusedUntilTheLandingCanSendToFirehose() {
    ServiceConfig service = service(KAFKA + "dataset-defaults:\n  sink: firehose\nfirehose:\n  region: us-east-1\n");

    assertThatThrownBy(service::requireLakeSinks).hasMessageContaining("sink: `firehose`")
        .hasMessageContaining("not connected to the landing");
    service(KAFKA).requireLakeSinks();
  }
}
