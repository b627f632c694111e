package io.tributary.firehose;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The delivery stream of each dataset: a stream name, or a template in which {@value #DATASET} stands for the
 * dataset name ({@code tributary-{dataset}}). Firehose stream names are 1 to 64 characters of letters, digits,
 * {@code _}, {@code .} and {@code -}; dataset names are lowercase letters, digits and {@code _}, so a template that
 * is valid with a one-letter dataset is valid for every dataset whose name fits the length.
 *
 * @param template the name or template ({@code firehose.delivery-stream})
 */
public record DeliveryStreams(String template) {
  /** The placeholder of the dataset name. */
  public static final String DATASET = "{dataset}";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public DeliveryStreams {
    Objects.requireNonNull(template, "template may not be null");
    if (!NAME.matcher(template.replace(DATASET, "d")).matches()) {
      throw new IllegalArgumentException("Cannot use '" + template + "' as the Firehose delivery stream "
          + "(firehose.delivery-stream): a stream name is 1 to 64 letters, digits, '_', '.' or '-', and "
          + DATASET + " the only placeholder");
    }
  }

  /**
   * The stream of {@code dataset}.
   *
   * @throws FirehoseException.Rejected when the name would be over 64 characters
   */
  public String of(String dataset) {
    String name = template.replace(DATASET, dataset);
    if (!NAME.matcher(name).matches()) {
      throw new FirehoseException.Rejected("Cannot send dataset " + dataset + " to Firehose: its delivery stream "
          + "name '" + name + "' (firehose.delivery-stream '" + template + "') is not 1 to 64 letters, digits, "
          + "'_', '.' or '-'", null, null);
    }
    return name;
  }
}
