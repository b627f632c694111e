package io.tributary.store.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One object sent as a multipart upload: create, parts of {@code partSize} bytes, complete; aborted on any failure
 * so that no invisible, billed parts are left behind.
 *
 * <p>Parts are streamed from slices of the caller's array, never copied, and each SDK retry re-reads its slice.
 */
final class MultipartUpload {

  private final S3Client s3;
  private final String bucket;
  private final long partSize;

  MultipartUpload(S3Client s3, String bucket, long partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  /**
   * Uploads {@code bytes} to {@code key}.
   *
   * @param ifNoneMatch {@code "*"} to complete only if no object exists at the key, or null to replace any object
   * @throws SdkException as thrown by the failing request, after the upload was aborted; for {@code ifNoneMatch}
   *     a 412 means the key was taken
   */
  void upload(String key, byte[] bytes, Map<String, String> metadata, String ifNoneMatch) {
    // CRC32 per part, declared up front, so S3 checks every part and the completed object the same way.
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(metadata)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32))
        .uploadId();
    try {
      List<CompletedPart> parts = uploadParts(key, uploadId, bytes);
      CompleteMultipartUploadRequest complete = CompleteMultipartUploadRequest.builder()
          .bucket(bucket)
          .key(key)
          .uploadId(uploadId)
          .multipartUpload(u -> u.parts(parts))
          .ifNoneMatch(ifNoneMatch)
          .build();
      s3.completeMultipartUpload(complete);
    } catch (RuntimeException e) {
      abortQuietly(key, uploadId, e);
      throw e;
    }
  }

  private List<CompletedPart> uploadParts(String key, String uploadId, byte[] bytes) {
    List<CompletedPart> parts = new ArrayList<>();
    int partNumber = 1;
    for (long offset = 0; offset < bytes.length; offset += partSize, partNumber++) {
      int from = (int) offset;
      int length = (int) Math.min(partSize, bytes.length - offset);
      int number = partNumber;
      RequestBody body = RequestBody.fromContentProvider(
          () -> new ByteArrayInputStream(bytes, from, length), length, "application/octet-stream");
      UploadPartResponse response = s3.uploadPart(
          b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
              .checksumAlgorithm(ChecksumAlgorithm.CRC32),
          body);
      parts.add(CompletedPart.builder()
          .partNumber(number)
          .eTag(response.eTag())
          .checksumCRC32(response.checksumCRC32())
          .build());
    }
    return parts;
  }

  private void abortQuietly(String key, String uploadId, Exception failure) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      // The original failure is what the caller must see; a lifecycle rule on the bucket sweeps what remains.
      failure.addSuppressed(e);
    }
  }
}
