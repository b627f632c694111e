package io.tributary.reader;

import io.tributary.app.config.ConfigLoader;
import io.tributary.app.config.ServiceConfig;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import io.tributary.firehose.ShapedRow;
import io.tributary.landing.LandingSettings;
import io.tributary.partition.PartitionResult;
import io.tributary.partition.Partitioner;
import io.tributary.schema.DatasetSchemas;
import io.tributary.schema.SchemaHistory;
import io.tributary.schema.ShapeResult;
import io.tributary.source.Position;
import io.tributary.source.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The shaped rows a landing with {@code sink: firehose} would hand to Firehose for some JSON lines, made with the
 * engine's own steps (decode, event time, shape under the lake's schema history) from the engine's configuration,
 * until the landing itself calls the sink: the rows of a {@code tributary backfill} of the same lines, one per line.
 */
final class FirehoseRows {
  private FirehoseRows() {}

  /**
   * @param config the engine's configuration file (its lake holds the dataset's schema history already)
   * @param stream the stream the lines come from (the dataset, as a topic would name it)
   * @param partition the source partition
   * @param lines JSON lines, numbered from 1 as backfill numbers them
   * @param ingestMicros the ingest time of every row
   */
  static List<ShapedRow> shape(Path config, String stream, String partition, String lines, long ingestMicros) {
    ServiceConfig service = ServiceConfig.withoutSource(ConfigLoader.standard().load(config));
    LandingSettings landing = service.landingSettings();
    SchemaHistory history = new SchemaHistory(service.openStore(), landing.prefix(), "firehose-rows",
        Clock.systemUTC());
    DatasetSchemas schemas = new DatasetSchemas(history, d -> landing.datasets().apply(d).evolution());
    JsonDecoder decoder = new JsonDecoder(landing.limits());
    Partitioner partitioner = new Partitioner(landing.datasets().apply(stream).partitioning());
    List<ShapedRow> rows = new ArrayList<>();
    long number = 0;
    for (String line : lines.split("\n")) {
      number++;
      SourceRecord record = SourceRecord.of(stream, partition, Long.toString(number), 0,
          line.getBytes(StandardCharsets.UTF_8));
      var event = ((DecodeResult.Decoded) decoder.decode(record.value())).event();
      long eventTime = ((PartitionResult.Partitioned) partitioner.partition(record, event)).eventTimeMicros();
      var shaped = (ShapeResult.Shaped) schemas.shape(stream, event, ingestMicros, stream, partition,
          record.position().toString());
      rows.add(new ShapedRow(shaped.schema(), shaped.row(), eventTime, Position.of(number)));
    }
    return rows;
  }
}
