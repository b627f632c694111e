package io.tributary.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

  /** The same keys and values through a JsonObject and a LinkedHashMap, whatever the size. */
  private static void assertBehavesLikeALinkedHashMap(int keys) {
    JsonObject object = new JsonObject(2);
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < keys; i++) {
      String key = "k" + (i * 7919 % keys);
      assertThat(object.put(key, (long) i)).isEqualTo(expected.put(key, (long) i));
    }
    // Repeated keys replace in place, as in a LinkedHashMap: last value, first position.
    for (int i = 0; i < keys; i += 3) {
      String key = "k" + i;
      assertThat(object.put(key, "again " + i)).isEqualTo(expected.put(key, "again " + i));
    }

    assertThat(object).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(new ArrayList<>(object.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
    List<Object> byPosition = new ArrayList<>();
    for (int i = 0; i < object.size(); i++) {
      byPosition.add(object.valueAt(i));
      assertThat(object.get(object.keyAt(i))).isEqualTo(expected.get(object.keyAt(i)));
    }
    assertThat(byPosition).isEqualTo(new ArrayList<>(expected.values()));
    assertThat(object.get("absent")).isNull();
    assertThat(object.containsKey("absent")).isFalse();
    assertThat(object.get(42)).isNull();
  }

  @Test
  void smallObjectsKeepDocumentOrderAndReplaceRepeatedKeysInPlace() {
    assertBehavesLikeALinkedHashMap(12);
  }

  @Test
  void objectsOfThousandsOfKeysLookUpThroughTheirIndex() {
    assertBehavesLikeALinkedHashMap(17);
    assertBehavesLikeALinkedHashMap(10_000);
  }

  @Test
  void nullValuesArePresentKeysButNullKeysAreRefused() {
    JsonObject object = new JsonObject();
    object.put("a", null);

    assertThat(object.containsKey("a")).isTrue();
    assertThat(object).containsEntry("a", null).hasSize(1);
    assertThatThrownBy(() -> object.put(null, 1L)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> object.keyAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
