package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.schema.internal.ColumnCounts;
import io.tributary.schema.internal.KeyMaps;
import io.tributary.store.LocalFileStore;
import io.tributary.testing.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMapsTest {
  private static final int EVENTS = 10_000;

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void anObjectWithAFewOfThousandsOfFlagsPerEventBecomesOneMapColumnWithinAFewDozenVersions() {
    SchemaFixture f = new SchemaFixture(dir.resolve("after"), EvolutionSettings.defaults());
    Random random = new Random(21);
    int rescued = 0;
    ShapeResult.Shaped last = null;
    Map<String, Object> lastEvent = null;
    for (int i = 0; i < EVENTS; i++) {
      lastEvent = KeyExplosionCorpus.click(random, i);
      last = (ShapeResult.Shaped) f.shape(lastEvent);
      rescued += last.rescuedValues();
    }

    StructType attributes = (StructType) f.type("attributes");
    report("map detection on", f, rescued);
    int mapIndex = KeyMaps.indexIn(attributes);
    assertThat(mapIndex).isEqualTo(attributes.fields().size() - 1);
    assertThat(f.type("attributes", KeyMaps.FIELD)).isEqualTo(new MapType(PrimitiveType.BOOLEAN));
    assertThat(attributes.fields().size()).isLessThanOrEqualTo(36);
    assertThat(f.latest().version()).isLessThanOrEqualTo(36);
    assertThat(rescued).isZero();
    // Every flag of the last event is in its column or in the map, with its value.
    Object[] row = (Object[]) SchemaFixture.value(last, "attributes");
    Map<String, Object> map = (Map<String, Object>) row[mapIndex];
    for (Map.Entry<String, Object> flag : ((Map<String, Object>) lastEvent.get("attributes")).entrySet()) {
      int column = attributes.indexOf(flag.getKey());
      Object stored = column >= 0 && column != mapIndex ? row[column] : map.get(flag.getKey());
      assertThat(stored).as(flag.getKey()).isEqualTo(flag.getValue());
    }
  }

  @Test
  void withDetectionOffTheSameCorpusExplodesIntoColumnsUpToTheCap() {
    SchemaFixture f = new SchemaFixture(dir.resolve("before"), EvolutionSettings.defaults()
        .withMapDetection(EvolutionSettings.MapDetection.disabled()));
    Random random = new Random(21);
    long rescued = 0;
    for (int i = 0; i < EVENTS; i++) {
      rescued += ((ShapeResult.Shaped) f.shape(KeyExplosionCorpus.click(random, i))).rescuedValues();
    }

    report("map detection off", f, rescued);
    assertThat(f.type("attributes", KeyMaps.FIELD)).isNull();
    assertThat(f.latest().version()).isGreaterThan(300);
    assertThat(rescued).isPositive();
  }

  /** The figures issue 21 asks for, in the test log. */
  private static void report(String label, SchemaFixture f, long rescued) {
    System.out.printf("clicks corpus, %s: %d events, %d schema versions, %d data leaf columns (%d fields under"
        + " attributes), %d values rescued%n", label, EVENTS, f.latest().version(),
        ColumnCounts.dataLeaves(f.latest().root()), ((StructType) f.type("attributes")).fields().size(), rescued);
  }

  @Test
  void aSchemaThatGrowsByReleasesKeepsColumnsAndGetsNoMap() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    // A release every 150 events: 67 fields, more than names need for a map, yet every event carries them all.
    for (int i = 0; i < EVENTS; i++) {
      f.shape(KeyExplosionCorpus.release(i, 150));
    }

    StructType context = (StructType) f.type("context");
    assertThat(KeyMaps.indexIn(context)).isEqualTo(-1);
    assertThat(context.fields()).hasSize(EVENTS / 150 + 1);
    assertThat(f.dataFields()).hasSize(EVENTS / 150 + 2);
  }

  @Test
  void keysThatLookLikeNamesNeedThreeTimesAsManyColumnsBeforeTheMap() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"};
    for (int i = 0; i < 200; i++) {
      String a = words[i % 10] + "_" + words[(i / 10) % 10];
      String b = words[(i + 3) % 10] + "_" + words[(i / 7) % 10];
      f.shaped("{'tags': {'" + a + "': 'x', '" + b + "': 1}}");
    }

    StructType tags = (StructType) f.type("tags");
    int mapIndex = KeyMaps.indexIn(tags);
    assertThat(mapIndex).isGreaterThanOrEqualTo(EvolutionSettings.MapDetection.DEFAULT_MIN_KEYS * 3 - 2);
    // Strings and numbers under one object: the map holds their JSON text.
    assertThat(f.type("tags", KeyMaps.FIELD)).isEqualTo(new MapType(PrimitiveType.JSON));
  }

  @Test
  void anOverrideUnderTheObjectKeepsItsKeysColumns() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.parse("attributes.ff_0001", "boolean"))));
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      f.shape(KeyExplosionCorpus.click(random, i));
    }

    assertThat(KeyMaps.indexIn((StructType) f.type("attributes"))).isEqualTo(-1);
  }

  @Test
  void aKeySpelledLikeTheMapFieldIsOneMoreEntry() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults());
    Random random = new Random(5);
    for (int i = 0; i < 100; i++) {
      f.shape(KeyExplosionCorpus.click(random, i));
    }
    ShapeResult.Shaped shaped = f.shaped("{'attributes': {'_keys': true}}");

    Object[] row = (Object[]) SchemaFixture.value(shaped, "attributes");
    assertThat(row[KeyMaps.indexIn((StructType) f.type("attributes"))]).isEqualTo(Map.of("_keys", true));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInstanceThatLostTheRaceToAMapPutsItsNewKeysInTheMap() {
    SchemaFixture one = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "one");
    SchemaFixture two = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "two");
    one.shaped("{'attributes': {'ff_0001': true}}");
    two.shaped("{'attributes': {'ff_0001': false}}");
    Random random = new Random(7);
    for (int i = 0; one.type("attributes", KeyMaps.FIELD) == null; i++) {
      one.shape(KeyExplosionCorpus.click(random, i));
    }
    // two still believes version 1 is the latest: it proposes columns for its new keys, loses, and merges.
    ShapeResult.Shaped shaped = two.shaped("{'attributes': {'ff_9998': true, 'ff_9999': false}}");

    assertThat(two.latest()).isEqualTo(one.latest());
    assertThat(shaped.rescuedValues()).isZero();
    StructType attributes = (StructType) two.type("attributes");
    Object[] row = (Object[]) SchemaFixture.value(shaped, "attributes");
    assertThat((Map<String, Object>) row[KeyMaps.indexIn(attributes)])
        .containsExactly(Map.entry("ff_9998", true), Map.entry("ff_9999", false));
  }

  @Test
  void aVersionProposingColumnsUnderAnObjectThatAWinnerMadeAMapAddsNone() {
    SchemaHistory history = new SchemaFixture(dir, EvolutionSettings.defaults()).history;
    StructType flags = StructType.of(new Field("ff_0001", "ff_0001", PrimitiveType.BOOLEAN));
    StructType v1 = MetadataColumns.emptyRoot().withAppended(new Field("attributes", "attributes", flags));
    DatasetSchema base = history.publish("events", null, v1, 1000);
    StructType mapped = MetadataColumns.emptyRoot().withAppended(new Field("attributes", "attributes",
        flags.withAppended(new Field(KeyMaps.FIELD, KeyMaps.FIELD, new MapType(PrimitiveType.BOOLEAN)))));
    DatasetSchema winner = history.publish("events", base, mapped, 1000);
    StructType columns = MetadataColumns.emptyRoot().withAppended(new Field("attributes", "attributes",
        flags.withAppended(new Field("ff_0002", "ff_0002", PrimitiveType.BOOLEAN))));

    // The loser proposes from version 1: it loses version 2 and its new key is a map entry now.
    assertThat(history.publish("events", base, columns, 1000)).isEqualTo(winner);
  }

  @Test
  void twoRacingInstancesConvergeOnOneMap() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<SchemaFixture> fixtures = new ArrayList<>();
    List<Future<Integer>> rescued = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      SchemaFixture fixture = new SchemaFixture(new LocalFileStore(dir), EvolutionSettings.defaults(), "w" + w);
      fixtures.add(fixture);
      Random random = new Random(w);
      rescued.add(pool.submit(() -> {
        start.await();
        int n = 0;
        for (int i = 0; i < EVENTS / 2; i++) {
          n += ((ShapeResult.Shaped) fixture.shape(KeyExplosionCorpus.click(random, i))).rescuedValues();
        }
        return n;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> r : rescued) {
      total += r.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (SchemaFixture fixture : fixtures) {
      fixture.shape(Json.event("{'final': 1}"));
    }

    assertThat(fixtures.get(0).latest()).isEqualTo(fixtures.get(1).latest());
    StructType attributes = (StructType) fixtures.get(0).type("attributes");
    assertThat(attributes.fields()).filteredOn(field -> field.name().equals(KeyMaps.FIELD)).hasSize(1);
    assertThat(KeyMaps.indexIn(attributes)).isEqualTo(attributes.fields().size() - 1);
    assertThat(fixtures.get(0).latest().version()).isLessThanOrEqualTo(48);
    assertThat(total).isZero();
  }
}
