package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A tape reused from payload to payload guesses each member name from the name read before it ({@link NameGuesses}):
 * whatever the names before, every payload reads exactly as a fresh decode reads it. The names are chosen to be
 * confused by a careless guess: prefixes of one another, names that differ only in their ninth or sixteenth byte,
 * names of 7, 8, 9, 15, 16 and 17 bytes, the empty name, non-ASCII names, names that end the payload's array.
 */
class NameGuessesProperties {
  private static final JsonDecoder DECODER = new JsonDecoder(DecodeLimits.defaults());
  private static final List<String> NAMES = List.of("", "a", "ab", "abcdefg", "abcdefgh", "abcdefgi", "abcdefghi",
      "abcdefghj", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq", "b", "\u00e9",
      "caf\u00e9", "abcdefgh\u00e9", "user_id", "user_ie");
  private static final List<String> VALUES = List.of("1", "\"x\"", "2.5", "null", "true", "[1,\"a\"]", "{}");

  @Provide
  Arbitrary<String> member() {
    Arbitrary<String> name = Arbitraries.of(NAMES);
    Arbitrary<String> scalar = Arbitraries.of(VALUES);
    Arbitrary<String> nested = Combinators.combine(name, scalar)
        .as((n, v) -> "{\"" + n + "\":" + v + "}");
    Arbitrary<String> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, nested));
    return Combinators.combine(name, value).as((n, v) -> "\"" + n + "\":" + v);
  }

  /** Plain payloads, and now and then one the fast path gives up partway: an escape, or its end cut off. */
  @Provide
  Arbitrary<List<String>> payloads() {
    Arbitrary<String> plain = member().list().ofMinSize(0).ofMaxSize(6)
        .map(members -> "{" + String.join(",", members) + "}");
    Arbitrary<String> escaped = plain.map(json -> json.length() == 2 ? "{\"e\":\"a\\\"b\"}"
        : json.substring(0, json.length() - 1) + ",\"e\":\"a\\\"b\"}");
    Arbitrary<String> cut = plain.map(json -> json.substring(0, json.length() - 1));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, plain), net.jqwik.api.Tuple.of(1, escaped),
        net.jqwik.api.Tuple.of(1, cut)).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 2000)
  void aReusedTapeReadsEveryPayloadAsAFreshDecodeDoes(@ForAll("payloads") List<String> payloads) {
    Tape tape = new Tape();
    for (String json : payloads) {
      byte[] payload = json.getBytes(StandardCharsets.UTF_8);
      if (json.contains("\\") || DECODER.decode(payload) instanceof DecodeResult.Failed) {
        // Given up partway, after names were read and guessed: the result is the Jackson path's, as fresh.
        assertThat(DECODER.decode(payload, tape)).as(json).isEqualTo(DECODER.decode(payload));
      } else {
        assertReadsAsFresh(tape, payload);
      }
    }
  }

  @Example
  void aGuessIsCheckedToItsLastByteAndItsClosingQuote() {
    Tape tape = new Tape();
    // Each payload's first name is one that the last payload's first name would match but for one byte or its end.
    for (String json : List.of("{\"abcdefghijklmnop\":1}", "{\"abcdefghijklmnoq\":1}", "{\"abcdefghijklmno\":1}",
        "{\"abcdefgh\":1}", "{\"abcdefgi\":1}", "{\"abcdefghi\":1}", "{\"abcdefgh\":1}", "{\"\":1}", "{\"a\":1}",
        "{\"abcdefgh\u00e9\":1}", "{\"abcdefgh\u00e9\":1}", "{\"abcdefgh\":1}")) {
      Map<String, Object> event = assertReadsAsFresh(tape, json.getBytes(StandardCharsets.UTF_8));
      assertThat(event.keySet()).containsExactly(json.substring(2, json.indexOf('"', 2)));
    }
  }

  @Example
  void aPayloadThatOnlyStartsLikeTheLastOnesNameFailsAsAFreshDecodeDoes() {
    Tape tape = new Tape();
    assertReadsAsFresh(tape, bytes("{\"abc\":1}"));
    for (String broken : List.of("{\"abc:1}", "{\"abc", "{\"ab")) {
      assertThat(DECODER.decode(bytes(broken), tape)).as(broken).isEqualTo(DECODER.decode(bytes(broken)))
          .isInstanceOf(DecodeResult.Failed.class);
    }
  }

  @Example
  void aNameAtTheVeryEndOfTheArrayIsReadWhole() {
    Tape tape = new Tape();
    // The payload's array ends a few bytes after the name: its second word is read byte by byte.
    assertReadsAsFresh(tape, "{\"x\":{\"abcdefghi\":1}}".getBytes(StandardCharsets.UTF_8));
    assertReadsAsFresh(tape, "{\"x\":{\"abcdefghj\":1}}".getBytes(StandardCharsets.UTF_8));
    assertReadsAsFresh(tape, "{\"x\":{\"abcdefghj\":2}}".getBytes(StandardCharsets.UTF_8));
  }

  @Example
  void aGuessIsTheSameBytesFollowedByAQuoteAndOnlyOfAShortAsciiName() {
    NameGuesses guesses = new NameGuesses();
    byte[] abc = bytes("abc\":1}");
    int keyOfAbc = guesses.remember(NameGuesses.START, "abc", abc, 0, 3);
    assertThat(keyOfAbc).isNotIn(NameGuesses.START, NameGuesses.NONE);
    assertThat(guesses.guess(NameGuesses.START, abc, 0, abc.length)).isEqualTo("abc");
    assertThat(guesses.keyOfGuess(NameGuesses.START)).isEqualTo(keyOfAbc);
    assertThat(guesses.guess(keyOfAbc, abc, 0, abc.length)).as("nothing followed abc yet").isNull();
    assertThat(guesses.guess(NameGuesses.NONE, abc, 0, abc.length)).isNull();
    assertThat(guesses.guess(NameGuesses.START, bytes("abcd\":1}"), 0, 8)).as("a longer name").isNull();
    assertThat(guesses.guess(NameGuesses.START, bytes("abc:1}"), 0, 6)).as("no closing quote").isNull();
    assertThat(guesses.guess(NameGuesses.START, bytes("abc\""), 0, 3)).as("the quote past the end").isNull();
    assertThat(guesses.guess(NameGuesses.START, bytes("abd\":1}"), 0, 7)).isNull();
    // A name whose String is shorter than its bytes is not guessed: the reader moves on by the String's length.
    byte[] cafe = bytes("caf\u00e9\":1}");
    assertThat(guesses.remember(keyOfAbc, "caf\u00e9", cafe, 0, 5)).isEqualTo(NameGuesses.NONE);
    assertThat(guesses.guess(keyOfAbc, cafe, 0, cafe.length)).isNull();
    byte[] sixteen = bytes("abcdefghijklmnop\":1}");
    int keyOfSixteen = guesses.remember(keyOfAbc, "abcdefghijklmnop", sixteen, 0, 16);
    assertThat(guesses.guess(keyOfAbc, sixteen, 0, sixteen.length)).isEqualTo("abcdefghijklmnop");
    assertThat(guesses.keyOfGuess(keyOfAbc)).isEqualTo(keyOfSixteen).isNotEqualTo(keyOfAbc);
    assertThat(guesses.guess(keyOfAbc, bytes("abcdefghijklmnoq\""), 0, 17)).isNull();
    byte[] seventeen = bytes("abcdefghijklmnopq\":1}");
    assertThat(guesses.remember(keyOfSixteen, "abcdefghijklmnopq", seventeen, 0, 17)).isEqualTo(NameGuesses.NONE);
    assertThat(guesses.guess(keyOfSixteen, seventeen, 0, seventeen.length)).isNull();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> assertReadsAsFresh(Tape tape, byte[] payload) {
    DecodeResult fresh = DECODER.decode(payload);
    DecodeResult reused = DECODER.decode(payload, tape);
    assertThat(reused).isInstanceOf(DecodeResult.Decoded.class);
    Map<String, Object> event = ((DecodeResult.Decoded) reused).event();
    Map<String, Object> expected = ((DecodeResult.Decoded) fresh).event();
    // Every payload here is plain JSON: a guess gone wrong would show as a payload given up to the Jackson path.
    assertThat(event).as("read on the fast path").isInstanceOf(TapeEvent.class);
    Map<String, Object> actual = ((TapeEvent) event).toJsonObject();
    assertThat(actual).as(new String(payload, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(List.copyOf(actual.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    return actual;
  }
}
