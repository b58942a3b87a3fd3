package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.TokenKind;
import dev.rapport.store.TokenGrant;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members by id, by handle and by token, one at a time or many at once. Thread safe if the readers are. */
final class MemberReads {
  private static final String MEMBER_BY_ID = "SELECT " + Rows.MEMBER + " FROM members m WHERE m.id = ?";
  private static final String MEMBER_BY_HANDLE = "SELECT " + Rows.MEMBER + " FROM members m WHERE m.handle = ?";
  private static final PaddedList MEMBERS_BY_IDS =
      PaddedList.of("SELECT " + Rows.MEMBER + " FROM members m WHERE m.id IN (%s)");
  private static final PaddedList MEMBERS_BY_HANDLES =
      PaddedList.of("SELECT " + Rows.MEMBER + " FROM members m WHERE m.handle IN (%s)");
  private static final String TOKEN = "SELECT member_id, expires_at, kind FROM tokens WHERE token_hash = ?";

  private final Readers readers;

  MemberReads(Readers readers) {
    this.readers = readers;
  }

  Optional<Member> member(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MEMBER_BY_ID);
      statement.setLong(1, id);
      return first(statement, Rows::member);
    });
  }

  Optional<Member> member(Handle handle) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MEMBER_BY_HANDLE);
      statement.setString(1, handle.value());
      return first(statement, Rows::member);
    });
  }

  /**
   * Answered in a {@link HashMap}: the open addressing of {@link Map#copyOf} probes long runs of
   * slots for time-ordered ids (see BENCHMARKS.md, Import).
   */
  Map<Long, Member> members(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<Long, Member> found = new HashMap<>();
      for (List<Long> chunk : PaddedList.chunks(distinct)) {
        PreparedStatement statement = s.prepare(MEMBERS_BY_IDS.sql(chunk));
        MEMBERS_BY_IDS.bind(statement, chunk, (st, i, id) -> st.setLong(i, id));
        for (Member member : Statements.all(statement, Rows::member)) {
          found.put(member.id(), member);
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    List<Handle> distinct = handles.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<Handle, Member> found = new HashMap<>();
      for (List<Handle> chunk : PaddedList.chunks(distinct)) {
        PreparedStatement statement = s.prepare(MEMBERS_BY_HANDLES.sql(chunk));
        MEMBERS_BY_HANDLES.bind(statement, chunk, (st, i, handle) -> st.setString(i, handle.value()));
        for (Member member : Statements.all(statement, Rows::member)) {
          found.put(member.handle(), member);
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  Optional<TokenGrant> token(String tokenHash) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(TOKEN);
      statement.setString(1, tokenHash);
      return first(statement, (row, c) -> new TokenGrant(row.getLong(c), Instant.ofEpochMilli(row.getLong(c + 1)),
          TokenKind.valueOf(row.getString(c + 2))));
    });
  }
}
