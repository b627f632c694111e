package io.tributary.deploy.settings;

import java.util.regex.Pattern;

/**
 * The container image: an ECR repository of this account and region, and a tag (built from {@code deploy/Dockerfile}).
 *
 * @param repository the ECR repository name, e.g. {@code tributary}
 * @param tag the image tag, e.g. {@code 0.1.0}; a fixed tag, so that a deployment is reproducible
 */
public record ImageSettings(String repository, String tag) {
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._/-][a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageSettings {
    Check.matches(repository, "image.repository", REPOSITORY, "an ECR repository name");
    Check.matches(tag, "image.tag", TAG, "a Docker tag");
    if (tag.equals("latest")) {
      throw new IllegalArgumentException("image.tag: 'latest' is not allowed: give a fixed tag, so that a task "
          + "started by scaling runs the same code as the others");
    }
  }
}
