package io.tributary.schema.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.decode.BigNumber;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes a decoded JSON value back as JSON text, exactly: big numbers keep every digit. */
public final class JsonText {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonText() {}

  /** The JSON text of a value of the decoded value model. */
  public static String write(Object value) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write JSON text", e);
    }
    return out.toString();
  }

  /** Writes a value of the decoded value model to {@code generator}. */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Long l) {
      generator.writeNumber(l);
    } else if (value instanceof Double d) {
      generator.writeNumber(d);
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof BigNumber n) {
      generator.writeNumber(n.text());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        generator.writeFieldName((String) e.getKey());
        write(generator, e.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else {
      throw new IllegalArgumentException("Not a decoded JSON value: " + value.getClass().getName());
    }
  }
}
