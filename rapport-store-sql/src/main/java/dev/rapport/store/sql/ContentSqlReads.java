package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;
import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.Comment;
import dev.rapport.model.Cursor;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.store.ContentReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Posts, reactions and comments (P2-P4), in SQL both backends accept. Thread safe if the readers are. */
final class ContentSqlReads implements ContentReads {
  static final String POST = "p.id, p.author_id, p.text, p.visibility, p.created_at, p.edited_at, p.like_count, "
      + "p.celebrate_count, p.support_count, p.love_count, p.insightful_count, p.funny_count, p.comment_count";
  private static final String POST_BY_ID = "SELECT " + POST + " FROM posts p WHERE p.id = ?";
  private static final PaddedList POSTS_BY_IDS = PaddedList.of("SELECT " + POST + " FROM posts p WHERE p.id IN (%s)");
  private static final String POSTS_BY = "SELECT p.created_at, p.id, " + POST + " FROM posts p WHERE p.author_id = ?"
      + " AND (p.created_at, p.id) < (?, ?) %s ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
  private static final String REACTIONS = "SELECT r.at, r.member_id, r.post_id, r.member_id, r.kind, r.at"
      + " FROM reactions r WHERE r.post_id = ? AND (r.at, r.member_id) < (?, ?) %s" + visibleTo("r.member_id")
      + " ORDER BY r.at DESC, r.member_id DESC LIMIT ?";
  /** Oldest first: the cursor keys go up. */
  private static final String COMMENTS = "SELECT c.created_at, c.id, c.id, c.post_id, c.author_id, c.text, c.created_at"
      + " FROM comments c WHERE c.post_id = ? AND (c.created_at, c.id) > (?, ?)" + visibleTo("c.author_id")
      + " ORDER BY c.created_at, c.id LIMIT ?";
  private static final String COMMENT = "SELECT c.id, c.post_id, c.author_id, c.text, c.created_at FROM comments c"
      + " WHERE c.id = ?";
  private static final String COMMENT_TIMES = "SELECT created_at FROM comments WHERE post_id = ? AND author_id = ?"
      + " ORDER BY created_at";

  private final Dialect dialect;
  private final Readers readers;

  ContentSqlReads(Dialect dialect, Readers readers) {
    this.dialect = dialect;
    this.readers = readers;
  }

