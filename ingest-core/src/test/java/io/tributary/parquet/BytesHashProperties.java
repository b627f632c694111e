package io.tributary.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A byte string hashes the same wherever it sits and whatever follows it: its last bytes are read as a masked word
 * when the array has room, byte by byte at the array's end, and neither may see the bytes after it. The dictionary
 * finds a value again by this hash, so a hash that saw them would give one value two ids.
 */
class BytesHashProperties {

  @Property(tries = 2000)
  void aValueHashesTheSameWhereverItSitsAndWhateverFollowsIt(
      @ForAll @Size(max = 40) byte[] value, @ForAll @IntRange(max = 9) int before,
      @ForAll @Size(min = 0, max = 9) byte[] after, @ForAll byte filler) {
    byte[] alone = value.clone();
    byte[] framed = new byte[before + value.length + after.length];
    Arrays.fill(framed, 0, before, filler);
    System.arraycopy(value, 0, framed, before, value.length);
    System.arraycopy(after, 0, framed, before + value.length, after.length);

    long expected = BytesHash.of(alone, 0, alone.length);
    assertThat(BytesHash.of(framed, before, value.length)).isEqualTo(expected);
    assertThat(BinaryDictionary.hash(framed, before, value.length)).isEqualTo((int) expected);
  }

  @Property(tries = 500)
  void aDictionaryGivesEachDistinctValueOneIdWhateverFollowsIt(@ForAll @Size(min = 1, max = 12) byte[] value,
      @ForAll @Size(min = 8, max = 8) byte[] garbage) {
    BinaryDictionary dictionary = new BinaryDictionary();
    byte[] first = new byte[value.length + 8];
    System.arraycopy(value, 0, first, 0, value.length);
    byte[] second = new byte[value.length + 8];
    System.arraycopy(value, 0, second, 0, value.length);
    System.arraycopy(garbage, 0, second, value.length, 8);
    assertThat(dictionary.id(second, 0, value.length)).isEqualTo(dictionary.id(first, 0, value.length))
        .isEqualTo(dictionary.id(value, 0, value.length)).isZero();
    assertThat(dictionary.size()).isEqualTo(1);
  }
}
