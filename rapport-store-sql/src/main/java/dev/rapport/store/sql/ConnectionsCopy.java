package dev.rapport.store.sql;

import dev.rapport.store.StoreReads.ConnectionSink;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * Reads connections out of PostgreSQL with {@code COPY ... TO STDOUT (FORMAT binary)}, for the
 * graph index's load, parsed as the bytes arrive. Each row of the copy is one {@code bytea}: many
 * connections, each as its two ids, 8 bytes each, big-endian (what {@code int8send} writes).
 * <ul>
 *   <li>A copy rather than a result set: a row costs the driver more than its two ids.
 *   <li>Binary rather than text, because the service's ids have 18 digits, which PostgreSQL takes
 *       long to write out.
 *   <li>Many connections a row rather than one: PostgreSQL sends each row of a copy as a message of
 *       its own, which the driver reads into an array of its own.
 * </ul>
 * The figures behind each choice are in BENCHMARKS.md's history (docs/decisions/0007).
 * The copy runs inside the caller's transaction, so it reads the caller's snapshot.
 */
final class ConnectionsCopy {
  private ConnectionsCopy() {}

  /**
   * Runs the copy, whose rows must hold between them each connection once, as its two ids, and
   * hands each to the sink.
   */
  static void copy(Connection connection, String copy, ConnectionSink sink) throws SQLException {
    try (Rows rows = new Rows(sink)) {
      connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, rows);
      rows.end();
    } catch (IOException e) {
      throw new SQLException("could not read the connections from PostgreSQL", e);
    }
  }

  /**
   * Parses the binary copy as it is written, however the bytes come cut: a header (a signature,
   * flags and an extension of a given length), then rows of a field count (1) and a field's length
   * and bytes (a length of -1 is null: a part without connections), then a field count of -1.
   */
  static final class Rows extends OutputStream {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** The signature, the flags and the extension's length. */
    private static final int HEADER = SIGNATURE.length + 8;
    /** A connection in a row's bytes: two big-endian ids. */
    private static final int PAIR = 16;

    private final ConnectionSink sink;
    /** Bytes written but not parsed yet: less than a row, or part of the header. */
    private byte[] pending = new byte[256];
    private int pendingLength;
    private boolean headerRead;
    private boolean ended;

    Rows(ConnectionSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    /**
     * The driver writes one row at a time, so the bytes are parsed where they are; only a part
     * left over (the header, or a row cut in two) waits in {@link #pending} for the rest.
     * A row's connections go to the sink once the whole row has come.
     */
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (pendingLength == 0) {
        int parsed = parse(bytes, offset, offset + length);
        keep(bytes, parsed, offset + length - parsed);
        return;
      }
      keep(bytes, offset, length);
      int parsed = parse(pending, 0, pendingLength);
      System.arraycopy(pending, parsed, pending, 0, pendingLength - parsed);
      pendingLength -= parsed;
    }

    /** Appends bytes not parsed yet to {@link #pending}. */
    private void keep(byte[] bytes, int offset, int length) {
      if (pendingLength + length > pending.length) {
        pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
      }
      System.arraycopy(bytes, offset, pending, pendingLength, length);
      pendingLength += length;
    }

    /** Parses what is complete of the bytes from {@code from} to {@code to}; where it stopped. */
    private int parse(byte[] b, int from, int to) throws IOException {
      int at = from;
      if (!headerRead) {
        if (to - at < HEADER) {
          return at;
        }
        if (!Arrays.equals(b, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
          throw new IOException("the copy of the connections does not start as a binary copy does");
        }
        int extension = intAt(b, at + SIGNATURE.length + 4);
        if (to - at < HEADER + extension) {
          return at;
        }
        at += HEADER + extension;
        headerRead = true;
      }
      while (at + 2 <= to && !ended) {
        short fields = (short) (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
        if (fields == -1) {
          ended = true;
          at += 2;
        } else if (fields != 1) {
          throw new IOException("a row of the copy of the connections has " + fields + " fields, not 1");
        } else if (at + 6 > to) {
          break;
        } else {
          int length = intAt(b, at + 2);
          if (length == -1) { // no connection in the part: the aggregate is null
            at += 6;
            continue;
          }
          if (length < 0 || length % PAIR != 0) {
            throw new IOException("a row of the copy of the connections holds " + length + " bytes, not pairs of ids");
          }
          if (at + 6 + length > to) {
            break;
          }
          for (int pair = at + 6; pair < at + 6 + length; pair += PAIR) {
            sink.connection(longAt(b, pair), longAt(b, pair + 8));
          }
          at += 6 + length;
        }
      }
      if (ended && at < to) {
        throw new IOException("the copy of the connections goes on after its end");
      }
      return at;
    }

    /** Checks that the copy ended where a binary copy ends. */
    void end() throws IOException {
      if (!ended || pendingLength > 0) {
        throw new IOException("the copy of the connections ended before its end");
      }
    }

    private static int intAt(byte[] b, int at) {
      return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static long longAt(byte[] b, int at) {
      return ((long) intAt(b, at) << 32) | (intAt(b, at + 4) & 0xffffffffL);
    }
  }
}
