package dev.rapport.model;

/**
 * Two different members without a direction, the smaller id first, so that a pair has one spelling
 * whoever acts.
 */
public record MemberPair(long lowId, long highId) {

  /** @throws IllegalArgumentException unless {@code lowId < highId} */
  public MemberPair {
    if (lowId >= highId) {
      throw new IllegalArgumentException("a pair of members is two different ids, the smaller first: %d, %d"
          .formatted(lowId, highId));
    }
  }

  /**
   * Mixes both ids. Ids are time-ordered and differ mostly in their low bits, so the record's own
   * {@code 31 * low + high} sends many pairs of a graph to the same bucket.
   */
  @Override
  public int hashCode() {
    long h = lowId * 0x9E3779B97F4A7C15L + highId;
    h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
    return (int) (h ^ (h >>> 32));
  }

  /** The pair of two different members, in either order. */
  public static MemberPair of(long a, long b) {
    return a < b ? new MemberPair(a, b) : new MemberPair(b, a);
  }
}
