package io.tributary.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {
  private static final SourcePartition P = new SourcePartition("orders-topic", "3");
  private final LakeLayout layout = new LakeLayout("/lake/raw/", "errors/");

  @Test
  void dataFilesLiveUnderTheDatasetAndItsHivePartitionPathNamedFromSourceCoordinates() {
    String folder = layout.dataFolder("orders", "year=2026/month=03");
    assertThat(folder).isEqualTo("lake/raw/orders/year=2026/month=03");
    assertThat(layout.fileKey(folder, P, Position.of(120)))
        .isEqualTo("lake/raw/orders/year=2026/month=03/orders-topic+3+120.parquet");
  }

  @Test
  void errorFilesLiveUnderTheErrorPrefixByDatasetOrUnroutedAndErrorType() {
    assertThat(layout.errorFolder("orders", "SCHEMA", "year=2026"))
        .isEqualTo("errors/orders/error_type=SCHEMA/year=2026");
    assertThat(layout.errorFolder(null, "DECODE", "year=2026"))
        .isEqualTo("errors/_unrouted/error_type=DECODE/year=2026");
  }

  @Test
  void schemaVersionsLedgerRecordsAndStagedUploadsLiveUnderTheirFolders() {
    assertThat(layout.schemaLog("orders").key(3)).isEqualTo("lake/raw/_schemas/orders/v0000000003.json");
    assertThat(layout.ledger(P).key(12))
        .isEqualTo("lake/raw/_tributary/ledger/orders-topic/3/00000000000000000012.json");
    assertThat(layout.newStagingKey(P)).startsWith("lake/raw/_tributary/staging/orders-topic/3/").endsWith(".bin")
        .isNotEqualTo(layout.newStagingKey(P));
    assertThat(layout.stateKey("readiness-probe")).isEqualTo("lake/raw/_tributary/readiness-probe");
  }

  @Test
  void anEmptyPrefixIsTheStoreRoot() {
    LakeLayout root = new LakeLayout("", "");
    assertThat(root.dataFolder("orders", "year=2026")).isEqualTo("orders/year=2026");
    assertThat(root.stateFolder()).isEqualTo("_tributary");
    assertThat(root.schemaLog("orders").key(1)).isEqualTo("_schemas/orders/v0000000001.json");
    assertThat(root.errorFolder(null, "DECODE", "year=2026")).isEqualTo("_unrouted/error_type=DECODE/year=2026");
  }

  @Test
  void prefixesAreCleanedOnceAndMustBeValidKeys() {
    assertThat(LakeLayout.clean("//lake/raw//")).isEqualTo("lake/raw");
    assertThat(LakeLayout.clean("/")).isEmpty();
    assertThat(LakeLayout.clean(null)).isEmpty();
    assertThat(new LakeLayout("lake/", "").prefix()).isEqualTo("lake");
    assertThatThrownBy(() -> new LakeLayout("lake/../etc", "")).hasMessageContaining("Invalid object key");
    assertThatThrownBy(() -> new LakeLayout("lake//raw", "")).hasMessageContaining("Invalid object key");
  }

  @Test
  void engineStateIsToldFromDataWhateverThePrefix() {
    assertThat(LakeLayout.isState("_tributary/ledger/x/0/1.json")).isTrue();
    assertThat(LakeLayout.isState("lake/_tributary/staging/x.bin")).isTrue();
    assertThat(LakeLayout.isState("lake/orders/year=2026/orders+0+1.parquet")).isFalse();
    assertThat(LakeLayout.isState("lake/my_tributary/x.parquet")).isFalse();
  }
}
