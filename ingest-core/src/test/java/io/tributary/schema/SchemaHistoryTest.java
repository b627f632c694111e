package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryTest {
  @TempDir Path dir;

  @Test
  void everyVersionIsPersistedWithWhatItAdded() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    f.shaped("{'a': 1}");
    f.shaped("{'user': {'id': 1}}");
    f.shaped("{'user': {'id': 1, 'email-address': 'x'}, 'tags': ['t']}");

    List<HistoryEntry> entries = f.history.entries("events");
    assertThat(entries).extracting(e -> e.schema().version()).containsExactly(1, 2, 3);
    assertThat(f.store.list("lake/_schemas/events/"))
        .containsExactly("lake/_schemas/events/v0000000001.json", "lake/_schemas/events/v0000000002.json",
            "lake/_schemas/events/v0000000003.json");
    assertThat(entries.get(1).changes()).containsExactly(new SchemaChange("user", "user", "struct<id:bigint>"));
    assertThat(entries.get(2).changes()).containsExactly(
        new SchemaChange("user.email_address", "email-address", "string"),
        new SchemaChange("tags", "tags", "array<string>"));
    assertThat(entries.get(2).createdBy()).isEqualTo("test-instance");
    assertThat(entries.get(2).schema()).isEqualTo(f.latest());
  }

  @Test
  void aRestartedInstanceContinuesFromThePersistedHistory() {
    SchemaFixture first = new SchemaFixture(dir, EvolutionSettings.defaults());
    first.shaped("{'a': 1}");
    first.shaped("{'b': 'x'}");

    SchemaFixture restarted = new SchemaFixture(dir, EvolutionSettings.defaults());
    ShapeResult.Shaped fits = restarted.shaped("{'a': 5, 'b': 'y'}");
    ShapeResult.Shaped grows = restarted.shaped("{'c': true}");

    assertThat(fits.schema().version()).isEqualTo(2);
    assertThat(fits.newVersion()).isFalse();
    assertThat(grows.schema().version()).isEqualTo(3);
    assertThat(restarted.dataFields()).extracting(Field::name).containsExactly("a", "b", "c");
  }

  @Test
  void anInstanceThatLostARaceMergesItsColumnsIntoTheNextVersion() {
    SchemaFixture one = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "one");
    SchemaFixture two = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "two");
    one.shaped("{'a': 1}");
    two.shaped("{'a': 1}");
    one.shaped("{'b': 'x', 'shared': 1}");
    // two still believes version 1 is the latest: it loses the race for version 2 and merges.
    ShapeResult.Shaped merged = two.shaped("{'c': true, 'shared': 'text'}");

    assertThat(merged.schema().version()).isEqualTo(3);
    assertThat(two.dataFields()).extracting(Field::name).containsExactly("a", "b", "shared", "c");
    assertThat(two.type("shared")).isEqualTo(PrimitiveType.LONG);
    assertThat(SchemaFixture.rescued(merged)).isEqualTo("{\"/shared\":\"text\"}");
    assertThat(one.history.entries("events")).extracting(HistoryEntry::createdBy).containsExactly("one", "one", "two");
  }

  @Test
  void racingWritersConvergeOnOneHistory() throws Exception {
    int writers = 6;
    int fieldsEach = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<SchemaFixture> fixtures = new ArrayList<>();
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      SchemaFixture fixture = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "w" + w);
      fixtures.add(fixture);
      int writer = w;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < fieldsEach; i++) {
          // Every writer adds its own fields and one field all writers add, with conflicting types.
          fixture.shape(Json.event("{'w" + writer + "_f" + i + "': " + i + ", 'common" + i + "': "
              + (writer % 2 == 0 ? "1" : "'s'") + "}"));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    SchemaHistory reader = new SchemaHistory(new LocalFileStore(dir), "lake", "reader", java.time.Clock.systemUTC());
    List<HistoryEntry> entries = reader.entries("events");
    DatasetSchema last = entries.get(entries.size() - 1).schema();
    // Versions are contiguous and each one extends the one before.
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).schema().version()).isEqualTo(i + 1);
      if (i > 0) {
        List<Field> before = entries.get(i - 1).schema().root().fields();
        assertThat(entries.get(i).schema().root().fields().subList(0, before.size())).isEqualTo(before);
      }
    }
    // Every column any writer wanted is in the last version, once, and every writer ends on it.
    assertThat(last.root().fields()).hasSize(MetadataColumns.COUNT + writers * fieldsEach + fieldsEach);
    for (SchemaFixture fixture : fixtures) {
      DatasetSchema seen = fixture.latest();
      assertThat(last.root().fields().subList(0, seen.root().fields().size())).isEqualTo(seen.root().fields());
    }
    // The first event that needs a column brings each writer to the one newest version.
    for (SchemaFixture fixture : fixtures) {
      fixture.shape(Json.event("{'final': 1}"));
    }
    DatasetSchema newest = reader.latest("events").orElseThrow();
    assertThat(newest.version()).isEqualTo(last.version() + 1);
    assertThat(fixtures).allSatisfy(fixture -> assertThat(fixture.latest()).isEqualTo(newest));
  }
}
