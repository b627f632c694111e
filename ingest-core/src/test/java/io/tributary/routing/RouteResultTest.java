package io.tributary.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteResultTest {

  @Test
  void routedKeepsASanitizedName() {
    assertThat(new RouteResult.Routed("orders_v2").dataset()).isEqualTo("orders_v2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Orders", "orders-v2", "_orders", "2024"})
  void routedRejectsNamesThatAreNotSanitized(String dataset) {
    assertThatThrownBy(() -> new RouteResult.Routed(dataset))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid dataset name: '" + dataset + "'")
        .hasMessageContaining("DatasetNames.sanitize");
  }

  @Test
  void routedRejectsNull() {
    assertThatThrownBy(() -> new RouteResult.Routed(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unroutableRequiresAReason() {
    assertThatThrownBy(() -> new RouteResult.Unroutable(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RouteResult.Unroutable(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason may not be blank");
  }
}
