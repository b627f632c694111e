package io.tributary.routing;

import io.tributary.source.SourceRecord;
import java.util.Map;

/**
 * Chooses the dataset (the table) a record lands in. Obtain one from {@link DatasetRouters}.
 *
 * <p>Implementations are immutable and thread-safe, and never throw for anything a record or event contains: a record
 * that cannot be routed yields {@link RouteResult.Unroutable}.
 */
public interface DatasetRouter {

  /**
   * Routes one record.
   *
   * @param record the record as the source delivered it; may not be null
   * @param event the decoded JSON object: String keys, values that are {@code Map}, {@code List}, {@code String},
   *     {@code Long}, {@code Double}, {@code Boolean}, {@link io.tributary.decode.BigNumber} or null; may not be
   *     null, pass an empty map for a record whose payload could not be decoded (its fields then count as missing)
   * @return the dataset, or why there is none; never null
   */
  RouteResult route(SourceRecord record, Map<String, Object> event);
}
