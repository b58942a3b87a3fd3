package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.model.Conversation;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.model.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A commit's changes as the JSON array that PostgreSQL's {@code apply_commit} reads (schema 3):
 * one object per change, its kind in {@code k}, the columns it writes by name, instants as epoch
 * milliseconds. Written by hand: a dozen flat shapes do not need a JSON library in this module.
 */
final class ChangesJson {
  private ChangesJson() {}

  static String of(List<Change> changes) {
    StringBuilder json = new StringBuilder(64 + 160 * changes.size()).append('[');
    for (Change change : changes) {
      if (json.length() > 1) {
        json.append(',');
      }
      Writer object = new Writer(json);
      switch (change) {
        case Change.AddMember(Member m) -> {
          Settings s = m.settings();
          object.kind("add_member").field("id", m.id()).field("handle", m.handle().value())
              .field("kind", m.kind().name()).field("name", m.name()).field("headline", m.headline())
              .field("email", m.email()).field("tier", m.tier()).field("created_at", m.createdAt())
              .settings(s).field("connection_count", m.connectionCount()).field("version", m.version());
        }
        case Change.UpdateMember(Member m) -> object.kind("update_member").field("id", m.id())
            .field("name", m.name()).field("headline", m.headline()).settings(m.settings());
        case Change.AddToken(String hash, long memberId, Instant expiresAt, var kind, long id, var name, var createdAt) ->
            object.kind("add_token").field("token_hash", hash).field("member_id", memberId)
                .field("expires_at", expiresAt).field("kind", kind.name())
                .field("id", id == 0 ? Optional.empty() : Optional.of(id)).field("name", name)
                .field("created_at", createdAt);
        case Change.RemoveToken(long memberId, long tokenId) ->
            object.kind("remove_token").field("member_id", memberId).field("id", tokenId);
        case Change.RemoveSession(String hash) -> object.kind("remove_session").field("token_hash", hash);
        case Change.RemoveSessions(long memberId, var keepHash) ->
            object.kind("remove_sessions").field("member_id", memberId).field("keep_hash", keepHash);
        case Change.AddCredential(long memberId, String emailKey, String hash, Instant at) ->
            object.kind("add_credential").field("member_id", memberId).field("email_key", emailKey)
                .field("password_hash", hash).field("at", at);
        case Change.UpdatePassword(long memberId, String hash, Instant at) ->
            object.kind("update_password").field("member_id", memberId).field("password_hash", hash).field("at", at);
        case Change.AddInvite(var link) -> object.kind("add_invite").field("id", link.id())
            .field("code_hash", link.codeHash()).field("created_by", link.createdBy())
            .field("created_at", link.createdAt()).field("expires_at", link.expiresAt());
        case Change.UseInvite(long inviteId, long memberId, Instant at) ->
            object.kind("use_invite").field("id", inviteId).field("member_id", memberId).field("at", at);
        case Change.AddFollow(long followerId, long followeeId, Instant at) -> object.kind("add_follow")
            .field("follower_id", followerId).field("followee_id", followeeId).field("at", at);
        case Change.RemoveFollow(long followerId, long followeeId) -> object.kind("remove_follow")
            .field("follower_id", followerId).field("followee_id", followeeId);
        case Change.AddConnection(long a, long b, Instant at) ->
            object.kind("add_connection").field("a", a).field("b", b).field("at", at);
        case Change.RemoveConnection(long a, long b) -> object.kind("remove_connection").field("a", a).field("b", b);
        case Change.AddInvitation(Invitation i) -> object.kind("add_invitation").field("id", i.id())
            .field("sender_id", i.senderId()).field("recipient_id", i.recipientId()).field("state", i.state().name())
            .field("note", i.note()).field("sent_at", i.sentAt()).field("updated_at", i.updatedAt())
            .field("reported_at", i.reportedAt());
        case Change.UpdateInvitation(Invitation i) -> object.kind("update_invitation").field("id", i.id())
            .field("state", i.state().name()).field("updated_at", i.updatedAt()).field("reported_at", i.reportedAt());
        case Change.AddBlock(long blockerId, long blockedId, Instant at) -> object.kind("add_block")
            .field("blocker_id", blockerId).field("blocked_id", blockedId).field("at", at);
        case Change.RemoveBlock(long blockerId, long blockedId) -> object.kind("remove_block")
            .field("blocker_id", blockerId).field("blocked_id", blockedId);
        case Change.AddRefusal(long memberId, Instant at) ->
            object.kind("add_refusal").field("member_id", memberId).field("at", at);
        case Change.AddRestriction(var r) -> object.kind("add_restriction").field("member_id", r.memberId())
            .field("reason", r.reason()).field("starts_at", r.startsAt()).field("ends_at", r.endsAt());
        case Change.AddNotification(var n) -> object.kind("add_notification").field("id", n.id())
            .field("recipient_id", n.recipientId()).field("kind", n.kind().name()).field("actor_id", n.actorId())
            .field("ref_id", n.refId()).field("about", n.about()).field("at", n.at()).field("read", n.read());
        case Change.SetNotificationMutes(long memberId, var muted) -> object.kind("set_notification_mutes")
            .field("member_id", memberId).strings("kinds", muted.stream().map(Enum::name).sorted().toList());
        case Change.AddDismissal(long memberId, long dismissedId, Instant at) -> object.kind("add_dismissal")
            .field("member_id", memberId).field("dismissed_id", dismissedId).field("at", at);
        case Change.MarkNotificationsRead(long recipientId, long upToId) -> object.kind("mark_notifications_read")
            .field("recipient_id", recipientId).field("up_to", upToId);
        case Change.MarkNotificationGroupRead(long recipientId, var key, long fromId, long upToId) ->
            object.kind("mark_notification_group_read").field("recipient_id", recipientId)
                .field("kind", key.kind().name()).field("ref_id", key.refId()).field("about", key.about())
                .field("day", key.day()).field("from_id", fromId).field("up_to", upToId);
        case Change.AddPost(var p) -> object.kind("add_post").field("id", p.id()).field("author_id", p.authorId())
            .field("text", p.text()).field("visibility", p.visibility().name()).field("created_at", p.createdAt());
        case Change.EditPost(long postId, String text, Instant at) ->
            object.kind("edit_post").field("id", postId).field("text", text).field("at", at);
        case Change.RemovePost(long postId) -> object.kind("remove_post").field("id", postId);
        case Change.SetReaction(var r) -> object.kind("set_reaction").field("post_id", r.postId())
            .field("member_id", r.memberId()).field("kind", r.kind().name()).field("at", r.at());
        case Change.RemoveReaction(long postId, long memberId) ->
            object.kind("remove_reaction").field("post_id", postId).field("member_id", memberId);
        case Change.AddComment(var c) -> object.kind("add_comment").field("id", c.id()).field("post_id", c.postId())
            .field("author_id", c.authorId()).field("text", c.text()).field("at", c.createdAt());
        case Change.RemoveComment(long postId, long commentId) ->
            object.kind("remove_comment").field("post_id", postId).field("id", commentId);
        case Change.SetSkills(long memberId, List<String> skills, List<String> removedKeys) ->
            object.kind("set_skills").field("member_id", memberId).strings("names", skills)
                .strings("keys", skills.stream().map(Change.SetSkills::key).toList()).strings("removed", removedKeys);
        case Change.AddEndorsement(long memberId, String key, long endorserId, Instant at) ->
            object.kind("add_endorsement").field("member_id", memberId).field("skill_key", key)
                .field("endorser_id", endorserId).field("at", at);
        case Change.RemoveEndorsement(long memberId, String key, long endorserId) -> object.kind("remove_endorsement")
            .field("member_id", memberId).field("skill_key", key).field("endorser_id", endorserId);
        case Change.AddRecommendation(var r) -> object.kind("add_recommendation").field("id", r.id())
            .field("writer_id", r.writerId()).field("recipient_id", r.recipientId()).field("text", r.text())
            .field("relationship", r.relationship()).field("state", r.state().name())
            .field("created_at", r.createdAt()).field("shown_at", r.shownAt());
        case Change.UpdateRecommendation(var r) -> object.kind("update_recommendation").field("id", r.id())
            .field("state", r.state().name()).field("shown_at", r.shownAt());
        case Change.RemoveRecommendation(long id) -> object.kind("remove_recommendation").field("id", id);
        case Change.RemoveGiven(long a, long b) -> object.kind("remove_given").field("a", a).field("b", b);
        case Change.AddPageAdmin(long pageId, long memberId, Instant at) -> object.kind("add_page_admin")
            .field("page_id", pageId).field("member_id", memberId).field("at", at);
        case Change.RemovePageAdmin(long pageId, long memberId) -> object.kind("remove_page_admin")
            .field("page_id", pageId).field("member_id", memberId);
        case Change.AddConversation(var c) -> object.kind("add_conversation").conversation(c);
        case Change.UpdateConversation(var before, var after) -> object.kind("update_conversation")
            .conversation(after).field("was_state", before.state().name())
            .field("was_requester_id", before.requesterId()).field("was_refundable", before.refundable());
        case Change.AddMessage(var m, long recipientId) -> object.kind("add_message").field("id", m.id())
            .field("conversation_id", m.conversationId()).field("sender_id", m.senderId())
            .field("recipient_id", recipientId).field("text", m.text()).field("at", m.sentAt());
        case Change.MarkConversationRead(long conversationId, long memberId, long upToId) ->
            object.kind("mark_conversation_read").field("conversation_id", conversationId)
                .field("member_id", memberId).field("up_to", upToId);
        case Change.SetInMailCredits(long memberId, int balance, int month) -> object.kind("set_inmail_credits")
            .field("member_id", memberId).field("balance", balance).field("month", month);
      }
      json.append('}');
    }
    return json.append(']').toString();
  }

