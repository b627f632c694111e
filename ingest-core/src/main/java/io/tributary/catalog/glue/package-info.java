/**
 * The Glue catalog sync: one daemon thread that creates and updates each dataset's table with Glue's optimistic
 * {@code VersionId}, never lowering a table's schema version, retrying failures with jittered backoff. Nothing here
 * runs on the landing path.
 */
package io.tributary.catalog.glue;
