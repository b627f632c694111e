package io.tributary.iceberg.maintain;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test on a fresh {@link TableFixture} lake in a temporary folder, its catalogs closed after each test. */
abstract class LakeTest {
  @TempDir Path dir;
  TableFixture lake;

  @BeforeEach
  void createLake() {
    lake = new TableFixture(dir);
  }

  @AfterEach
  void closeLake() throws Exception {
    lake.close();
  }
}
