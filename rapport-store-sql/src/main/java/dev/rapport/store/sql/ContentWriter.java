package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.model.Comment;
import dev.rapport.model.Post;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the changes of posts, reactions and comments (P2-P4) into the SQLite writer's open
 * transaction, as PostgreSQL's {@code apply_commit} does. A post's counts move in the same
 * transaction as the rows they count; a change to a post that is gone is a {@link CommitConflict}.
 */
final class ContentWriter {
  private static final String INSERT_POST = "INSERT INTO posts (id, author_id, text, visibility, created_at)"
      + " VALUES (?, ?, ?, ?, ?)";
  private static final String EDIT_POST = "UPDATE posts SET text = ?, edited_at = ? WHERE id = ?";
  private static final String DELETE_POST = "DELETE FROM posts WHERE id = ?";
  private static final String DELETE_REACTIONS = "DELETE FROM reactions WHERE post_id = ?";
  private static final String DELETE_COMMENTS = "DELETE FROM comments WHERE post_id = ?";
  private static final String POST_AND_REACTION = "SELECT p.id, r.kind FROM posts p"
      + " LEFT JOIN reactions r ON r.post_id = p.id AND r.member_id = ? WHERE p.id = ?";
  private static final String INSERT_REACTION = "INSERT INTO reactions (post_id, member_id, kind, at) VALUES (?, ?, ?, ?)";
  private static final String UPDATE_REACTION = "UPDATE reactions SET kind = ?, at = ? WHERE post_id = ? AND member_id = ?";
  private static final String DELETE_REACTION = "DELETE FROM reactions WHERE post_id = ? AND member_id = ?";
  private static final String ADD_COMMENT_COUNT = "UPDATE posts SET comment_count = comment_count + ? WHERE id = ?";
  private static final String INSERT_COMMENT = "INSERT INTO comments (id, post_id, author_id, text, created_at)"
      + " VALUES (?, ?, ?, ?, ?)";
  private static final String DELETE_COMMENT = "DELETE FROM comments WHERE id = ? AND post_id = ?";

  private ContentWriter() {}

  /** Whether this writer applies the change. */
  static boolean handles(Change change) {
    return change instanceof Change.AddPost || change instanceof Change.EditPost || change instanceof Change.RemovePost
        || change instanceof Change.SetReaction || change instanceof Change.RemoveReaction
        || change instanceof Change.AddComment || change instanceof Change.RemoveComment;
  }

  static void apply(Session session, Change change) throws SQLException, CommitConflict {
    switch (change) {
      case Change.AddPost(Post p) -> {
        PreparedStatement insert = session.prepare(INSERT_POST);
        insert.setLong(1, p.id());
        insert.setLong(2, p.authorId());
        insert.setString(3, p.text());
        insert.setString(4, p.visibility().name());
        insert.setLong(5, p.createdAt().toEpochMilli());
        insert.executeUpdate();
      }
      case Change.EditPost(long postId, String text, var at) -> {
        PreparedStatement edit = session.prepare(EDIT_POST);
        edit.setString(1, text);
        edit.setLong(2, at.toEpochMilli());
        edit.setLong(3, postId);
        requireOne(edit.executeUpdate(), "post %d is gone".formatted(postId));
      }
      case Change.RemovePost(long postId) -> {
        requireOne(update(session, DELETE_POST, postId), "post %d is gone".formatted(postId));
        update(session, DELETE_REACTIONS, postId);
        update(session, DELETE_COMMENTS, postId);
      }
      case Change.SetReaction(Reaction r) -> setReaction(session, r);
      case Change.RemoveReaction(long postId, long memberId) -> {
        Optional<ReactionKind> old = currentReaction(session, postId, memberId);
        if (old.isEmpty()) {
          throw new CommitConflict("member %d has no reaction to post %d".formatted(memberId, postId));
        }
        update(session, DELETE_REACTION, postId, memberId);
        moveCount(session, postId, old.get(), -1);
      }
      case Change.AddComment(Comment c) -> {
        requireOne(update(session, ADD_COMMENT_COUNT, 1, c.postId()), "post %d is gone".formatted(c.postId()));
        PreparedStatement insert = session.prepare(INSERT_COMMENT);
        insert.setLong(1, c.id());
        insert.setLong(2, c.postId());
        insert.setLong(3, c.authorId());
        insert.setString(4, c.text());
        insert.setLong(5, c.createdAt().toEpochMilli());
        insert.executeUpdate();
      }
      case Change.RemoveComment(long postId, long commentId) -> {
        requireOne(update(session, DELETE_COMMENT, commentId, postId), "comment %d is gone".formatted(commentId));
        update(session, ADD_COMMENT_COUNT, -1, postId);
      }
      default -> throw new IllegalArgumentException("not a change of content: " + change);
    }
  }

  private static void setReaction(Session session, Reaction r) throws SQLException, CommitConflict {
    PreparedStatement read = session.prepare(POST_AND_REACTION);
    read.setLong(1, r.memberId());
    read.setLong(2, r.postId());
    Optional<ReactionKind> old;
    try (ResultSet row = read.executeQuery()) {
      if (!row.next()) {
        throw new CommitConflict("post %d is gone".formatted(r.postId()));
      }
      String kind = row.getString(2);
      old = kind == null ? Optional.empty() : Optional.of(ReactionKind.valueOf(kind));
    }
    if (old.isEmpty()) {
      PreparedStatement insert = session.prepare(INSERT_REACTION);
      insert.setLong(1, r.postId());
      insert.setLong(2, r.memberId());
      insert.setString(3, r.kind().name());
      insert.setLong(4, r.at().toEpochMilli());
      insert.executeUpdate();
    } else {
      PreparedStatement change = session.prepare(UPDATE_REACTION);
      change.setString(1, r.kind().name());
      change.setLong(2, r.at().toEpochMilli());
      change.setLong(3, r.postId());
      change.setLong(4, r.memberId());
      change.executeUpdate();
      moveCount(session, r.postId(), old.get(), -1);
    }
    moveCount(session, r.postId(), r.kind(), 1);
  }

  private static Optional<ReactionKind> currentReaction(Session session, long postId, long memberId)
      throws SQLException {
    PreparedStatement read = session.prepare(POST_AND_REACTION);
    read.setLong(1, memberId);
    read.setLong(2, postId);
    try (ResultSet row = read.executeQuery()) {
      String kind = row.next() ? row.getString(2) : null;
      return kind == null ? Optional.empty() : Optional.of(ReactionKind.valueOf(kind));
    }
  }

  /** The count column of a kind is named after it: the enum's name, never a caller's text. */
  private static void moveCount(Session session, long postId, ReactionKind kind, int by) throws SQLException {
    String column = kind.name().toLowerCase(Locale.ROOT) + "_count";
    update(session, "UPDATE posts SET " + column + " = " + column + " + ? WHERE id = ?", by, postId);
  }

  private static void requireOne(int rows, String conflict) throws CommitConflict {
    if (rows == 0) {
      throw new CommitConflict(conflict);
    }
  }

  private static int update(Session session, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    for (int i = 0; i < parameters.length; i++) {
      switch (parameters[i]) {
        case Long l -> statement.setLong(i + 1, l);
        case Integer n -> statement.setInt(i + 1, n);
        case null -> statement.setNull(i + 1, Types.NULL);
        default -> throw new IllegalArgumentException("cannot bind a " + parameters[i].getClass().getName());
      }
    }
    return statement.executeUpdate();
  }
}
