package io.tributary.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the engine committed, read from the ledger records of one topic in the folder lake: how many records landed,
 * and when each record (by partition and offset) became durable.
 */
final class CommittedLedger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path ledger;

  CommittedLedger(Path lake, String topic) {
    this.ledger = lake.resolve("lake/_tributary/ledger/" + topic);
  }

  /** One long for a record's place: partition in the top 16 bits, offset below. */
  static long key(int partition, long offset) {
    return ((long) partition << 48) | offset;
  }

  /** The records of every committed file, data and error files together. */
  long landedRecords() throws IOException {
    long records = 0;
    try (Stream<Path> files = Files.walk(ledger)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode f : JSON.readTree(file.toFile()).path("files")) {
          records += f.path("records").asLong();
        }
      }
    }
    return records;
  }

  /**
   * Per record, sorted: the commit time of the ledger record whose data file holds it, minus its send time (from
   * {@code sentAt}, by {@link #key}). Only records sent before {@code sentBefore} and found durable count; a record
   * never found is reported as missing.
   */
  long[] latencies(Map<Long, Long> sentAt, long sentBefore) throws IOException {
    Map<Long, Long> durableAt = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ledger)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        int partition = Integer.parseInt(file.getParent().getFileName().toString());
        JsonNode record = JSON.readTree(file.toFile());
        long committed = java.time.Instant.parse(record.path("committed_at").asText()).toEpochMilli();
        for (JsonNode f : record.path("files")) {
          if (!f.path("key").asText().startsWith("lake/")) {
            continue;
          }
          long first = Long.parseLong(f.path("first").asText());
          long last = Long.parseLong(f.path("last").asText());
          for (long offset = first; offset <= last; offset++) {
            durableAt.putIfAbsent(key(partition, offset), committed);
          }
        }
      }
    }
    List<Long> latencies = new ArrayList<>();
    long missing = 0;
    for (Map.Entry<Long, Long> sent : sentAt.entrySet()) {
      Long durable = durableAt.get(sent.getKey());
      if (durable == null) {
        missing++;
      } else if (sent.getValue() < sentBefore) {
        latencies.add(durable - sent.getValue());
      }
    }
    if (missing > 0) {
      System.out.println("WARNING: " + missing + " sent records were not found in committed data files");
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
