package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest extends ObjectStoreContract {

  @TempDir Path dir;

  @Override
  protected ObjectStore newStore() {
    return new LocalFileStore(dir.resolve("store"));
  }

  private Path root() {
    return dir.resolve("store");
  }

  private Path tempFolder() {
    return root().resolve(ObjectKeys.LOCAL_TEMP_FOLDER);
  }

  @Test
  void objectsAreFilesAtTheirKeyPathSoQueryEnginesCanReadTheFolder() throws IOException {
    store().put("lake/orders/year=2026/f.parquet", bytes("data"));

    assertThat(root().resolve("lake/orders/year=2026/f.parquet")).hasBinaryContent(bytes("data"));
  }

  @Test
  void rootIsCreatedWhenMissing() {
    Path missing = dir.resolve("not/yet/there");

    LocalFileStore created = new LocalFileStore(missing);
    created.put("k", bytes("v"));

    assertThat(missing).isDirectory();
    assertThat(created.list("")).containsExactly("k");
  }

  @Test
  void rootThatIsAFileFailsToOpenPermanently() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    assertThatThrownBy(() -> new LocalFileStore(file))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining(file.toString());
  }

  @Test
  void rootReachedThroughASymbolicLinkListsItsObjects() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);

    LocalFileStore linked = new LocalFileStore(link);
    linked.put("a/b", bytes("x"));

    assertThat(linked.list("")).containsExactly("a/b");
    assertThat(linked.list("a/")).containsExactly("a/b");
  }

  @Test
  void inFlightTempFilesAreNeverListed() throws IOException {
    store().put("a/b", bytes("x"));
    Files.write(tempFolder().resolve("in-flight.tmp"), bytes("half an obj"));

    assertThat(store().list("")).containsExactly("a/b");
    assertThat(store().list(".")).isEmpty();
    assertThat(store().list(ObjectKeys.LOCAL_TEMP_FOLDER)).isEmpty();
  }

  @Test
  void listingWhileWritingShowsOnlyWholeObjectsAndNoTempFiles() throws Exception {
    byte[][] versions = {patterned(512 * 1024, 1), patterned(512 * 1024, 2), patterned(300 * 1024, 3)};
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes = writer.submit(() -> {
        try {
          for (int i = 0; i < 60; i++) {
            store().put("hot/object", versions[i % versions.length]);
            store().putIfAbsent("hot/new-" + i, versions[i % versions.length]);
          }
        } finally {
          writing.set(false);
        }
      });
      int reads = 0;
      while (writing.get() || reads == 0) {
        for (String key : store().list("")) {
          assertThat(key).startsWith("hot/");
          store().get(key).ifPresent(b -> assertThat(b).isIn((Object[]) versions));
        }
        reads++;
      }
      writes.get(2, TimeUnit.MINUTES);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void writesLeaveNoTempFilesBehind() throws IOException {
    store().put("a", bytes("1"));
    store().putIfAbsent("b", bytes("2"));
    store().putIfAbsent("b", bytes("3"));

    try (Stream<Path> temps = Files.list(tempFolder())) {
      assertThat(temps).isEmpty();
    }
  }

  @Test
  void aKeyCannotAddressTheTempFolder() throws IOException {
    Files.write(tempFolder().resolve("in-flight.tmp"), bytes("someone's write"));
    String intoTemp = ObjectKeys.LOCAL_TEMP_FOLDER + "/in-flight.tmp";

    assertThatThrownBy(() -> store().put(intoTemp, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().get(intoTemp)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().delete(intoTemp)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().list(ObjectKeys.LOCAL_TEMP_FOLDER + "/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tempFolder().resolve("in-flight.tmp")).hasBinaryContent(bytes("someone's write"));
  }

  @Test
  void twoStoresOnOneFolderRacingPutIfAbsentStillHaveExactlyOneWinner() throws Exception {
    LocalFileStore first = new LocalFileStore(root());
    LocalFileStore second = new LocalFileStore(root());
    for (int round = 0; round < 5; round++) {
      String key = "_tributary/ledger/p0/commit-" + round;
      List<Boolean> outcomes =
          race(8, racer -> (racer % 2 == 0 ? first : second).putIfAbsent(key, racerBytes(racer)));

      assertThat(outcomes).as("round %d outcomes", round).containsOnlyOnce(true);
      byte[] winnersBytes = racerBytes(outcomes.indexOf(true));
      assertThat(first.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(winnersBytes));
      assertThat(second.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(winnersBytes));
    }
  }

  @Test
  void openingRemovesStaleTempFilesButNotFreshOnes() throws IOException {
    Path stale = Files.write(tempFolder().resolve("crashed.tmp"), bytes("x"));
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path fresh = Files.write(tempFolder().resolve("in-flight.tmp"), bytes("y"));

    new LocalFileStore(root());

    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void putRecreatesADeletedTempFolder() throws IOException {
    Files.delete(tempFolder());

    store().put("a", bytes("x"));

    assertThat(store().get("a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("x")));
  }

  @Test
  void anObjectUnderAnExistingObjectFailsPermanentlyNamingKeyAndOperation() {
    store().put("a/b", bytes("x"));

    assertThatThrownBy(() -> store().put("a/b/c", bytes("y")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Cannot put object 'a/b/c'")
        .hasMessageContaining("'a/b' is a file where a folder is needed");
    assertThatThrownBy(() -> store().putIfAbsent("a/b/c", bytes("y")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Cannot putIfAbsent object 'a/b/c'");
    assertThat(store().get("a/b/c")).isEmpty();
    store().delete("a/b/c");
    assertThat(store().list("")).containsExactly("a/b");
  }

  @Test
  void anObjectWhereAFolderOfObjectsIsFailsPermanentlyAndTheFolderIsNoObject() {
    store().put("a/b/c", bytes("x"));

    assertThatThrownBy(() -> store().put("a/b", bytes("y")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Cannot put object 'a/b'")
        .hasMessageContaining("a folder of other keys");
    assertThatThrownBy(() -> store().putIfAbsent("a/b", bytes("y")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("Cannot putIfAbsent object 'a/b'");
    assertThat(store().get("a/b")).isEmpty();
    store().delete("a/b");
    assertThat(store().list("")).containsExactly("a/b/c");
  }

  @Test
  void filesDroppedInByHandWithInvalidKeyNamesAreNotListed() throws IOException {
    Files.createDirectories(root().resolve("a"));
    Files.write(root().resolve("a/back\\slash"), bytes("x"));
    Files.write(root().resolve("a/ok"), bytes("y"));

    assertThat(store().list("a/")).containsExactly("a/ok");
  }

  @Test
  void emptyFoldersLeftByDeleteAreNotListed() {
    store().put("a/b/c/d", bytes("x"));
    store().delete("a/b/c/d");

    assertThat(store().list("")).isEmpty();
    assertThat(store().list("a/b/c/")).isEmpty();
  }

  @Test
  void manyObjectsListInByteOrderAcrossNestedFolders() {
    List<String> expected = new ArrayList<>();
    for (int hour = 0; hour < 24; hour += 5) {
      for (int file = 0; file < 3; file++) {
        expected.add(String.format("d/year=2026/month=01/day=02/hour=%02d/f-%d.parquet", hour, file));
      }
    }
    expected.add("d/year=2026/month=01/day=02/hour=05-late/f.parquet");
    expected.sort(String::compareTo); // ASCII only: String order is byte order here
    for (String key : expected) {
      store().put(key, bytes(key));
    }

    assertThat(store().list("d/year=2026/month=01/day=02/")).containsExactlyElementsOf(expected);
  }
}
