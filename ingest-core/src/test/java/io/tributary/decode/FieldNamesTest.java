package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

  @Test
  void everyNameComesBackAsItsOwnTextThoughManyShareSlots() {
    FieldNames names = new FieldNames();
    SplittableRandom random = new SplittableRandom(11);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      // Feature-flag-like names differ only in the middle; a few are not ASCII or too long to cache.
      texts.add(switch (i % 4) {
        case 0 -> "feature_" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + "_enabled";
        case 1 -> "f" + random.nextInt(1_000_000);
        case 2 -> i % 40 == 2 ? "prix_\u00e9t\u00e9_" + i : "x".repeat(1 + random.nextInt(80));
        default -> "attribute_" + i + "_value";
      });
    }
    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        byte[] padded = ("{\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        assertThat(names.name(padded, 2, length)).isEqualTo(text);
      }
    }
  }

  @Test
  void aNameSeenBeforeIsTheSameString() {
    FieldNames names = new FieldNames();
    byte[] first = "{\"customer_address_city\":1}".getBytes(StandardCharsets.US_ASCII);
    byte[] second = "[{\"customer_address_city\":2}]".getBytes(StandardCharsets.US_ASCII);
    assertThat(names.name(second, 3, 21)).isSameAs(names.name(first, 2, 21)).isEqualTo("customer_address_city");
  }
}
