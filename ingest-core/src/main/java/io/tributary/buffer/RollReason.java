package io.tributary.buffer;

/** Why a buffer became a file. Reported with every roll, so operators can see what shapes their files. */
public enum RollReason {
  /** The buffer reached the dataset's max age. */
  AGE,
  /** The buffer reached the dataset's max bytes. */
  BYTES,
  /** The buffer reached the dataset's max records. */
  RECORDS,
  /** The global memory budget was reached and this buffer was among the largest. */
  MEMORY,
  /** The source partition is being revoked: roll what can be committed quickly. */
  REVOKED,
  /** The engine is stopping. */
  SHUTDOWN
}
