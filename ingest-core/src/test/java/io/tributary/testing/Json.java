package io.tributary.testing;

import io.tributary.decode.DecodeLimits;
import io.tributary.decode.DecodeResult;
import io.tributary.decode.JsonDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test events: JSON text through the real decoder. */
public final class Json {
  private static final JsonDecoder DECODER = new JsonDecoder(DecodeLimits.defaults());

  private Json() {}

  /** Decodes {@code json}, which must be a valid JSON object. Single quotes are turned into double quotes. */
  public static Map<String, Object> event(String json) {
    DecodeResult result = DECODER.decode(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    if (result instanceof DecodeResult.Decoded decoded) {
      return decoded.event();
    }
    throw new IllegalArgumentException("Not a valid test event: " + json + ": " + result);
  }
}
