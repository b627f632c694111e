package io.tributary.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.deploy.settings.DeploySettings;
import io.tributary.deploy.settings.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Test fixtures: the example settings ({@code deploy/examples/}), edited, and the templates they synthesize. A
 * synthesis costs a second or two (the CDK runs in a Node process jsii starts once per JVM), so the templates of the
 * unedited examples are kept for the whole run.
 */
public final class Templates {

  private static final ObjectMapper JSON = SettingsLoader.mapper();
  private static final Map<String, Template> EXAMPLES = new ConcurrentHashMap<>();

  private Templates() {}

  /** The deploy module's folder. */
  public static Path deployDir() {
    return Path.of(System.getProperty("tributary.deploy.dir", "."));
  }

  /** An example's settings JSON ({@code msk} or {@code kinesis}), for a test to edit. */
  public static ObjectNode exampleJson(String example) {
    try {
      return (ObjectNode) JSON.readTree(deployDir().resolve("examples").resolve(example + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An example's settings, after {@code edit}. */
  public static DeploySettings settings(String example, Consumer<ObjectNode> edit) {
    ObjectNode json = exampleJson(example);
    edit.accept(json);
    return SettingsLoader.read(json, example + ".json (edited)");
  }

  /** The template of an unedited example. */
  public static Template example(String example) {
    return EXAMPLES.computeIfAbsent(example, e -> synth(settings(e, json -> { })));
  }

  /** The template of {@code settings}. */
  public static Template synth(DeploySettings settings) {
    App app = new App();
    TributaryStack stack = new TributaryStack(app, "Test", StackProps.builder().build(), settings);
    return Template.fromStack(stack);
  }

  /** The properties of every resource of {@code type}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> properties(Template template, String type) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> resource : template.findResources(type).values()) {
      out.add((Map<String, Object>) resource.get("Properties"));
    }
    return out;
  }

  /** The only resource of {@code type}'s properties. */
  public static Map<String, Object> only(Template template, String type) {
    List<Map<String, Object>> all = properties(template, type);
    if (all.size() != 1) {
      throw new AssertionError("expected one " + type + ", found " + all.size());
    }
    return all.get(0);
  }

  /** The properties of the only resource of {@code type} whose logical id starts with {@code idPrefix}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> only(Template template, String type, String idPrefix) {
    List<Map<String, Object>> found = new ArrayList<>();
    template.findResources(type).forEach((id, resource) -> {
      if (id.startsWith(idPrefix)) {
        found.add((Map<String, Object>) resource.get("Properties"));
      }
    });
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + " " + idPrefix + "*, found " + found.size());
    }
    return found.get(0);
  }

  /** Follows {@code path} (map keys, or list indexes as numbers) into nested maps and lists. */
  @SuppressWarnings("unchecked")
  public static <T> T at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list && step instanceof Integer i) {
        current = list.get(i);
      } else {
        throw new AssertionError("cannot follow " + step + " into " + current);
      }
    }
    return (T) current;
  }

  /**
   * A CloudFormation value as readable text: {@code Fn::Join} joined, {@code Ref} as {@code ${name}},
   * {@code Fn::GetAtt} as {@code ${name.attribute}}, so that ARNs can be compared as strings.
   */
  public static String render(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> e = map.entrySet().iterator().next();
      switch (String.valueOf(e.getKey())) {
        case "Ref":
          return "${" + e.getValue() + "}";
        case "Fn::GetAtt":
          List<?> att = (List<?>) e.getValue();
          return "${" + att.get(0) + "." + att.get(1) + "}";
        case "Fn::Join":
          List<?> join = (List<?>) e.getValue();
          StringBuilder out = new StringBuilder();
          List<?> parts = (List<?>) join.get(1);
          for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : join.get(0)).append(render(parts.get(i)));
          }
          return out.toString();
        default:
          break;
      }
    }
    throw new AssertionError("cannot render " + value);
  }

  /** {@link #at} as a plain object, for assertions on a value of any type. */
  public static Object value(Object node, Object... path) {
    return at(node, path);
  }

  /** A value that is a list or a single item, as a list (IAM writes one action as a string). */
  public static List<Object> asList(Object value) {
    return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
  }
}
