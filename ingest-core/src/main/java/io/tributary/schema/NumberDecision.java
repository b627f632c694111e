package io.tributary.schema;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What {@link DatasetSchemas#decide} made of rows whose values waited for their column's type.
 *
 * @param schema the version to write the rows under: it holds a column for every waiting value that has one now
 * @param published true when the decision published {@code schema} (the catalog must hear of it)
 * @param rehome a row (of {@code schema} or an earlier version) with its waiting values moved into their columns
 */
public record NumberDecision(DatasetSchema schema, boolean published, UnaryOperator<Object[]> rehome) {
  public NumberDecision {
    Objects.requireNonNull(schema, "schema may not be null");
    Objects.requireNonNull(rehome, "rehome may not be null");
  }
}
