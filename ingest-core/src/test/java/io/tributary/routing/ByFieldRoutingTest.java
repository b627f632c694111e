package io.tributary.routing;

import static io.tributary.routing.RoutingFixtures.event;
import static io.tributary.routing.RoutingFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.decode.BigNumber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByFieldRoutingTest {

  @Test
  void routesToTheSanitizedValueOfATopLevelField() {
    DatasetRouter router = DatasetRouters.byField("type", null);

    assertThat(router.route(record("mixed"), event("type", "Order.Created")))
        .isEqualTo(new RouteResult.Routed("order_created"));
  }

  @Test
  void routesToTheValueOfANestedField() {
    DatasetRouter router = DatasetRouters.byField("meta.kind.name", null);
    Map<String, Object> event = event("meta", event("kind", event("name", "payments")), "name", "ignored");

    assertThat(router.route(record("mixed"), event)).isEqualTo(new RouteResult.Routed("payments"));
  }

  @Test
  void scalarValuesAreRoutedByTheirText() {
    DatasetRouter router = DatasetRouters.byField("v", null);

    assertThat(router.route(record("s"), event("v", 42L))).isEqualTo(new RouteResult.Routed("t_42"));
    assertThat(router.route(record("s"), event("v", true))).isEqualTo(new RouteResult.Routed("true"));
    assertThat(router.route(record("s"), event("v", 1.5d))).isEqualTo(new RouteResult.Routed("t_1_5"));
    assertThat(router.route(record("s"), event("v", new BigNumber("18446744073709551616"))))
        .isEqualTo(new RouteResult.Routed("t_18446744073709551616"));
  }

  @Test
  void missingFieldIsUnroutableWithoutFallback() {
    DatasetRouter router = DatasetRouters.byField("type", null);

    assertThat(router.route(record("mixed"), event("other", "x")))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is missing"));
  }

  @Test
  void nullFieldIsUnroutableWithoutFallback() {
    DatasetRouter router = DatasetRouters.byField("type", null);

    assertThat(router.route(record("mixed"), event("type", null)))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is null"));
  }

  @Test
  void objectFieldIsUnroutableWithoutFallback() {
    DatasetRouter router = DatasetRouters.byField("type", null);

    assertThat(router.route(record("mixed"), event("type", event("a", 1L))))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is an object, not a scalar"));
  }

  @Test
  void arrayFieldIsUnroutableWithoutFallback() {
    DatasetRouter router = DatasetRouters.byField("type", null);

    assertThat(router.route(record("mixed"), event("type", List.of("a"))))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is an array, not a scalar"));
  }

  @Test
  void pathThroughAScalarCountsAsMissing() {
    DatasetRouter router = DatasetRouters.byField("meta.type", null);

    assertThat(router.route(record("mixed"), event("meta", "flat")))
        .isEqualTo(new RouteResult.Unroutable(
            "routing field 'meta.type' is missing: 'meta' is a string, not an object"));
    assertThat(router.route(record("mixed"), event("meta", null)))
        .isEqualTo(new RouteResult.Unroutable("routing field 'meta.type' is missing: 'meta' is null, not an object"));
  }

  @Test
  void fieldWhoseValueHasNoUsableCharactersIsUnroutableEvenWithFallback() {
    DatasetRouter router = DatasetRouters.byField("type", "misc");

    assertThat(router.route(record("mixed"), event("type", "--")))
        .isEqualTo(new RouteResult.Unroutable("dataset name from '--' has no usable characters"));
  }

  @Test
  void missingNullObjectAndArrayFieldsGoToTheFallback() {
    DatasetRouter router = DatasetRouters.byField("meta.type", "Misc-Events");
    RouteResult.Routed fallback = new RouteResult.Routed("misc_events");

    assertThat(router.route(record("mixed"), event())).isEqualTo(fallback);
    assertThat(router.route(record("mixed"), event("meta", event("type", null)))).isEqualTo(fallback);
    assertThat(router.route(record("mixed"), event("meta", event("type", event())))).isEqualTo(fallback);
    assertThat(router.route(record("mixed"), event("meta", event("type", List.of())))).isEqualTo(fallback);
    assertThat(router.route(record("mixed"), event("meta", 3L))).isEqualTo(fallback);
  }

  @Test
  void presentFieldWinsOverTheFallback() {
    DatasetRouter router = DatasetRouters.byField("type", "misc");

    assertThat(router.route(record("mixed"), event("type", "orders"))).isEqualTo(new RouteResult.Routed("orders"));
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""    | it is empty
      .     | it has an empty segment
      a.    | it has an empty segment
      .a    | it has an empty segment
      a..b  | it has an empty segment
      """)
  void rejectsEmptyPathsAndPathsWithEmptySegments(String path, String what) {
    assertThatThrownBy(() -> DatasetRouters.byField(path, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid routing field path '" + path + "': " + what
            + ": use a dotted path of non-empty field names, like meta.type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_", "---"})
  void rejectsAFallbackWithoutUsableCharacters(String fallback) {
    assertThatThrownBy(() -> DatasetRouters.byField("type", fallback))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid fallback dataset '" + fallback + "'")
        .hasMessageContaining("no usable characters");
  }
}