  /** Appends one object's fields; the caller closes it. */
  private static final class Writer {
    private final StringBuilder json;

    Writer(StringBuilder json) {
      this.json = json;
    }

    Writer kind(String kind) {
      json.append("{\"k\":");
      string(kind);
      return this;
    }

    Writer settings(Settings s) {
      return field("follow_primary", s.followPrimary()).field("who_can_follow", s.whoCanFollow().name())
          .field("who_can_invite", s.whoCanInvite().name())
          .field("connections_visibility", s.connectionsVisibility().name()).field("open_profile", s.openProfile())
          .field("follows_visibility", s.followsVisibility().name());
    }

    Writer conversation(Conversation c) {
      return field("id", c.id()).field("low_id", c.lowId()).field("high_id", c.highId())
          .field("state", c.state().name()).field("requester_id", c.requesterId())
          .field("requested_at", c.requestedAt()).field("refundable", c.refundable())
          .field("created_at", c.createdAt());
    }

    Writer field(String name, long value) {
      json.append(",\"").append(name).append("\":").append(value);
      return this;
    }

    Writer field(String name, boolean value) {
      json.append(",\"").append(name).append("\":").append(value);
      return this;
    }

    Writer field(String name, Instant value) {
      return field(name, value.toEpochMilli());
    }

    Writer field(String name, String value) {
      json.append(",\"").append(name).append("\":");
      string(value);
      return this;
    }

    /** An empty optional is JSON null, which the function reads as SQL NULL. */
    Writer field(String name, Optional<?> value) {
      if (value.isEmpty()) {
        json.append(",\"").append(name).append("\":null");
        return this;
      }
      return switch (value.get()) {
        case String s -> field(name, s);
        case Instant t -> field(name, t);
        case Long l -> field(name, l.longValue());
        default -> throw new IllegalArgumentException("cannot write a " + value.get().getClass().getName());
      };
    }

    /** An array of strings. */
    Writer strings(String name, List<String> values) {
      json.append(",\"").append(name).append("\":[");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          json.append(',');
        }
        string(values.get(i));
      }
      json.append(']');
      return this;
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    private void string(String value) {
      json.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          case '\n' -> json.append("\\n");
          case '\r' -> json.append("\\r");
          case '\t' -> json.append("\\t");
          default -> {
            if (c < 0x20) {
              json.append("\\u%04x".formatted((int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      json.append('"');
    }
  }
}
