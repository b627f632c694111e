/**
 * Maintenance of the Iceberg tables the engine lands (docs/operations.md, docs/design/iceberg.md): small files
 * compacted into files near a target size by one atomic rewrite per partition, manifests rewritten when they pile
 * up, snapshots expired while keeping what exactly-once recovery reads, orphan files removed; one runner at a time
 * ({@link io.tributary.iceberg.maintain.MaintenanceLease}), in the service ({@link
 * io.tributary.iceberg.maintain.MaintenanceLoop}) or once ({@code tributary maintain}).
 */
package io.tributary.iceberg.maintain;
