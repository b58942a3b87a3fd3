package dev.rapport.feed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.ObjLongConsumer;

/**
 * A {@code long[]} per member, by member id: an open-addressing table of primitive keys beside the
 * arrays, so that a lookup reads two arrays and boxes nothing (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md).
 * Members are never removed; a member with nothing left keeps a short array.
 *
 * <p>One writer; readers without locks. The writer publishes an array with a release store and
 * then, for a new member, the key; a reader reads the key, then the array, with acquire loads, so
 * it finds a member's whole array or none. A grown table is published whole through a volatile
 * field; a reader still on the old one sees what was there when it began. Member ids are positive.
 */
final class MemberArrays {
  private static final VarHandle KEY = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle ARRAY = MethodHandles.arrayElementVarHandle(long[][].class);

  /** Keys and arrays of one capacity; 0 marks a free place. */
  private record Table(long[] keys, long[][] arrays) {}

  private volatile Table table = new Table(new long[16], new long[16][]);
  /** Members held: the writer's only. */
  private int size;

  private static int place(long id, int mask) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ h >>> 32) & mask;
  }

  /** The member's array as last published, or null. Any thread. */
  long[] get(long id) {
    Table t = table;
    long[] keys = t.keys();
    int mask = keys.length - 1;
    for (int i = place(id, mask); ; i = i + 1 & mask) {
      long key = (long) KEY.getAcquire(keys, i);
      if (key == id) {
        return (long[]) ARRAY.getAcquire(t.arrays(), i);
      }
      if (key == 0) {
        return null;
      }
    }
  }

  /** Publishes the member's array in place of the one before. The writer's thread only. */
  void put(long id, long[] array) {
    if (id <= 0) {
      throw new IllegalArgumentException("member id " + id + " is not positive");
    }
    Table t = table;
    int mask = t.keys().length - 1;
    int i = place(id, mask);
    while (t.keys()[i] != 0 && t.keys()[i] != id) {
      i = i + 1 & mask;
    }
    ARRAY.setRelease(t.arrays(), i, array);
    if (t.keys()[i] == 0) {
      KEY.setRelease(t.keys(), i, id);
      if (++size * 4 > t.keys().length * 3) {
        grow(t);
      }
    }
  }

  private void grow(Table old) {
    int capacity = old.keys().length * 2;
    Table t = new Table(new long[capacity], new long[capacity][]);
    int mask = capacity - 1;
    for (int o = 0; o < old.keys().length; o++) {
      long id = old.keys()[o];
      if (id != 0) {
        int i = place(id, mask);
        while (t.keys()[i] != 0) {
          i = i + 1 & mask;
        }
        t.keys()[i] = id;
        t.arrays()[i] = old.arrays()[o];
      }
    }
    table = t;
  }

  /** Forgets every member. Before any reader: the writer's thread only. */
  void clear() {
    table = new Table(new long[16], new long[16][]);
    size = 0;
  }

  /** Calls the sink with each member's array and id, in no order. The writer's thread only. */
  void forEach(ObjLongConsumer<long[]> sink) {
    Table t = table;
    for (int i = 0; i < t.keys().length; i++) {
      if (t.keys()[i] != 0) {
        sink.accept(t.arrays()[i], t.keys()[i]);
      }
    }
  }

  /** How many members are held. The writer's thread only. */
  int size() {
    return size;
  }

  /** The bytes of the table itself: a key and a reference a place (compressed references). */
  long tableBytes() {
    return 12L * table.keys().length + 32;
  }
}
