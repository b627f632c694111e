package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampsAndPolicyTest {
  private static final long MICROS = 1_763_705_000_123_456L; // 2025-11-21T06:03:20.123456Z

  @TempDir Path dir;

  private SchemaFixture timestamps() {
    return new SchemaFixture(dir, EvolutionSettings.defaults()
        .withOverrides(List.of(PathOverride.timestamp("at"), PathOverride.timestamp("meta.seen"))));
  }

  @Test
  void aConfiguredTimestampFieldIsWrittenAsUtcMicros() {
    SchemaFixture f = timestamps();
    ShapeResult.Shaped iso = f.shaped("{'at': '2025-11-21T06:03:20.123456Z', 'meta': {'seen': 1763705000}}");

    assertThat(f.type("at")).isEqualTo(PrimitiveType.TIMESTAMP);
    assertThat(f.type("meta", "seen")).isEqualTo(PrimitiveType.TIMESTAMP);
    assertThat(SchemaFixture.value(iso, "at")).isEqualTo(MICROS);
    assertThat(((Object[]) SchemaFixture.value(iso, "meta"))[0]).isEqualTo(1_763_705_000_000_000L);
  }

  @Test
  void timestampsAreReadFromIsoTextWithOffsetsAndFromEpochSecondsMillisAndMicros() {
    SchemaFixture f = timestamps();
    assertThat(SchemaFixture.value(f.shaped("{'at': '2025-11-21T08:03:20.123456+02:00'}"), "at")).isEqualTo(MICROS);
    assertThat(SchemaFixture.value(f.shaped("{'at': '2025-11-21 06:03:20.123456'}"), "at")).isEqualTo(MICROS);
    assertThat(SchemaFixture.value(f.shaped("{'at': '2025-11-21'}"), "at")).isEqualTo(1_763_683_200_000_000L);
    assertThat(SchemaFixture.value(f.shaped("{'at': 1763705000123}"), "at")).isEqualTo(1_763_705_000_123_000L);
    assertThat(SchemaFixture.value(f.shaped("{'at': 1763705000123456}"), "at")).isEqualTo(MICROS);
    assertThat(SchemaFixture.value(f.shaped("{'at': 1763705000.5}"), "at")).isEqualTo(1_763_705_000_500_000L);
  }

  @Test
  void aTimestampFieldThatCannotBeReadIsRescued() {
    SchemaFixture f = timestamps();
    ShapeResult.Shaped shaped = f.shaped("{'at': 'yesterday'}");

    assertThat(SchemaFixture.value(shaped, "at")).isNull();
    assertThat(SchemaFixture.rescued(shaped)).isEqualTo("{\"/at\":\"yesterday\"}");
  }

  @Test
  void strictCreatesTheFirstVersionFromTheFirstRecordThenRefusesNewColumns() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults().withPolicy(SchemaPolicy.STRICT));
    assertThat(f.shape("{'a': 1, 'user': {'id': 1}}")).isInstanceOf(ShapeResult.Shaped.class);

    ShapeResult newTop = f.shape("{'a': 2, 'b': 'new'}");
    ShapeResult newNested = f.shape("{'user': {'id': 1, 'email': 'x'}}");

    assertThat(newTop).isEqualTo(new ShapeResult.Rejected("'/b' has no column"));
    assertThat(newNested).isEqualTo(new ShapeResult.Rejected("'/user/email' has no column"));
    assertThat(f.latest().version()).isEqualTo(1);
    assertThat(f.history.entries("events")).hasSize(1);
  }

  @Test
  void strictRefusesAValueThatDoesNotFitItsColumn() {
    SchemaFixture f = new SchemaFixture(dir, EvolutionSettings.defaults().withPolicy(SchemaPolicy.STRICT));
    f.shaped("{'a': 1}");

    assertThat(f.shape("{'a': 'one'}"))
        .isEqualTo(new ShapeResult.Rejected("'/a' does not fit its column type long"));
    assertThat(f.shape("{'a': 2}")).isInstanceOf(ShapeResult.Shaped.class);
  }

  @Test
  void policiesAndOverridesAreReadFromConfigWords() {
    assertThat(SchemaPolicy.fromConfig("strict")).isEqualTo(SchemaPolicy.STRICT);
    assertThatThrownBy(() -> SchemaPolicy.fromConfig("loose"))
        .hasMessageContaining("allowed values are evolve, strict");
    assertThatThrownBy(() -> PathOverride.parse("a", "int"))
        .hasMessageContaining("allowed values are long, double, boolean, string, timestamp, json, map");
    assertThatThrownBy(() -> PathOverride.parse("a..b", "long")).hasMessageContaining("Invalid override path");
    assertThat(PathOverride.parse("Order.Items[].Price", "double").steps())
        .containsExactly("order", "items", "[]", "price");
  }
}
