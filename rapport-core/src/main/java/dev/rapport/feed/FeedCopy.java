package dev.rapport.feed;

import dev.rapport.copy.CopyParts;
import dev.rapport.copy.CopyParts.Unreadable;
import java.util.List;

/**
 * The bytes of the copy of the feed index that the store keeps (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md):
 * the timelines and the engagements as they are in memory, in {@link CopyParts}. Format 1:
 * <pre>
 *   int magic ("RPFX"), int format (1),
 *   int authors, then per author: long id, int posts, long[2 x posts] stored id and time, oldest first
 *   int members, then per member: long id, int engagements, long[4 x engagements] as {@link Engagements}
 *   int CRC-32C of every byte before it
 * </pre>
 * A copy that fails its checksum or any check on reading is not used: the index is rebuilt instead.
 */
final class FeedCopy {
  static final int MAGIC = 0x58465052;
  static final int FORMAT = 1;

  private FeedCopy() {}

  /** The index's timelines and engagements as parts. Nothing may change them meanwhile (the writer's lock). */
  static List<byte[]> write(Timelines timelines, Engagements engagements, int partBytes) {
    CopyParts.Writer out = new CopyParts.Writer(partBytes);
    out.putInt(MAGIC);
    out.putInt(FORMAT);
    out.putInt(count(timelines::forEach));
    timelines.forEach((line, author) -> {
      int size = Timelines.size(line);
      out.putLong(author);
      out.putInt(size);
      out.putLongs(line, 1, 1 + 2 * size);
    });
    out.putInt(count(engagements::forEach));
    engagements.forEach((list, member) -> {
      out.putLong(member);
      out.putInt(list.length / Engagements.WIDTH);
      out.putLongs(list, 0, list.length);
    });
    return out.finish();
  }

  private static int count(java.util.function.Consumer<java.util.function.ObjLongConsumer<long[]>> each) {
    int[] n = {0};
    each.accept((array, id) -> n[0]++);
    return n[0];
  }

  /** Receives what a copy holds, once its checksum holds, before every check of the whole is done. */
  interface Sink {
    /** An author's posts: {@code pairs} holds {@code size} stored ids and times, oldest first, sorted. */
    void timeline(long authorId, long[] pairs, int size);

    /** A member's engagements, {@link Engagements#WIDTH} values each. */
    void engaged(long memberId, long[] list, int count);
  }

  /**
   * Reads a copy back into the sink, checking what a damaged or foreign copy could break: the
   * checksum, positive ids, each timeline strictly sorted, nothing past the end.
   *
   * @throws Unreadable if the bytes are not such a copy
   */
  static void read(List<byte[]> parts, Sink sink) throws Unreadable {
    CopyParts.Reader in = new CopyParts.Reader(parts);
    if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
      throw new Unreadable("not a copy of the feed index in format " + FORMAT);
    }
    int authors = in.getInt();
    if (authors < 0) {
      throw new Unreadable("a negative number of authors");
    }
    long[] pairs = new long[0];
    for (int a = 0; a < authors; a++) {
      long author = in.getLong();
      int size = in.getInt();
      if (author <= 0 || size < 0 || size > in.remainingLongs() / 2) {
        throw new Unreadable("an author's id or number of posts is out of range");
      }
      pairs = pairs.length < 2 * size ? new long[2 * size] : pairs;
      in.getLongs(pairs, 0, 2 * size);
      for (int i = 0; i < size; i++) {
        long id = Timelines.postId(pairs[2 * i]);
        if (id <= 0 || i > 0 && !Timelines.before(pairs[2 * i - 1], Timelines.postId(pairs[2 * i - 2]), pairs[2 * i + 1],
            id)) {
          throw new Unreadable("author " + author + "'s timeline is not sorted by time and id");
        }
      }
      sink.timeline(author, pairs, size);
    }
    int members = in.getInt();
    if (members < 0) {
      throw new Unreadable("a negative number of members");
    }
    for (int m = 0; m < members; m++) {
      long member = in.getLong();
      int count = in.getInt();
      if (member <= 0 || count < 0 || count > in.remainingLongs() / Engagements.WIDTH) {
        throw new Unreadable("a member's id or number of engagements is out of range");
      }
      long[] list = new long[Engagements.WIDTH * count];
      in.getLongs(list, 0, list.length);
      for (int i = 0; i < count; i++) {
        if (Engagements.postId(list, i) <= 0 || Engagements.authorId(list, i) <= 0) {
          throw new Unreadable("member " + member + " engaged with a post or author that is not positive");
        }
      }
      sink.engaged(member, list, count);
    }
    in.end("engagements");
  }
}
