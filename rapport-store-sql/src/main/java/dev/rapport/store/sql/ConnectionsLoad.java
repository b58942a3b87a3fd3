package dev.rapport.store.sql;

import dev.rapport.store.StoreReads.ConnectionSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every connection for the graph index's load, in one snapshot, on two sessions at once
 * where the readers lend two. Most of a load is the database's own work on each row (PostgreSQL
 * turning it into a line of the copy, SQLite joining a member's ids), and a session does that work
 * on one processor. So the connections are cut into parts ({@link Dialect#connectionParts}), which
 * the two sessions take in turn, each on its own thread, until none is left: ranges of blocks on
 * PostgreSQL, the two ends of the table on SQLite.
 *
 * <p>Parts cut in advance by member id were even on some networks only (see {@link Dialect}), so
 * SQLite's sessions read from both ends until they meet.
 *
 * <p>The second session shares the first one's snapshot: PostgreSQL imports it ({@link
 * Dialect#shareSnapshot}); SQLite cannot, so its second session helps only if it sees the same log
 * position, as it does unless a commit landed between the two starts. Every change to the
 * connections writes an event, so one position means one set of connections.
 *
 * <p>Each thread hands what it read to the sink a block at a time, under one lock: the sink (the
 * index's builder) is called by one thread at a time, and each call sees every earlier one.
 *
 * <p>Where the parts are the two ends of the table (SQLite), the sessions read members in id order
 * towards each other, and the lock also settles where they meet ({@link MeetingEnds}).
 */
final class ConnectionsLoad {
  /** Enough parts of PostgreSQL's blocks that neither session waits long for the other. */
  private static final int PARTS = 8;
  /** Connections a thread reads before it hands them to the sink. */
  private static final int BLOCK = 4096;
  private static final int WAITING = 0;
  private static final int HELPING = 1;
  private static final int CLOSED = 2;

  private final Dialect dialect;
  private final Readers readers;
  private final ConnectionSink sink;
  private final Object sinkLock = new Object();
  private final AtomicInteger nextPart = new AtomicInteger();
  /** Where the readings from the two ends of SQLite's table have got to: taken under {@link #sinkLock}. */
  private final MeetingEnds ends = new MeetingEnds();
  /**
   * Whether the second session has started ({@link #HELPING}), or the first one finished before
   * it did ({@link #CLOSED}) and so neither waits for it nor needs it: a pool with no session
   * free at once must not hold the load up.
   */
  private final AtomicInteger helperState = new AtomicInteger(WAITING);
  private List<Dialect.Part> parts;
  private long position;
  private String sharedSnapshot;
  /** What stopped the second session, if anything: read by the first after it has joined the thread. */
  private Throwable helperFailure;

  private ConnectionsLoad(Dialect dialect, Readers readers, ConnectionSink sink) {
    this.dialect = dialect;
    this.readers = readers;
    this.sink = sink;
  }

  /** Hands every connection to the sink once; returns the log position they reflect. */
  static long read(Dialect dialect, Readers readers, ConnectionSink sink) {
    ConnectionsLoad load = new ConnectionsLoad(dialect, readers, sink);
    return readers.read(load::lead);
  }

  /** The first session: opens the snapshot, cuts the parts, reads with the second if it can. */
  private long lead(Session session) throws SQLException {
    return inSnapshot(session, () -> {
      sharedSnapshot = dialect.shareSnapshot(session);
      position = position(session);
      parts = dialect.connectionParts(session, PARTS);
      Thread helper = readers.lendsTwo()
          ? Thread.ofPlatform().name("rapport-connections-load").daemon().start(this::help)
          : null;
      boolean helped = false;
      try {
        readParts(session);
      } finally {
        if (helper != null) {
          nextPart.set(parts.size()); // if this session failed, the other takes no more parts
          // The snapshot stays open until a second session that started is done with it.
          helped = !helperState.compareAndSet(WAITING, CLOSED);
          if (helped) {
            joinUninterruptibly(helper);
          }
        }
      }
      if (helped && helperFailure != null) {
        throw new SQLException("the second session of the load failed: " + helperFailure.getMessage(), helperFailure);
      }
      return position;
    });
  }

  /**
   * The second session, on its own thread: helps only if it starts before the first one has
   * finished, and sees the snapshot.
   */
  private void help() {
    try {
      readers.read(session -> {
        if (!helperState.compareAndSet(WAITING, HELPING)) {
          return null;
        }
        return inSnapshot(session, () -> {
          dialect.joinSnapshot(session, sharedSnapshot);
          if (position(session) == position) {
            readParts(session);
          }
          return null;
        });
      });
    } catch (Throwable e) {
      helperFailure = e;
    }
  }

  /**
   * Takes parts until none is left, handing their connections to the sink a block at a time and
   * at the end of each part, so that the sink's work goes on while the other session reads.
   */
  private void readParts(Session session) throws SQLException {
    Block block = new Block();
    for (int part = nextPart.getAndIncrement(); part < parts.size(); part = nextPart.getAndIncrement()) {
      block.start(parts.get(part).end());
      dialect.readConnections(session, parts.get(part), block);
      block.flush();
    }
  }

  private long position(Session session) throws SQLException {
    try (ResultSet row = session.prepare(dialect.snapshotPosition()).executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Runs the work in one read transaction that sees one snapshot throughout, and ends it. */
  private <T> T inSnapshot(Session session, Transaction.Work<T> work) throws SQLException {
    Connection connection = session.connection();
    int isolation = connection.getTransactionIsolation();
    if (dialect == Dialect.POSTGRES) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }
    try {
      return Transaction.run(connection, work);
    } finally {
      if (dialect == Dialect.POSTGRES) {
        connection.setTransactionIsolation(isolation);
      }
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Connections one thread has read, handed to the sink whole. */
  private final class Block implements Dialect.PartSink {
    private final long[] members = new long[BLOCK];
    private final long[] others = new long[BLOCK];
    private int size;
    private Dialect.End end;
    /** Whether this end has met the other: nothing more of the part goes to the sink. */
    private boolean met;

    void start(Dialect.End partEnd) {
      end = partEnd;
      met = false;
    }

    @Override
    public boolean wants(long member) {
      return !met && ends.wants(end, member);
    }

    @Override
    public void connection(long a, long b) {
      if (met) {
        return;
      }
      members[size] = a;
      others[size] = b;
      if (++size == BLOCK) {
        flush();
      }
    }

    void flush() {
      synchronized (sinkLock) {
        int given = ends.take(end, members, size);
        met = given < size;
        for (int i = 0; i < given; i++) {
          sink.connection(members[i], others[i]);
        }
      }
      size = 0;
    }
  }
}