  /** B2: leaves out members the viewer blocked or is blocked by. Parameters: the viewer, twice. */
  private static String visibleTo(String memberColumn) {
    return " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = ? AND x.blocked_id = " + memberColumn + ")"
        + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = " + memberColumn + " AND x.blocked_id = ?)";
  }

  static Post post(ResultSet row, int from) throws SQLException {
    int c = from;
    long id = row.getLong(c++);
    long author = row.getLong(c++);
    String text = row.getString(c++);
    PostVisibility visibility = PostVisibility.valueOf(row.getString(c++));
    Instant created = Instant.ofEpochMilli(row.getLong(c++));
    Optional<Instant> edited = Rows.optionalInstant(row, c++);
    int[] reactions = new int[ReactionKind.values().length];
    for (int k = 0; k < reactions.length; k++) {
      reactions[k] = row.getInt(c++);
    }
    return new Post(id, author, text, visibility, created, edited, new EngagementCounts(reactions, row.getInt(c)));
  }

  private static Comment comment(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Comment(row.getLong(c++), row.getLong(c++), row.getLong(c++), row.getString(c++),
        Instant.ofEpochMilli(row.getLong(c)));
  }

  private static Reaction reaction(ResultSet row, int from) throws SQLException {
    return new Reaction(row.getLong(from), row.getLong(from + 1), ReactionKind.valueOf(row.getString(from + 2)),
        Instant.ofEpochMilli(row.getLong(from + 3)));
  }

  @Override
  public Optional<Post> post(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(POST_BY_ID);
      statement.setLong(1, id);
      return first(statement, ContentSqlReads::post);
    });
  }

  @Override
  public Map<Long, Post> posts(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<Long, Post> found = new HashMap<>();
      for (List<Long> chunk : PaddedList.chunks(distinct)) {
        PreparedStatement statement = s.prepare(POSTS_BY_IDS.sql(chunk));
        POSTS_BY_IDS.bind(statement, chunk, (st, i, id) -> st.setLong(i, id));
        for (Post post : Statements.all(statement, ContentSqlReads::post)) {
          found.put(post.id(), post);
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  @Override
  public Page<Post> postsBy(long authorId, boolean withConnectionsOnly, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    String sql = POSTS_BY.formatted(withConnectionsOnly ? "" : "AND p.visibility = 'ANYONE'");
    return page(sql, 2, ContentSqlReads::post, page, authorId, below[0], below[1]);
  }

  @Override
  public Map<Long, ReactionKind> reactionsOf(long memberId, Collection<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = postIds.stream().distinct().toList();
    return readers.read(s -> {
      PreparedStatement statement = s.prepare("SELECT post_id, kind FROM reactions WHERE member_id = ? AND post_id IN ("
          + placeholders(ids.size()) + ")");
      statement.setLong(1, memberId);
      for (int i = 0; i < ids.size(); i++) {
        statement.setLong(i + 2, ids.get(i));
      }
      Map<Long, ReactionKind> kinds = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          kinds.put(rows.getLong(1), ReactionKind.valueOf(rows.getString(2)));
        }
      }
      return kinds;
    });
  }

  private static String placeholders(int count) {
    return "?" + ", ?".repeat(count - 1);
  }

  @Override
  public Page<Reaction> reactions(long postId, Optional<ReactionKind> kind, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    if (kind.isEmpty()) {
      return page(REACTIONS.formatted(""), 2, ContentSqlReads::reaction, page, postId, below[0], below[1], viewerId,
          viewerId);
    }
    // The kind is one of the enum's names, never the caller's text.
    String sql = REACTIONS.formatted("AND r.kind = '" + kind.get().name() + "'");
    return page(sql, 2, ContentSqlReads::reaction, page, postId, below[0], below[1], viewerId, viewerId);
  }

  @Override
  public Optional<Comment> comment(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(COMMENT);
      statement.setLong(1, id);
      return first(statement, ContentSqlReads::comment);
    });
  }

  @Override
  public Page<Comment> comments(long postId, long viewerId, PageRequest page) {
    long[] after = page.cursor().isPresent() ? Cursor.decode(page.cursor(), 2) : new long[] {Long.MIN_VALUE, 0};
    return page(COMMENTS, 2, ContentSqlReads::comment, page, postId, after[0], after[1], viewerId, viewerId);
  }

  @Override
  public Map<Long, EngagementCounts> engagementBy(Collection<Long> postIds, long[] memberIds) {
    if (postIds.isEmpty() || memberIds.length == 0) {
      return Map.of();
    }
    List<Long> posts = postIds.stream().distinct().toList();
    Map<Long, int[]> reactions = new HashMap<>();
    Map<Long, Integer> comments = new HashMap<>();
    int chunk = 500;
    for (int from = 0; from < memberIds.length; from += chunk) {
      long[] members = java.util.Arrays.copyOfRange(memberIds, from, Math.min(memberIds.length, from + chunk));
      String in = " IN (" + placeholders(posts.size()) + ") AND %s IN (" + placeholders(members.length) + ")";
      readers.read(s -> {
        PreparedStatement r = bind(s.prepare("SELECT post_id, kind FROM reactions WHERE post_id"
            + in.formatted("member_id")), posts, members);
        try (ResultSet rows = r.executeQuery()) {
          while (rows.next()) {
            reactions.computeIfAbsent(rows.getLong(1), p -> new int[ReactionKind.values().length])
                [ReactionKind.valueOf(rows.getString(2)).ordinal()]++;
          }
        }
        PreparedStatement c = bind(s.prepare("SELECT post_id, count(*) FROM comments WHERE post_id"
            + in.formatted("author_id") + " GROUP BY post_id"), posts, members);
        try (ResultSet rows = c.executeQuery()) {
          while (rows.next()) {
            comments.merge(rows.getLong(1), rows.getInt(2), Integer::sum);
          }
        }
        return null;
      });
    }
    Map<Long, EngagementCounts> counts = new HashMap<>();
    for (Long post : posts) {
      int[] r = reactions.get(post);
      Integer c = comments.get(post);
      if (r != null || c != null) {
        counts.put(post, new EngagementCounts(r == null ? new int[ReactionKind.values().length] : r,
            c == null ? 0 : c));
      }
    }
    return counts;
  }

  private static PreparedStatement bind(PreparedStatement statement, List<Long> posts, long[] members)
      throws SQLException {
    int p = 1;
    for (long post : posts) {
      statement.setLong(p++, post);
    }
    for (long member : members) {
      statement.setLong(p++, member);
    }
    return statement;
  }

  @Override
  public long[] commentTimes(long postId, long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(COMMENT_TIMES);
      bindLongs(statement, postId, memberId);
      return Statements.all(statement, ResultSet::getLong).stream().mapToLong(Long::longValue).toArray();
    });
  }

  @Override
  public long forEachContent(Instant engagedSince, ContentSink sink) {
    return ContentLoad.read(dialect, readers, engagedSince.toEpochMilli(), sink);
  }

  /** Runs a list query whose rows start with {@code keyCount} sort keys; reads one more row to learn of a next page. */
  private <T> Page<T> page(String sql, int keyCount, Rows.Mapper<T> mapper, PageRequest page, long... parameters) {
    return readers.read(s -> Statements.page(s, sql, keyCount, mapper, page, parameters));
  }
}
