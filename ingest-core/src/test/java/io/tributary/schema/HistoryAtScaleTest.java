package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.layout.LakeLayout;
import io.tributary.schema.internal.SchemaJson;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import io.tributary.store.VersionedLog;
import io.tributary.testing.ForwardingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryAtScaleTest {
  private static final int VERSIONS = 500;

  @TempDir Path dir;

  /** A store that counts the requests made through it. */
  static final class CountingStore extends ForwardingStore {
    int gets;
    int lists;

    CountingStore(ObjectStore delegate) {
      super(delegate);
    }

    @Override
    public Optional<byte[]> get(String key) {
      gets++;
      return super.get(key);
    }

    @Override
    public List<String> list(String prefix) {
      lists++;
      return super.list(prefix);
    }

    int requests() {
      return gets + lists;
    }
  }

  @BeforeEach
  void writeAHistoryOfFiveHundredVersions() {
    SchemaFixture writer = new SchemaFixture(dir, EvolutionSettings.defaults()
        .withMapDetection(EvolutionSettings.MapDetection.disabled()));
    for (int i = 1; i <= VERSIONS; i++) {
      // Top-level fields, fields inside an object and inside an array's objects: versions grow at every depth.
      String event = i % 7 == 0 ? "{'nested': {'n" + i + "': 1}}"
          : i % 11 == 0 ? "{'items': [{'k" + i + "': 'x'}]}"
          : "{'f" + i + "': " + i + "}";
      writer.shaped(event);
    }
    assertThat(writer.latest().version()).isEqualTo(VERSIONS);
  }

  @Test
  void aNewInstanceFindsTheLatestOfFiveHundredVersionsInThreeRequests() {
    CountingStore counting = new CountingStore(new LocalFileStore(dir));
    SchemaFixture starting = new SchemaFixture(counting, EvolutionSettings.defaults(), "new");

    ShapeResult.Shaped shaped = starting.shaped("{'f1': 5}");

    assertThat(shaped.schema().version()).isEqualTo(VERSIONS);
    assertThat(counting.lists).isEqualTo(2);
    assertThat(counting.gets).isEqualTo(1);
  }

  @Test
  void theWholeHistoryIsReadFromTheCheckpointWithEveryVersionAsWritten() {
    CountingStore counting = new CountingStore(new LocalFileStore(dir));
    SchemaHistory history = new SchemaHistory(counting, "lake", "reader", Clock.systemUTC());

    List<HistoryEntry> entries = history.entries("events");

    assertThat(counting.requests()).isLessThanOrEqualTo(3);
    ObjectStore store = new LocalFileStore(dir);
    VersionedLog.Location log = new LakeLayout("lake", "").schemaLog("events");
    List<HistoryEntry> oneByOne = new ArrayList<>();
    for (int v = 1; v <= VERSIONS; v++) {
      oneByOne.add(SchemaJson.read(store.get(log.key(v)).orElseThrow(), log.key(v)));
    }
    assertThat(entries).isEqualTo(oneByOne);
  }

  @Test
  void versionsAfterTheNewestCheckpointAreReadOneByOneAndInstancesStillConverge() {
    SchemaFixture one = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "one");
    SchemaFixture two = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "two");
    one.shaped("{'f1': 1}");
    two.shaped("{'f1': 1}");
    for (int i = 0; i < 30; i++) {
      one.shaped("{'a" + i + "': 1}");
    }
    // two learns of one's 30 versions when it needs a column, and publishes after them.
    two.shaped("{'b': 'x'}");

    CountingStore counting = new CountingStore(new LocalFileStore(dir));
    List<HistoryEntry> entries = new SchemaHistory(counting, "lake", "reader", Clock.systemUTC()).entries("events");
    assertThat(entries).hasSize(VERSIONS + 31);
    assertThat(entries.get(VERSIONS + 30).createdBy()).isEqualTo("two");
    assertThat(counting.requests()).isEqualTo(1 + 1 + 31 + 1);
    one.shaped("{'c': true}");
    two.shaped("{'c': true}");
    assertThat(one.latest()).isEqualTo(two.latest());
  }
}
