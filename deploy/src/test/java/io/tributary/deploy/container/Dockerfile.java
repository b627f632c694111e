package io.tributary.deploy.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as instructions (continuation lines joined, comments dropped), in stages. Enough of the syntax
 * for deploy/Dockerfile: no heredocs, no escape directive.
 */
record Dockerfile(List<Stage> stages) {

  /** One instruction: its keyword in upper case and the rest of its line. */
  record Instruction(String keyword, String arguments) {}

  /** A build stage: its {@code FROM} image and name, and its instructions after {@code FROM}. */
  record Stage(String image, String name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    Instruction last(String keyword) {
      List<Instruction> found = all(keyword);
      if (found.isEmpty()) {
        throw new AssertionError("no " + keyword + " in stage " + name);
      }
      return found.get(found.size() - 1);
    }

    int indexOf(Instruction instruction) {
      return instructions.indexOf(instruction);
    }

    /** The stage's ENV variables ({@code NAME="value"} pairs, as this Dockerfile writes them). */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher("");
      for (Instruction i : all("ENV")) {
        m.reset(i.arguments());
        while (m.find()) {
          String value = m.group(2);
          env.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
      }
      return env;
    }
  }

  static Dockerfile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        current.append(trimmed);
        logical.add(current.toString().strip());
        current.setLength(0);
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (String line : logical) {
      String[] parts = line.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String[] from = arguments.split("\\s+");
        stages.add(new Stage(from[0], from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null,
            new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(List.copyOf(stages));
  }

  Stage runtime() {
    return stages.get(stages.size() - 1);
  }
}
