package io.tributary.deploy.firehose;

import io.tributary.deploy.lake.LakeBucket;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.partition.Granularity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;

/**
 * The S3 destination of a dataset with Parquet conversion: the Glue table's latest version as the schema, the Hive
 * JSON SerDe with no timestamp format (the rows' timestamps are {@code java.sql.Timestamp.valueOf} text, its
 * default), and the time keys of the dataset's granularity cut from {@code _event_time} by a JQ query.
 */
final class FirehoseParquet {
  /** Where each time key sits in {@code yyyy-MM-dd HH:mm:ss.SSSSSS}. */
  private static final Map<String, String> SLICES = Map.of(
      "year", "[0:4]", "month", "[5:7]", "day", "[8:10]", "hour", "[11:13]");

  private FirehoseParquet() {}

  static CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty destination(DeploySettings settings,
      String dataset, Granularity granularity, LakeBucket lake, Role role,
      CfnDeliveryStream.BufferingHintsProperty buffering, String errorPrefix) {
    List<String> keys = granularity.keyNames();
    String query = keys.stream().map(k -> k + ": ._event_time" + SLICES.get(k))
        .collect(Collectors.joining(", ", "{", "}"));
    String prefix = settings.lake().prefix() + "/" + dataset + "/" + keys.stream()
        .map(k -> k + "=!{partitionKeyFromQuery:" + k + "}/").collect(Collectors.joining());
    return CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty.builder()
        .bucketArn(lake.bucket().getBucketArn())
        .roleArn(role.getRoleArn())
        .prefix(prefix)
        .errorOutputPrefix(errorPrefix)
        .bufferingHints(buffering)
        .encryptionConfiguration(CfnDeliveryStream.EncryptionConfigurationProperty.builder()
            .kmsEncryptionConfig(CfnDeliveryStream.KMSEncryptionConfigProperty.builder()
                .awskmsKeyArn(lake.key().getKeyArn()).build()).build())
        .dynamicPartitioningConfiguration(CfnDeliveryStream.DynamicPartitioningConfigurationProperty.builder()
            .enabled(true).build())
        .processingConfiguration(CfnDeliveryStream.ProcessingConfigurationProperty.builder()
            .enabled(true)
            .processors(List.of(CfnDeliveryStream.ProcessorProperty.builder()
                .type("MetadataExtraction")
                .parameters(List.of(
                    parameter("MetadataExtractionQuery", query),
                    parameter("JsonParsingEngine", "JQ-1.6")))
                .build()))
            .build())
        .dataFormatConversionConfiguration(CfnDeliveryStream.DataFormatConversionConfigurationProperty.builder()
            .enabled(true)
            .inputFormatConfiguration(CfnDeliveryStream.InputFormatConfigurationProperty.builder()
                .deserializer(CfnDeliveryStream.DeserializerProperty.builder()
                    .hiveJsonSerDe(CfnDeliveryStream.HiveJsonSerDeProperty.builder().build()).build())
                .build())
            .outputFormatConfiguration(CfnDeliveryStream.OutputFormatConfigurationProperty.builder()
                .serializer(CfnDeliveryStream.SerializerProperty.builder()
                    .parquetSerDe(CfnDeliveryStream.ParquetSerDeProperty.builder().compression("SNAPPY").build())
                    .build())
                .build())
            .schemaConfiguration(CfnDeliveryStream.SchemaConfigurationProperty.builder()
                .databaseName(settings.databaseName())
                .tableName(dataset)
                .region(Stack.of(role).getRegion())
                .roleArn(role.getRoleArn())
                .versionId("LATEST")
                .build())
            .build())
        .build();
  }

  private static CfnDeliveryStream.ProcessorParameterProperty parameter(String name, String value) {
    return CfnDeliveryStream.ProcessorParameterProperty.builder().parameterName(name).parameterValue(value).build();
  }
}
