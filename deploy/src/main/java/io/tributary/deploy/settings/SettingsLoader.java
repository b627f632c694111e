package io.tributary.deploy.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tributary.config.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Reads {@link DeploySettings} from JSON. Keys are kebab-case as the engine's ({@code error-prefix},
 * {@code rolling: {max-age: ...}}); unknown keys are errors (a typo must not silently keep a default); durations are
 * written as the engine writes them ({@code 15m}, read and printed by the engine's {@link Durations}).
 */
public final class SettingsLoader {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .registerModule(new SimpleModule().addDeserializer(Duration.class, new JsonDeserializer<>() {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
          return Durations.parse(parser.getValueAsString()); // the loader adds the key's path
        }
      }));

  private SettingsLoader() {}

  /** Reads a settings file; the message of a failure names the file and the key. */
  public static DeploySettings load(Path file) {
    try {
      return read(JSON.readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read deploy settings " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads settings from a JSON tree; {@code origin} names it in messages. */
  public static DeploySettings read(JsonNode json, String origin) {
    try {
      return JSON.treeToValue(json, DeploySettings.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException("Invalid deploy settings " + origin + ": unknown key '" + path(e) + "'", e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("Invalid deploy settings " + origin + ": " + cause.getMessage(), e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException("Invalid deploy settings " + origin + ": " + (cause == e
          ? e.getOriginalMessage() + " at " + path(e) : path(e) + ": " + cause.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid deploy settings " + origin + ": " + e.getMessage(), e);
    }
  }

  /** A mapper configured as the loader's, for tests and tools that edit settings as JSON. */
  public static ObjectMapper mapper() {
    return JSON.copy();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
