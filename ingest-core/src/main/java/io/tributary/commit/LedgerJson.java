package io.tributary.commit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.source.Position;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of a commit record: small, readable by operators, versioned by {@code format}. */
final class LedgerJson {
  private static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LedgerJson() {}

  static byte[] write(CommitRecord record) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("seq", record.seq());
    if (record.watermark() != null) {
      root.put("watermark", record.watermark().toString());
    }
    root.put("owner", record.owner());
    root.put("committed_at", record.committedAt().toString());
    ArrayNode files = root.putArray("files");
    for (StagedFile file : record.files()) {
      ObjectNode node = files.addObject().put("key", file.key()).put("staging_key", file.stagingKey())
          .put("records", file.records()).put("bytes", file.bytes());
      range(node, file.range());
    }
    ArrayNode above = root.putArray("above");
    for (DurableRange r : record.above()) {
      range(above.addObject(), r);
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write commit record", e);
    }
  }

  private static void range(ObjectNode node, DurableRange range) {
    node.put("buffer", range.bufferKey()).put("first", range.first().toString())
        .put("last", range.last().toString());
  }

  private static DurableRange rangeOf(JsonNode node) {
    return new DurableRange(node.path("buffer").asText(), Position.parse(node.path("first").asText()),
        Position.parse(node.path("last").asText()));
  }

  static CommitRecord read(byte[] bytes, String key) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      if (root.path("format").asInt(-1) != FORMAT) {
        throw new IllegalStateException("Cannot read commit record " + key + ": unknown format "
            + root.path("format"));
      }
      List<StagedFile> files = new ArrayList<>();
      for (JsonNode f : root.path("files")) {
        files.add(new StagedFile(f.path("key").asText(), f.path("staging_key").asText(), rangeOf(f),
            f.path("records").asLong(), f.path("bytes").asLong()));
      }
      List<DurableRange> above = new ArrayList<>();
      for (JsonNode r : root.path("above")) {
        above.add(rangeOf(r));
      }
      JsonNode watermark = root.get("watermark");
      return new CommitRecord(root.path("seq").asLong(),
          watermark == null ? null : Position.parse(watermark.asText()), files,
          above, root.path("owner").asText(), Instant.parse(root.path("committed_at").asText()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("Cannot read commit record " + key + ": " + e.getMessage(), e);
    }
  }
}
