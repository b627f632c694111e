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

  @Test
  void aShortNameIsFoundAgainWhereverItSitsInItsPayload() {
    FieldNames names = new FieldNames();
    for (int length = 0; length <= 17; length++) {
      String text = "abcdefghijklmnopq".substring(0, length);
      // First in the middle of a long payload (read as words), then at the very end of one (read byte by byte).
      byte[] middle = ("{\"" + text + "\":\"" + "v".repeat(40) + "\"}").getBytes(StandardCharsets.US_ASCII);
      byte[] end = ("\"" + text).getBytes(StandardCharsets.US_ASCII);
      String first = names.name(middle, 2, length);
      assertThat(first).isEqualTo(text);
      assertThat(names.name(end, 1, length)).as("length %d", length).isSameAs(first);
    }
    byte[] similar = "{\"country\":1,\"countrx\":2,\"country_\":3,\"Country\":4}"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(names.name(similar, 2, 7)).isEqualTo("country");
    assertThat(names.name(similar, 14, 7)).isEqualTo("countrx");
    assertThat(names.name(similar, 26, 8)).isEqualTo("country_");
    assertThat(names.name(similar, 39, 7)).isEqualTo("Country");
    assertThat(names.name(similar, 2, 7)).isEqualTo("country");
  }

  @Test
  void aShortNameThatIsNotAsciiIsReadButNotCached() {
    FieldNames names = new FieldNames();
    byte[] payload = "{\"prix_\u00e9t\u00e9\":1,\"padding_padding\":2}".getBytes(StandardCharsets.UTF_8);
    int length = "prix_\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8).length;
    String first = names.name(payload, 2, length);
    assertThat(first).isEqualTo("prix_\u00e9t\u00e9");
    assertThat(names.name(payload, 2, length)).isEqualTo(first).isNotSameAs(first);
  }
}
