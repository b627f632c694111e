package io.tributary.deploy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.deploy.Templates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Template;

/**
 * Guards the catalog's share of the stack: one Glue database and nothing in it. The engine creates and updates the
 * tables ({@code catalog.type: glue}), so the template lists no table and no column: a new field or dataset never
 * waits for a redeploy.
 */
class CatalogTemplateTest {

  @ParameterizedTest
  @ValueSource(strings = {"msk", "kinesis"})
  void oneDatabaseAndNoTablesOrColumns(String example) throws Exception {
    Template template = Templates.example(example);
    assertThat(Templates.only(template, "AWS::Glue::Database").toString())
        .contains(example.equals("msk") ? "orders_prod_lake" : "clicks_prod_lake");
    assertThat(Templates.properties(template, "AWS::Glue::Table")).isEmpty();
    String json = new ObjectMapper().writeValueAsString(template.toJSON());
    assertThat(json).doesNotContain("\"Columns\"", "StorageDescriptor", "PartitionKeys");
  }
}
