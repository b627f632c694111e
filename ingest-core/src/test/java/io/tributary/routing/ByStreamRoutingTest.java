package io.tributary.routing;

import static io.tributary.routing.RoutingFixtures.event;
import static io.tributary.routing.RoutingFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ByStreamRoutingTest {
  private final DatasetRouter router = DatasetRouters.byStream();

  @Test
  void routesToTheStreamName() {
    assertThat(router.route(record("orders"), event("type", "x"))).isEqualTo(new RouteResult.Routed("orders"));
  }

  @Test
  void sanitizesTheStreamName() {
    assertThat(router.route(record("Orders-V2.events"), Map.of()))
        .isEqualTo(new RouteResult.Routed("orders_v2_events"));
  }

  @Test
  void routesARecordWithoutADecodedEvent() {
    assertThat(router.route(record("orders"), Map.of())).isEqualTo(new RouteResult.Routed("orders"));
  }

  @Test
  void streamNameWithoutUsableCharactersIsUnroutable() {
    assertThat(router.route(record("__"), Map.of()))
        .isEqualTo(new RouteResult.Unroutable("dataset name from '__' has no usable characters"));
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> router.route(null, Map.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> router.route(record("orders"), null)).isInstanceOf(NullPointerException.class);
  }
}
