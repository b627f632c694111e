/**
 * The S3 object store, on the AWS SDK v2.
 *
 * <p>Every AWS SDK type stays inside this package, except where a caller chooses to build the client itself
 * ({@link io.tributary.store.s3.S3ObjectStore#buildClient}): the engine sees only
 * {@link io.tributary.store.ObjectStore} and {@link io.tributary.store.StoreException}.
 */
package io.tributary.store.s3;
