package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;

import dev.rapport.kernel.Usage;
import dev.rapport.model.Restriction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a member used of the invitation limits. Thread safe if the readers are. */
final class UsageReads {
  /**
   * Everything a member used of the invitation limits, in one statement: first the refusal times
   * (kind 0) and report times (kind 1) in the windows, each in column 2, then one row of kind 2
   * with the counts, the earliest invitation of the week, and the latest restriction.
   */
  private static final String USAGE = """
      SELECT 0 AS kind, at AS t, CAST(NULL AS BIGINT) AS sent, CAST(NULL AS BIGINT) AS first_sent,
        CAST(NULL AS BIGINT) AS open, CAST(NULL AS BIGINT) AS notes, CAST(NULL AS BIGINT) AS restrictions,
        CAST(NULL AS TEXT) AS reason, CAST(NULL AS BIGINT) AS starts_at, CAST(NULL AS BIGINT) AS ends_at
      FROM refusals WHERE member_id = ? AND at > ?
      UNION ALL
      SELECT 1, reported_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM invitations WHERE sender_id = ? AND reported_at > ?
      UNION ALL
      SELECT 2, NULL,
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND sent_at > ?),
        (SELECT min(sent_at) FROM invitations WHERE sender_id = ? AND sent_at > ?),
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND state IN ('PENDING', 'IGNORED')),
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND sent_at >= ? AND note IS NOT NULL),
        (SELECT count(*) FROM restrictions WHERE member_id = ?),
        r.reason, r.starts_at, r.ends_at
      FROM (SELECT 1 AS one) AS u
      LEFT JOIN (SELECT reason, starts_at, ends_at FROM restrictions WHERE member_id = ?
                 ORDER BY starts_at DESC, ends_at DESC LIMIT 1) AS r ON 1 = 1
      ORDER BY 1, 2
      """;

  private final Readers readers;

  UsageReads(Readers readers) {
    this.readers = readers;
  }

  Usage usage(long memberId, Usage.Windows windows) {
    return readers.read(s -> {
      PreparedStatement usage = s.prepare(USAGE);
      long invitationsSince = windows.invitationsSince().toEpochMilli();
      bindLongs(usage, memberId, windows.refusalsSince().toEpochMilli(), memberId,
          windows.reportsSince().toEpochMilli(), memberId, invitationsSince, memberId, invitationsSince, memberId,
          memberId, windows.notesSince().toEpochMilli(), memberId, memberId);
      List<Instant> refusals = new ArrayList<>();
      List<Instant> reports = new ArrayList<>();
      try (ResultSet rows = usage.executeQuery()) {
        while (rows.next()) {
          int kind = rows.getInt(1);
          if (kind < 2) {
            (kind == 0 ? refusals : reports).add(Instant.ofEpochMilli(rows.getLong(2)));
            continue;
          }
          String reason = rows.getString(8);
          Optional<Restriction> latest = reason == null ? Optional.empty() : Optional.of(new Restriction(memberId,
              reason, Instant.ofEpochMilli(rows.getLong(9)), Instant.ofEpochMilli(rows.getLong(10))));
          return new Usage(rows.getInt(3), Rows.optionalInstant(rows, 4), rows.getInt(5), rows.getInt(6), refusals,
              reports, latest, rows.getInt(7));
        }
      }
      throw new IllegalStateException("the usage query returned no counts row");
    });
  }
}
