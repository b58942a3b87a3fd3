package dev.rapport.store.sql;

import dev.rapport.model.Cursor;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Members found by the start of their handle or of a word of their name, newest first, without the
 * members the viewer blocked or is blocked by (B2). Thread safe if the readers are.
 *
 * <p>It reads the members table from the newest member down until a page is full: no index serves a
 * prefix of a word inside a name, and the SQL is the same on SQLite and PostgreSQL.
 */
final class MemberSearch {
  private static final String SEARCH = "SELECT m.id, " + Rows.MEMBER + " FROM members m"
      + " WHERE (m.handle LIKE ? ESCAPE '\\' OR lower(m.name) LIKE ? ESCAPE '\\' OR lower(m.name) LIKE ? ESCAPE '\\')"
      + " AND m.id < ?"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = ? AND x.blocked_id = m.id)"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = m.id AND x.blocked_id = ?)"
      + " ORDER BY m.id DESC LIMIT ?";

  private final Readers readers;

  MemberSearch(Readers readers) {
    this.readers = readers;
  }

  /** {@code prefix} is lowercase; LIKE's wildcards in it are matched as themselves. */
  Page<Member> search(String prefix, long viewerId, PageRequest page) {
    long below = Cursor.decode(page.cursor(), 1)[0];
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(SEARCH);
      statement.setString(1, escaped + "%");
      statement.setString(2, escaped + "%");
      statement.setString(3, "% " + escaped + "%");
      statement.setLong(4, below);
      statement.setLong(5, viewerId);
      statement.setLong(6, viewerId);
      statement.setLong(7, page.limit() + 1L);
      List<Member> items = new ArrayList<>(Math.min(page.limit(), 64));
      long last = 0;
      boolean more = false;
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (items.size() == page.limit()) {
            more = true;
            break;
          }
          last = rows.getLong(1);
          items.add(Rows.member(rows, 2));
        }
      }
      return new Page<>(items, more ? Optional.of(Cursor.encode(last)) : Optional.empty());
    });
  }
}
