package io.tributary.routing;

import static io.tributary.routing.RoutingFixtures.event;
import static io.tributary.routing.RoutingFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRoutingTest {

  @Test
  void topicAndFieldTokensAreJoinedWithLiteralText() {
    DatasetRouter router = DatasetRouters.template("{topic}_{field:type}", null);

    assertThat(router.route(record("orders"), event("type", "created")))
        .isEqualTo(new RouteResult.Routed("orders_created"));
  }

  @Test
  void everyTokenKindRendersInPlace() {
    DatasetRouter router = DatasetRouters.template("raw-{stream}-p{partition}-{field:meta.region}-{topic}", null);
    Map<String, Object> event = event("meta", event("region", "EU"));

    assertThat(router.route(record("clicks", "shardId-0007"), event))
        .isEqualTo(new RouteResult.Routed("raw_clicks_pshardid_0007_eu_clicks"));
  }

  @Test
  void renderedTextIsSanitizedAsAWhole() {
    DatasetRouter router = DatasetRouters.template("{field:a}{field:b}", null);

    assertThat(router.route(record("s"), event("a", "__", "b", "9x")))
        .isEqualTo(new RouteResult.Routed("t_9x"));
  }

  @Test
  void templateWithoutTokensNamesOneDataset() {
    DatasetRouter router = DatasetRouters.template("All Events", null);

    assertThat(router.route(record("a"), event())).isEqualTo(new RouteResult.Routed("all_events"));
    assertThat(router.route(record("b"), event("x", 1L))).isEqualTo(new RouteResult.Routed("all_events"));
  }

  @Test
  void anAbsentFieldGoesToTheFallback() {
    DatasetRouter router = DatasetRouters.template("{topic}_{field:type}", "unsorted");

    assertThat(router.route(record("orders"), event())).isEqualTo(new RouteResult.Routed("unsorted"));
    assertThat(router.route(record("orders"), event("type", List.of(1L))))
        .isEqualTo(new RouteResult.Routed("unsorted"));
  }

  @Test
  void anAbsentFieldIsUnroutableWithoutFallbackAndNamesTheField() {
    DatasetRouter router = DatasetRouters.template("{topic}_{field:type}_{field:meta.v}", null);

    assertThat(router.route(record("orders"), event("type", "a")))
        .isEqualTo(new RouteResult.Unroutable("routing field 'meta.v' is missing"));
    assertThat(router.route(record("orders"), event("type", null, "meta", event("v", 1L))))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is null"));
    assertThat(router.route(record("orders"), event("type", event(), "meta", event("v", 1L))))
        .isEqualTo(new RouteResult.Unroutable("routing field 'type' is an object, not a scalar"));
  }

  @Test
  void renderedTextWithoutUsableCharactersIsUnroutable() {
    DatasetRouter router = DatasetRouters.template("{field:type}", "misc");

    assertThat(router.route(record("orders"), event("type", "")))
        .isEqualTo(new RouteResult.Unroutable("dataset name from '' has no usable characters"));
  }
}
