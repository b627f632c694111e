package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TapeEventTest {
  private final JsonDecoder decoder = new JsonDecoder(DecodeLimits.defaults());
  private final Tape tape = new Tape();

  private Map<String, Object> decode(String json) {
    return ((DecodeResult.Decoded) decoder.decode(json.getBytes(StandardCharsets.UTF_8), tape)).event();
  }

  @Test
  void aFieldIsMadeWhenAskedForAndReadsAsTheDecoderReadsIt() {
    String json = "{\"service\":\"caf\u00e9\",\"ts\":1700000000000,\"price\":-0.0,\"ok\":true,\"none\":null,"
        + "\"ctx\":{\"ip\":\"10.0.0.1\",\"tags\":[1,2.5,null,{\"a\":false}]},\"service\":\"billing\"}";
    Map<String, Object> event = decode(json);
    assertThat(event).isInstanceOf(TapeEvent.class);
    // A repeated key reads as its last value, as the decoder's own objects hold it.
    assertThat(event.get("service")).isEqualTo("billing");
    assertThat(event.get("ts")).isEqualTo(1_700_000_000_000L);
    assertThat((Double) event.get("price")).isEqualTo(-0.0).matches(d -> Double.doubleToRawLongBits(d) < 0);
    assertThat(event.get("ok")).isEqualTo(true);
    assertThat(event.containsKey("none")).isTrue();
    assertThat(event.get("none")).isNull();
    assertThat(event.containsKey("missing")).isFalse();
    assertThat(event.get("ctx")).isEqualTo(Map.of("ip", "10.0.0.1", "tags",
        java.util.Arrays.asList(1L, 2.5, null, Map.of("a", false))));
    Map<String, Object> asObjects = ((DecodeResult.Decoded) decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
        .event();
    assertThat(event).isEqualTo(asObjects).hasSize(6);
    assertThat(List.copyOf(event.keySet())).isEqualTo(List.copyOf(asObjects.keySet()));
  }

  @Test
  void anEventIsNotReadOnceItsTapeHoldsTheNextPayload() {
    Map<String, Object> first = decode("{\"n\":1}");
    Map<String, Object> second = decode("{\"n\":2}");
    assertThat(second.get("n")).isEqualTo(2L);
    assertThat(((TapeEvent) first).valid()).isFalse();
    assertThatThrownBy(() -> first.get("n")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("next payload");
  }

  @Test
  void afterAPayloadWithAnEscapeTheNextIsScannedFirstAndAPlainOneStillTakesTheFastPath() {
    assertThat(tape.escaped()).isFalse();
    assertThat(decode("{\"s\":\"a\\/b\"}")).isInstanceOf(JsonObject.class).containsEntry("s", "a/b");
    assertThat(tape.escaped()).as("the stream has escapes: scan first").isTrue();
    assertThat(decode("{\"s\":\"a\\u00e9\"}")).isInstanceOf(JsonObject.class).containsEntry("s", "a\u00e9");
    assertThat(tape.escaped()).isTrue();
    assertThat(decode("{\"s\":\"a/b\"}")).isInstanceOf(TapeEvent.class).containsEntry("s", "a/b");
    assertThat(tape.escaped()).as("a plain payload read on the fast path").isFalse();
    assertThat(decode("{\"s\":\"a/b\"}")).isInstanceOf(TapeEvent.class);
  }

  @Test
  void whatTheFastPathDoesNotReadComesAsTheDecodersOwnObjects() {
    // An escape takes the Jackson path; the tape is left alone.
    assertThat(decode("{\"s\":\"a\\\"b\"}")).isInstanceOf(JsonObject.class).containsEntry("s", "a\"b");
    assertThat(decoder.decode("{\"s\":".getBytes(StandardCharsets.UTF_8), tape))
        .isInstanceOf(DecodeResult.Failed.class);
  }
}
