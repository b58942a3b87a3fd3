package dev.rapport.network;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Member ids to dense node numbers, in an open-addressing table of primitives: a lookup is a few
 * loads, with no boxing and no lock. One thread adds; any number look up at the same time.
 *
 * <p>Adding writes the node first and the member id last, with a volatile write, so a reader that
 * finds the id also finds its node. The table grows by building a larger copy and publishing it; a
 * reader still on the old table finds everything that was in it.
 */
final class MemberNodes {
  /** Marks a free slot; no member may have this id. */
  static final long FREE = Long.MIN_VALUE;

  private record Table(AtomicLongArray members, int[] nodes, int mask) {
    /** A table no reader sees until it is published through the volatile field. */
    static Table ofCapacity(int capacity) {
      AtomicLongArray members = new AtomicLongArray(capacity);
      for (int i = 0; i < capacity; i++) {
        members.setPlain(i, FREE);
      }
      return new Table(members, new int[capacity], capacity - 1);
    }
  }

  private volatile Table table = Table.ofCapacity(64);
  private int size;

  /** The member's node, or -1 if the member has none. */
  int get(long member) {
    Table t = table;
    for (int slot = slotOf(member, t.mask()); ; slot = (slot + 1) & t.mask()) {
      long found = t.members().get(slot);
      if (found == member) {
        return t.nodes()[slot];
      }
      if (found == FREE) {
        return -1;
      }
    }
  }

  /** Gives the member this node. The writer only, and only for a member without one. */
  void put(long member, int node) {
    put(member, node, true);
  }

  /**
   * As {@link #put}, for a table no reader sees yet (an index being built, handed to readers
   * whole later): without the volatile write that publishes each slot.
   */
  void putUnpublished(long member, int node) {
    put(member, node, false);
  }

  private void put(long member, int node, boolean publish) {
    if (member == FREE) {
      throw new IllegalArgumentException("member id " + member + " is reserved");
    }
    if (2 * (size + 1) > table.nodes().length) {
      Table bigger = Table.ofCapacity(table.nodes().length * 2);
      Table old = table;
      for (int slot = 0; slot < old.nodes().length; slot++) {
        long m = old.members().get(slot);
        if (m != FREE) {
          insert(bigger, m, old.nodes()[slot], false);
        }
      }
      table = bigger;
    }
    insert(table, member, node, publish);
    size++;
  }

  /**
   * Puts a member in a free slot. In a published table the id is written last, with a volatile
   * write that publishes the node. A table being built is published whole later, so its slots
   * take plain writes, without a fence each.
   */
  private static void insert(Table t, long member, int node, boolean published) {
    int slot = slotOf(member, t.mask());
    while (t.members().getPlain(slot) != FREE) {
      slot = (slot + 1) & t.mask();
    }
    t.nodes()[slot] = node;
    if (published) {
      t.members().set(slot, member);
    } else {
      t.members().setPlain(slot, member);
    }
  }

  /**
   * Numbers the members again, {@code inOrder[k]} getting node k, and returns each old node's new
   * one. For a table no reader sees yet, as {@link #putUnpublished} fills it, holding exactly these
   * members. Each is looked up once, in the table's own slots, which is several times faster than
   * a binary search of the sorted ids (see BENCHMARKS.md).
   */
  int[] renumberUnpublished(long[] inOrder) {
    Table t = table;
    int[] renumbered = new int[inOrder.length];
    for (int k = 0; k < inOrder.length; k++) {
      int slot = slotOf(inOrder[k], t.mask());
      while (t.members().getPlain(slot) != inOrder[k]) {
        slot = (slot + 1) & t.mask();
      }
      renumbered[t.nodes()[slot]] = k;
      t.nodes()[slot] = k;
    }
    return renumbered;
  }

  /** The bytes of the table's two arrays. */
  long footprintBytes() {
    return 12L * table.nodes().length;
  }

  private static int slotOf(long member, int mask) {
    long h = member * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
