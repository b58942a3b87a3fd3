package dev.rapport.bench.peers;

import java.util.Arrays;

/**
 * An undirected graph of members numbered {@code 0..members-1}, the member number being the member
 * id every engine is given. Each connection is listed once, as {@code from[i] < to[i]}, in
 * ascending order of {@code (from, to)}: no self loops, no duplicates. Two int arrays, so that a
 * million members with fifty million connections fit in 400 MB.
 */
record Graph(String name, int members, int[] from, int[] to) {
  Graph {
    if (from.length != to.length) {
      throw new IllegalArgumentException("from and to differ in length");
    }
  }

  /** The graph of connections given as {@code (u << 32) | v} keys, {@code u < v}, sorted and distinct. */
  static Graph ofSortedKeys(String name, int members, long[] keys, int count) {
    int[] from = new int[count];
    int[] to = new int[count];
    for (int i = 0; i < count; i++) {
      from[i] = (int) (keys[i] >>> 32);
      to[i] = (int) keys[i];
    }
    return new Graph(name, members, from, to);
  }

  /**
   * The graph of the given pairs, in any order and direction: self loops and repeats are dropped.
   * Only the first {@code count} pairs are read.
   */
  static Graph ofPairs(String name, int members, int[] a, int[] b, int count) {
    long[] keys = new long[count];
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (a[i] != b[i]) {
        keys[kept++] = key(a[i], b[i]);
      }
    }
    Arrays.sort(keys, 0, kept);
    return ofSortedKeys(name, members, keys, distinct(keys, kept));
  }

  /** The key of the connection between two members: the smaller in the high half. */
  static long key(int a, int b) {
    return a < b ? (long) a << 32 | b : (long) b << 32 | a;
  }

  /** Drops repeats from the sorted {@code keys[0..count)} in place; the new count. */
  static int distinct(long[] keys, int count) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (kept == 0 || keys[i] != keys[kept - 1]) {
        keys[kept++] = keys[i];
      }
    }
    return kept;
  }

  int connections() {
    return from.length;
  }

  /** How many connections each member has. */
  int[] degrees() {
    int[] degrees = new int[members];
    for (int i = 0; i < from.length; i++) {
      degrees[from[i]]++;
      degrees[to[i]]++;
    }
    return degrees;
  }

  double averageDegree() {
    return members == 0 ? 0 : 2.0 * from.length / members;
  }

  /** Each member's connections, sorted, in compressed rows. */
  Adjacency adjacency() {
    int[] offsets = new int[members + 1];
    for (int i = 0; i < from.length; i++) {
      offsets[from[i] + 1]++;
      offsets[to[i] + 1]++;
    }
    for (int m = 0; m < members; m++) {
      offsets[m + 1] += offsets[m];
    }
    int[] targets = new int[offsets[members]];
    int[] fill = Arrays.copyOf(offsets, members);
    // Connections are sorted by (from, to): walking them in order appends each row's entries in
    // ascending order already, for the lower end as for the higher.
    for (int i = 0; i < from.length; i++) {
      targets[fill[to[i]]++] = from[i];
    }
    for (int i = 0; i < from.length; i++) {
      targets[fill[from[i]]++] = to[i];
    }
    return new Adjacency(offsets, targets);
  }

  /**
   * A content fingerprint (FNV-1a over the size and every connection), so that a store loaded from
   * this graph once can be recognised and reused.
   */
  long fingerprint() {
    long h = 0xcbf29ce484222325L;
    h = (h ^ members) * 0x100000001b3L;
    for (int i = 0; i < from.length; i++) {
      h = (h ^ key(from[i], to[i])) * 0x100000001b3L;
    }
    return h;
  }

  /** Members' sorted connections: member m's are {@code targets[offsets[m]..offsets[m+1])}. */
  record Adjacency(int[] offsets, int[] targets) {
    int degree(int member) {
      return offsets[member + 1] - offsets[member];
    }

    int neighbour(int member, int k) {
      return targets[offsets[member] + k];
    }

    int[] of(int member) {
      return Arrays.copyOfRange(targets, offsets[member], offsets[member + 1]);
    }
  }
}
