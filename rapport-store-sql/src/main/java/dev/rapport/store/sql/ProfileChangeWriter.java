package dev.rapport.store.sql;

import static dev.rapport.store.sql.ChangeWriter.update;

import dev.rapport.kernel.Change;
import dev.rapport.model.Recommendation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the changes of skills, endorsements, recommendations and page admins (E1, E2, CP1) into the
 * SQLite writer's open transaction, as {@link ChangeWriter} does the others (PostgreSQL does the
 * same in {@code apply_commit}).
 */
final class ProfileChangeWriter {
  private static final String DELETE_SKILL = "DELETE FROM skills WHERE member_id = ? AND skill_key = ?";
  private static final String DELETE_SKILL_ENDORSEMENTS =
      "DELETE FROM endorsements WHERE member_id = ? AND skill_key = ?";
  private static final String UPSERT_SKILL = "INSERT INTO skills (member_id, skill_key, name, position) "
      + "VALUES (?, ?, ?, ?) ON CONFLICT (member_id, skill_key) DO UPDATE SET name = excluded.name, "
      + "position = excluded.position";
  private static final String INSERT_ENDORSEMENT = "INSERT INTO endorsements (member_id, skill_key, endorser_id, "
      + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELETE_ENDORSEMENT =
      "DELETE FROM endorsements WHERE member_id = ? AND skill_key = ? AND endorser_id = ?";
  private static final String INSERT_RECOMMENDATION = "INSERT INTO recommendations (id, writer_id, recipient_id, "
      + "text, relationship, state, created_at, shown_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_RECOMMENDATION =
      "UPDATE recommendations SET state = ?, shown_at = ? WHERE id = ?";
  private static final String DELETE_RECOMMENDATION = "DELETE FROM recommendations WHERE id = ?";
  private static final String DELETE_ENDORSEMENTS_BETWEEN = "DELETE FROM endorsements "
      + "WHERE (member_id = ? AND endorser_id = ?) OR (member_id = ? AND endorser_id = ?)";
  private static final String DELETE_RECOMMENDATIONS_BETWEEN = "DELETE FROM recommendations "
      + "WHERE (writer_id = ? AND recipient_id = ?) OR (writer_id = ? AND recipient_id = ?)";
  private static final String INSERT_PAGE_ADMIN =
      "INSERT INTO page_admins (page_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELETE_PAGE_ADMIN = "DELETE FROM page_admins WHERE page_id = ? AND member_id = ?";

  private ProfileChangeWriter() {}

  static void apply(Session session, Change change) throws SQLException, CommitConflict {
    switch (change) {
      case Change.SetSkills(long memberId, List<String> skills, List<String> removedKeys) -> {
        for (String key : removedKeys) {
          update(session, DELETE_SKILL_ENDORSEMENTS, memberId, key);
          update(session, DELETE_SKILL, memberId, key);
        }
        for (int i = 0; i < skills.size(); i++) {
          update(session, UPSERT_SKILL, memberId, Change.SetSkills.key(skills.get(i)), skills.get(i), i);
        }
      }
      case Change.AddEndorsement(long memberId, String key, long endorserId, Instant at) ->
          update(session, INSERT_ENDORSEMENT, memberId, key, endorserId, at);
      case Change.RemoveEndorsement(long memberId, String key, long endorserId) ->
          update(session, DELETE_ENDORSEMENT, memberId, key, endorserId);
      case Change.AddRecommendation(Recommendation r) -> update(session, INSERT_RECOMMENDATION, r.id(),
          r.writerId(), r.recipientId(), r.text(), r.relationship(), r.state().name(), r.createdAt(), r.shownAt());
      case Change.UpdateRecommendation(Recommendation r) -> {
        if (update(session, UPDATE_RECOMMENDATION, r.state().name(), r.shownAt(), r.id()) == 0) {
          throw new CommitConflict("recommendation %d does not exist".formatted(r.id()));
        }
      }
      case Change.RemoveRecommendation(long id) -> update(session, DELETE_RECOMMENDATION, id);
      case Change.RemoveGiven(long a, long b) -> {
        update(session, DELETE_ENDORSEMENTS_BETWEEN, a, b, b, a);
        update(session, DELETE_RECOMMENDATIONS_BETWEEN, a, b, b, a);
      }
      case Change.AddPageAdmin(long pageId, long memberId, Instant at) ->
          update(session, INSERT_PAGE_ADMIN, pageId, memberId, at);
      case Change.RemovePageAdmin(long pageId, long memberId) -> update(session, DELETE_PAGE_ADMIN, pageId, memberId);
      default -> throw new IllegalArgumentException("not a change of profiles: " + change);
    }
  }
}
