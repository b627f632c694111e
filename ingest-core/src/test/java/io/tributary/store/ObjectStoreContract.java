package io.tributary.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility kit every {@link ObjectStore} passes: extend it, return a fresh, empty store from
 * {@link #newStore()}, and clean up its storage yourself (this class closes the store after each test).
 *
 * <p>It talks to the store only through {@link ObjectStore}, so it runs unchanged against the local folder and
 * against S3.
 */
public abstract class ObjectStoreContract {

  private static final int RACERS = 8;

  private ObjectStore store;

  /** A new store with no objects in it, for one test. */
  protected abstract ObjectStore newStore();

  /** The store under test. */
  protected final ObjectStore store() {
    return store;
  }

  @BeforeEach
  protected final void openStore() {
    store = newStore();
  }

  @AfterEach
  protected final void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void putThenGetReturnsTheSameBytes() {
    store.put("t/a.json", bytes("{\"a\":1}"));

    assertThat(store.get("t/a.json")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("{\"a\":1}")));
  }

  @Test
  void emptyObjectRoundTripsAsPresentButEmpty() {
    store.put("t/empty", new byte[0]);

    assertThat(store.get("t/empty")).hasValueSatisfying(b -> assertThat(b).isEmpty());
    assertThat(store.list("t/")).containsExactly("t/empty");
  }

  @Test
  void eightMebibyteObjectRoundTripsByteForByte() {
    byte[] big = patterned(8 * 1024 * 1024, 7);

    store.put("t/big.parquet", big);

    assertThat(store.get("t/big.parquet")).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
  }

  @Test
  void putReplacesAnExistingObject() {
    store.put("t/a", bytes("first, and longer than the second"));

    store.put("t/a", bytes("second"));

    assertThat(store.get("t/a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("second")));
    assertThat(store.list("t/")).containsExactly("t/a");
  }

  @Test
  void copyMakesAnEqualObjectThatOutlivesItsSource() {
    byte[] big = patterned(3 * 1024 * 1024 + 5, 11);
    store.put("t/_staging/a.tmp", big);

    assertThat(store.copy("t/_staging/a.tmp", "t/year=2026/a.parquet")).isTrue();
    store.delete("t/_staging/a.tmp");

    assertThat(store.get("t/year=2026/a.parquet")).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
    assertThat(store.list("t/")).containsExactly("t/year=2026/a.parquet");
  }

  @Test
  void copyReplacesAnExistingObjectAndLaterPutsToTheSourceLeaveTheCopyAlone() {
    store.put("t/src", bytes("new"));
    store.put("t/dst", bytes("old and longer"));

    assertThat(store.copy("t/src", "t/dst")).isTrue();
    store.put("t/src", bytes("changed"));

    assertThat(store.get("t/dst")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("new")));
  }

  @Test
  void copyOfAMissingKeyIsFalseAndWritesNothing() {
    store.put("t/dst", bytes("kept"));

    assertThat(store.copy("t/absent", "t/dst")).isFalse();
    assertThat(store.copy("t/absent", "t/new")).isFalse();

    assertThat(store.get("t/dst")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("kept")));
    assertThat(store.list("t/")).containsExactly("t/dst");
  }

  @Test
  void getOfAMissingKeyIsEmpty() {
    store.put("t/present", bytes("x"));

    assertThat(store.get("t/absent")).isEmpty();
    assertThat(store.get("u/absent")).isEmpty();
  }

  @Test
  void putIfAbsentCreatesOnceAndThenLeavesTheObjectUntouched() {
    assertThat(store.putIfAbsent("t/v00000001.json", bytes("winner"))).isTrue();

    assertThat(store.putIfAbsent("t/v00000001.json", bytes("loser"))).isFalse();

    assertThat(store.get("t/v00000001.json")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("winner")));
  }

  @Test
  void putIfAbsentDoesNotReplaceAnObjectWrittenByPut() {
    store.put("t/a", bytes("by put"));

    assertThat(store.putIfAbsent("t/a", bytes("by putIfAbsent"))).isFalse();
    assertThat(store.get("t/a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("by put")));
  }

  @Test
  void putIfAbsentSucceedsAgainAfterDelete() {
    store.putIfAbsent("t/a", bytes("one"));
    store.delete("t/a");

    assertThat(store.putIfAbsent("t/a", bytes("two"))).isTrue();
    assertThat(store.get("t/a")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("two")));
  }

  @Test
  void racingPutIfAbsentHasExactlyOneWinnerWhoseBytesAreStoredInFull() throws Exception {
    for (int round = 0; round < 5; round++) {
      String key = "race/v" + round + ".json";
      List<Boolean> outcomes = race(RACERS, racer -> store.putIfAbsent(key, racerBytes(racer)));

      assertThat(outcomes).as("round %d outcomes", round).containsOnlyOnce(true);
      byte[] winnersBytes = racerBytes(outcomes.indexOf(true));
      assertThat(store.get(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(winnersBytes));
    }
  }

  @Test
  void listByFolderPrefixReturnsTheFolderInByteOrder() {
    putAll("d/b", "d/a", "d/c/deep", "d/a.json", "e/a");

    assertThat(store.list("d/")).containsExactly("d/a", "d/a.json", "d/b", "d/c/deep");
  }

  @Test
  void listByMidSegmentPrefixMatchesPartialNames() {
    putAll(
        "p/_schemas/orders/v00000001.json",
        "p/_schemas/orders/v00000002.json",
        "p/_schemas/orders/w00000001.json",
        "p/_schemas/orders/v1/nested.json",
        "p/_schemas/orders2/v00000003.json");

    assertThat(store.list("p/_schemas/orders/v0"))
        .containsExactly("p/_schemas/orders/v00000001.json", "p/_schemas/orders/v00000002.json");
    assertThat(store.list("p/_schemas/orders/v"))
        .containsExactly(
            "p/_schemas/orders/v00000001.json",
            "p/_schemas/orders/v00000002.json",
            "p/_schemas/orders/v1/nested.json");
  }

  @Test
  void listOrdersAcrossFoldersByBytesNotByFolder() {
    // '-' (0x2D) < '/' (0x2F) < 'c' (0x63): a per-folder walk would get this wrong.
    putAll("a/bc/y", "a/b/x", "a/b-c/z");

    assertThat(store.list("a/b")).containsExactly("a/b-c/z", "a/b/x", "a/bc/y");
  }

  @Test
  void listOfAFolderExcludesSiblingFoldersSharingItsName() {
    putAll("a/b/x", "a/bc/y", "a/b-c/z", "a/b.json", "ab/x");

    assertThat(store.list("a/b/")).containsExactly("a/b/x");
  }

  @Test
  void listWithAnEmptyPrefixReturnsEveryKey() {
    putAll("z", "a/b/c", "m/n");

    assertThat(store.list("")).containsExactly("a/b/c", "m/n", "z");
  }

  @Test
  void listOfAMissingPrefixIsEmpty() {
    putAll("a/b/c");

    assertThat(store.list("nothing/")).isEmpty();
    assertThat(store.list("a/b/c/")).isEmpty();
    assertThat(store.list("a/x")).isEmpty();
  }

  @Test
  void listOfAnEmptyStoreIsEmpty() {
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void deletedObjectIsGoneFromGetAndList() {
    putAll("t/a", "t/b");

    store.delete("t/a");

    assertThat(store.get("t/a")).isEmpty();
    assertThat(store.list("t/")).containsExactly("t/b");
  }

  @Test
  void deletingAMissingKeyIsNotAnError() {
    store.delete("never/written");
    store.put("t/a", bytes("x"));
    store.delete("t/a");
    store.delete("t/a");

    assertThat(store.list("")).isEmpty();
  }

  @Test
  void keysWithHivePartitionCharactersAndUnicodeRoundTripExactly() {
    List<String> keys = List.of(
        "lake/orders/year=2026/month=01/part-0.parquet",
        "lake/orders/k=a%2Fb/f.parquet",
        "lake/orders/city=São Paulo/f.parquet",
        "lake/orders/name=日本語/f.parquet",
        "lake/orders/emoji=\uD83D\uDE00/f.parquet",
        "lake/orders/sp ace/a+b&c=d,e;f'g(h)!~@#$^.parquet");
    for (String key : keys) {
      store.put(key, bytes(key));
    }

    for (String key : keys) {
      assertThat(store.get(key)).as(key).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(key)));
    }
    List<String> listed = store.list("lake/orders/");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(listed).isSortedAccordingTo(ObjectStoreContract::compareUtf8Bytes);
  }

  @Test
  void listOrdersSupplementaryCharactersByUtf8BytesNotUtf16Units() {
    // U+FF5E encodes as EF BD 9E, U+1F600 as F0 9F 98 80; in UTF-16 the surrogate D83D sorts before FF5E.
    putAll("u/\uD83D\uDE00", "u/\uFF5E", "u/z");

    assertThat(store.list("u/")).containsExactly("u/z", "u/\uFF5E", "u/\uD83D\uDE00");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidKeys")
  void invalidKeysAreRejectedByEveryOperationWithoutTouchingTheStore(String description, String key) {
    List<Consumer<String>> operations = List.of(
        k -> store.put(k, bytes("x")),
        k -> store.putIfAbsent(k, bytes("x")),
        k -> store.get(k),
        k -> store.delete(k),
        k -> store.copy(k, "t/ok"),
        k -> store.copy("t/ok", k));
    for (Consumer<String> operation : operations) {
      assertThatThrownBy(() -> operation.accept(key))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Invalid object key");
    }
    assertThat(store.list("")).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidPrefixes")
  void invalidPrefixesAreRejectedByList(String description, String prefix) {
    assertThatThrownBy(() -> store.list(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid object key prefix");
  }

  static Stream<Arguments> invalidKeys() {
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("leading slash", "/a/b"),
        Arguments.of("trailing slash", "a/b/"),
        Arguments.of("empty segment", "a//b"),
        Arguments.of("dot segment", "a/./b"),
        Arguments.of("dot-dot segment", "a/../b"),
        Arguments.of("climbing out", "../outside"),
        Arguments.of("backslash", "a\\b"),
        Arguments.of("NUL", "a\u0000b"),
        Arguments.of("newline", "a/b\n"),
        Arguments.of("DEL", "a/\u007F"));
  }

  static Stream<Arguments> invalidPrefixes() {
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("leading slash", "/a"),
        Arguments.of("empty segment", "a//"),
        Arguments.of("dot-dot segment", "a/../b"),
        Arguments.of("backslash", "a\\"),
        Arguments.of("control character", "a\tb"));
  }

  private void putAll(String... keys) {
    for (String key : keys) {
      store.put(key, bytes(key));
    }
  }

  /** Runs {@code racers} calls of {@code call} at once and returns each racer's result, by racer index. */
  protected static <T> List<T> race(int racers, RacerCall<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch ready = new CountDownLatch(racers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int racer = i;
        Callable<T> task = () -> {
          ready.countDown();
          go.await();
          return call.run(racer);
        };
        futures.add(pool.submit(task));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One racer's call in {@link #race}. */
  @FunctionalInterface
  protected interface RacerCall<T> {
    T run(int racer) throws Exception;
  }

  /** Distinct, large-enough bytes per racer that a torn or mixed write could not pass for the winner's. */
  protected static byte[] racerBytes(int racer) {
    return patterned(256 * 1024 + racer, racer + 1);
  }

  protected static byte[] patterned(int length, int seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (i * 31 + seed * 131 + (i >>> 8));
    }
    return out;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  /** Independent of ObjectKeys on purpose: the kit must not trust the code it checks. */
  private static int compareUtf8Bytes(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8));
  }
}
