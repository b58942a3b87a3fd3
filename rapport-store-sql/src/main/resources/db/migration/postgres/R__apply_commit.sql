-- apply_commit, the function that applies a whole commit in one call (one round trip per commit):
-- its one definition. Migrations runs this file after the versioned scripts whenever its checksum
-- differs from the one recorded in schema_repeatable, so change the function here, never in a new
-- versioned script. V3 and V4 still hold the copies they were applied with, because Migrations
-- refuses an applied script that changed; on every database this file runs after them and wins.
-- The changes arrive as the JSON array the store writes (one object per change, its kind in "k",
-- columns by name, instants as epoch milliseconds). It stays one function with the CASE inline: a
-- nested PL/pgSQL call per change would cost time on every commit.

CREATE OR REPLACE FUNCTION apply_commit(version_ids BIGINT[], expected_versions BIGINT[], changes JSONB,
    types TEXT[], ats BIGINT[], actors BIGINT[], subjects BIGINT[], refs BIGINT[])
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  c JSONB;
  added INTEGER;
  old_kind TEXT;
  new_kind TEXT;
BEGIN
  -- Events first: append_events must be the transaction's first write (schema 1).
  IF cardinality(types) > 0 THEN
    last_seq := append_events(types, ats, actors, subjects, refs);
  ELSE
    SELECT coalesce(max(seq), 0) INTO last_seq FROM events;
  END IF;

  -- The preconditions, in ascending member id order (the caller sorts them), so that two commits
  -- about the same members lock them in the same order and never wait for each other in a cycle.
  FOR i IN 1 .. coalesce(cardinality(version_ids), 0) LOOP
    UPDATE members SET version = version + 1 WHERE id = version_ids[i] AND version = expected_versions[i];
    IF NOT FOUND THEN
      RAISE EXCEPTION 'member % is no longer at version %', version_ids[i], expected_versions[i]
        USING ERRCODE = 'RP409';
    END IF;
  END LOOP;

  FOR c IN SELECT value FROM jsonb_array_elements(changes) LOOP
    CASE c->>'k'
    WHEN 'add_member' THEN
      INSERT INTO members (id, handle, kind, name, headline, email, tier, created_at, follow_primary,
          who_can_follow, who_can_invite, connections_visibility, open_profile, follows_visibility,
          connection_count, version)
        VALUES ((c->>'id')::BIGINT, c->>'handle', c->>'kind', c->>'name', c->>'headline', c->>'email',
          c->>'tier', (c->>'created_at')::BIGINT, (c->>'follow_primary')::BOOLEAN, c->>'who_can_follow',
          c->>'who_can_invite', c->>'connections_visibility', (c->>'open_profile')::BOOLEAN,
          c->>'follows_visibility', (c->>'connection_count')::INTEGER, (c->>'version')::BIGINT);
    WHEN 'update_member' THEN
      UPDATE members SET name = c->>'name', headline = c->>'headline',
          follow_primary = (c->>'follow_primary')::BOOLEAN, who_can_follow = c->>'who_can_follow',
          who_can_invite = c->>'who_can_invite', connections_visibility = c->>'connections_visibility',
          open_profile = (c->>'open_profile')::BOOLEAN, follows_visibility = c->>'follows_visibility'
        WHERE id = (c->>'id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'member % does not exist', c->>'id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'add_token' THEN
      INSERT INTO tokens (token_hash, member_id, expires_at, kind, id, name, created_at)
        VALUES (c->>'token_hash', (c->>'member_id')::BIGINT, (c->>'expires_at')::BIGINT, c->>'kind',
          (c->>'id')::BIGINT, c->>'name', (c->>'created_at')::BIGINT);
    WHEN 'remove_token' THEN
      DELETE FROM tokens WHERE member_id = (c->>'member_id')::BIGINT AND id = (c->>'id')::BIGINT AND kind = 'API';
    WHEN 'remove_session' THEN
      DELETE FROM tokens WHERE token_hash = c->>'token_hash' AND kind = 'SESSION';
    WHEN 'remove_sessions' THEN
      DELETE FROM tokens WHERE member_id = (c->>'member_id')::BIGINT AND kind = 'SESSION'
        AND token_hash IS DISTINCT FROM c->>'keep_hash';
    WHEN 'add_credential' THEN
      INSERT INTO credentials (member_id, email_key, password_hash, changed_at)
        VALUES ((c->>'member_id')::BIGINT, c->>'email_key', c->>'password_hash', (c->>'at')::BIGINT);
    WHEN 'update_password' THEN
      UPDATE credentials SET password_hash = c->>'password_hash', changed_at = (c->>'at')::BIGINT
        WHERE member_id = (c->>'member_id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'member % has no account', c->>'member_id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'add_invite' THEN
      INSERT INTO invite_links (id, code_hash, created_by, created_at, expires_at)
        VALUES ((c->>'id')::BIGINT, c->>'code_hash', (c->>'created_by')::BIGINT, (c->>'created_at')::BIGINT,
          (c->>'expires_at')::BIGINT);
    WHEN 'use_invite' THEN
      UPDATE invite_links SET used_by = (c->>'member_id')::BIGINT, used_at = (c->>'at')::BIGINT
        WHERE id = (c->>'id')::BIGINT AND used_by = 0;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'invite link % is used already', c->>'id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'add_follow' THEN
      INSERT INTO follows (follower_id, followee_id, created_at)
        VALUES ((c->>'follower_id')::BIGINT, (c->>'followee_id')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
    WHEN 'remove_follow' THEN
      DELETE FROM follows WHERE follower_id = (c->>'follower_id')::BIGINT AND followee_id = (c->>'followee_id')::BIGINT;
    WHEN 'add_connection' THEN
      INSERT INTO connections (member_id, other_id, created_at)
        VALUES ((c->>'a')::BIGINT, (c->>'b')::BIGINT, (c->>'at')::BIGINT),
               ((c->>'b')::BIGINT, (c->>'a')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS added = ROW_COUNT;
      IF added > 0 THEN
        UPDATE members SET connection_count = connection_count + 1 WHERE id IN ((c->>'a')::BIGINT, (c->>'b')::BIGINT);
      END IF;
    WHEN 'remove_connection' THEN
      DELETE FROM connections
        WHERE (member_id = (c->>'a')::BIGINT AND other_id = (c->>'b')::BIGINT)
           OR (member_id = (c->>'b')::BIGINT AND other_id = (c->>'a')::BIGINT);
      GET DIAGNOSTICS added = ROW_COUNT;
      IF added > 0 THEN
        UPDATE members SET connection_count = connection_count - 1 WHERE id IN ((c->>'a')::BIGINT, (c->>'b')::BIGINT);
      END IF;
    WHEN 'add_invitation' THEN
      INSERT INTO invitations (id, sender_id, recipient_id, pair_low, pair_high, state, note, sent_at,
          updated_at, reported_at)
        VALUES ((c->>'id')::BIGINT, (c->>'sender_id')::BIGINT, (c->>'recipient_id')::BIGINT,
          least((c->>'sender_id')::BIGINT, (c->>'recipient_id')::BIGINT),
          greatest((c->>'sender_id')::BIGINT, (c->>'recipient_id')::BIGINT),
          c->>'state', c->>'note', (c->>'sent_at')::BIGINT, (c->>'updated_at')::BIGINT,
          (c->>'reported_at')::BIGINT);
    WHEN 'update_invitation' THEN
      UPDATE invitations SET state = c->>'state', updated_at = (c->>'updated_at')::BIGINT,
          reported_at = (c->>'reported_at')::BIGINT
        WHERE id = (c->>'id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'invitation % does not exist', c->>'id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'add_block' THEN
      INSERT INTO blocks (blocker_id, blocked_id, created_at)
        VALUES ((c->>'blocker_id')::BIGINT, (c->>'blocked_id')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
    WHEN 'remove_block' THEN
      DELETE FROM blocks WHERE blocker_id = (c->>'blocker_id')::BIGINT AND blocked_id = (c->>'blocked_id')::BIGINT;
    WHEN 'add_refusal' THEN
      INSERT INTO refusals (member_id, at) VALUES ((c->>'member_id')::BIGINT, (c->>'at')::BIGINT);
    WHEN 'add_restriction' THEN
      INSERT INTO restrictions (member_id, reason, starts_at, ends_at)
        VALUES ((c->>'member_id')::BIGINT, c->>'reason', (c->>'starts_at')::BIGINT, (c->>'ends_at')::BIGINT);
    WHEN 'add_notification' THEN
      INSERT INTO notifications (id, recipient_id, kind, actor_id, ref_id, about, at, read)
        VALUES ((c->>'id')::BIGINT, (c->>'recipient_id')::BIGINT, c->>'kind', (c->>'actor_id')::BIGINT,
          (c->>'ref_id')::BIGINT, c->>'about', (c->>'at')::BIGINT, (c->>'read')::BOOLEAN);
    WHEN 'set_notification_mutes' THEN
      DELETE FROM notification_mutes WHERE member_id = (c->>'member_id')::BIGINT;
      INSERT INTO notification_mutes (member_id, kind)
        SELECT (c->>'member_id')::BIGINT, k FROM jsonb_array_elements_text(c->'kinds') AS k;
    WHEN 'add_dismissal' THEN
      INSERT INTO suggestion_dismissals (member_id, dismissed_id, created_at)
        VALUES ((c->>'member_id')::BIGINT, (c->>'dismissed_id')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
    WHEN 'mark_notifications_read' THEN
      UPDATE notifications SET read = TRUE
        WHERE recipient_id = (c->>'recipient_id')::BIGINT AND id <= (c->>'up_to')::BIGINT AND NOT read;
    -- A group of notifications marked read up to an id, one range of the schema 16 index
    -- (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
    WHEN 'mark_notification_group_read' THEN
      UPDATE notifications SET read = TRUE
        WHERE recipient_id = (c->>'recipient_id')::BIGINT AND kind = c->>'kind'
          AND ref_id = (c->>'ref_id')::BIGINT AND about = c->>'about'
          AND at >= (c->>'day')::BIGINT AND at < (c->>'day')::BIGINT + 86400000
          AND id >= (c->>'from_id')::BIGINT AND id <= (c->>'up_to')::BIGINT AND NOT read;
    -- Posts (schema 8): a post's counts move in the same transaction as the rows they count. A
    -- change to a post locks its row first, so that a deletion and a reaction or comment wait for
    -- each other, and a change to a post that is gone is a conflict.
    WHEN 'add_post' THEN
      INSERT INTO posts (id, author_id, text, visibility, created_at)
        VALUES ((c->>'id')::BIGINT, (c->>'author_id')::BIGINT, c->>'text', c->>'visibility',
          (c->>'created_at')::BIGINT);
    WHEN 'edit_post' THEN
      UPDATE posts SET text = c->>'text', edited_at = (c->>'at')::BIGINT WHERE id = (c->>'id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'post % is gone', c->>'id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'remove_post' THEN
      DELETE FROM posts WHERE id = (c->>'id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'post % is gone', c->>'id' USING ERRCODE = 'RP409';
      END IF;
      DELETE FROM reactions WHERE post_id = (c->>'id')::BIGINT;
      DELETE FROM comments WHERE post_id = (c->>'id')::BIGINT;
    WHEN 'set_reaction', 'remove_reaction' THEN
      PERFORM 1 FROM posts WHERE id = (c->>'post_id')::BIGINT FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'post % is gone', c->>'post_id' USING ERRCODE = 'RP409';
      END IF;
      SELECT kind INTO old_kind FROM reactions
        WHERE post_id = (c->>'post_id')::BIGINT AND member_id = (c->>'member_id')::BIGINT;
      IF c->>'k' = 'set_reaction' THEN
        new_kind := c->>'kind';
        INSERT INTO reactions (post_id, member_id, kind, at)
          VALUES ((c->>'post_id')::BIGINT, (c->>'member_id')::BIGINT, new_kind, (c->>'at')::BIGINT)
          ON CONFLICT (post_id, member_id) DO UPDATE SET kind = EXCLUDED.kind, at = EXCLUDED.at;
      ELSE
        IF old_kind IS NULL THEN
          RAISE EXCEPTION 'member % has no reaction to post %', c->>'member_id', c->>'post_id' USING ERRCODE = 'RP409';
        END IF;
        new_kind := NULL;
        DELETE FROM reactions WHERE post_id = (c->>'post_id')::BIGINT AND member_id = (c->>'member_id')::BIGINT;
      END IF;
      UPDATE posts SET
          like_count = like_count + (CASE WHEN new_kind = 'LIKE' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'LIKE' THEN 1 ELSE 0 END),
          celebrate_count = celebrate_count + (CASE WHEN new_kind = 'CELEBRATE' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'CELEBRATE' THEN 1 ELSE 0 END),
          support_count = support_count + (CASE WHEN new_kind = 'SUPPORT' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'SUPPORT' THEN 1 ELSE 0 END),
          love_count = love_count + (CASE WHEN new_kind = 'LOVE' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'LOVE' THEN 1 ELSE 0 END),
          insightful_count = insightful_count + (CASE WHEN new_kind = 'INSIGHTFUL' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'INSIGHTFUL' THEN 1 ELSE 0 END),
          funny_count = funny_count + (CASE WHEN new_kind = 'FUNNY' THEN 1 ELSE 0 END)
            - (CASE WHEN old_kind = 'FUNNY' THEN 1 ELSE 0 END)
        WHERE id = (c->>'post_id')::BIGINT;
    WHEN 'add_comment' THEN
      UPDATE posts SET comment_count = comment_count + 1 WHERE id = (c->>'post_id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'post % is gone', c->>'post_id' USING ERRCODE = 'RP409';
      END IF;
      INSERT INTO comments (id, post_id, author_id, text, created_at)
        VALUES ((c->>'id')::BIGINT, (c->>'post_id')::BIGINT, (c->>'author_id')::BIGINT, c->>'text',
          (c->>'at')::BIGINT);
    WHEN 'remove_comment' THEN
      PERFORM 1 FROM posts WHERE id = (c->>'post_id')::BIGINT FOR UPDATE;
      DELETE FROM comments WHERE id = (c->>'id')::BIGINT AND post_id = (c->>'post_id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'comment % is gone', c->>'id' USING ERRCODE = 'RP409';
      END IF;
      UPDATE posts SET comment_count = comment_count - 1 WHERE id = (c->>'post_id')::BIGINT;
    -- Schema 9: skills, endorsements, recommendations and page admins (E1, E2, CP1).
    WHEN 'set_skills' THEN
      DELETE FROM endorsements WHERE member_id = (c->>'member_id')::BIGINT
        AND skill_key IN (SELECT jsonb_array_elements_text(c->'removed'));
      DELETE FROM skills WHERE member_id = (c->>'member_id')::BIGINT
        AND skill_key IN (SELECT jsonb_array_elements_text(c->'removed'));
      INSERT INTO skills (member_id, skill_key, name, position)
        SELECT (c->>'member_id')::BIGINT, k.key, n.name, (n.ord - 1)::INTEGER
          FROM jsonb_array_elements_text(c->'names') WITH ORDINALITY AS n(name, ord)
          JOIN jsonb_array_elements_text(c->'keys') WITH ORDINALITY AS k(key, ord) ON k.ord = n.ord
        ON CONFLICT (member_id, skill_key) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position;
    WHEN 'add_endorsement' THEN
      INSERT INTO endorsements (member_id, skill_key, endorser_id, created_at)
        VALUES ((c->>'member_id')::BIGINT, c->>'skill_key', (c->>'endorser_id')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
    WHEN 'remove_endorsement' THEN
      DELETE FROM endorsements WHERE member_id = (c->>'member_id')::BIGINT AND skill_key = c->>'skill_key'
        AND endorser_id = (c->>'endorser_id')::BIGINT;
    WHEN 'add_recommendation' THEN
      INSERT INTO recommendations (id, writer_id, recipient_id, text, relationship, state, created_at, shown_at)
        VALUES ((c->>'id')::BIGINT, (c->>'writer_id')::BIGINT, (c->>'recipient_id')::BIGINT, c->>'text',
          c->>'relationship', c->>'state', (c->>'created_at')::BIGINT, (c->>'shown_at')::BIGINT);
    WHEN 'update_recommendation' THEN
      UPDATE recommendations SET state = c->>'state', shown_at = (c->>'shown_at')::BIGINT
        WHERE id = (c->>'id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'recommendation % does not exist', c->>'id' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'remove_recommendation' THEN
      DELETE FROM recommendations WHERE id = (c->>'id')::BIGINT;
    WHEN 'remove_given' THEN
      DELETE FROM endorsements
        WHERE (member_id = (c->>'a')::BIGINT AND endorser_id = (c->>'b')::BIGINT)
           OR (member_id = (c->>'b')::BIGINT AND endorser_id = (c->>'a')::BIGINT);
      DELETE FROM recommendations
        WHERE (writer_id = (c->>'a')::BIGINT AND recipient_id = (c->>'b')::BIGINT)
           OR (writer_id = (c->>'b')::BIGINT AND recipient_id = (c->>'a')::BIGINT);
    WHEN 'add_page_admin' THEN
      INSERT INTO page_admins (page_id, member_id, created_at)
        VALUES ((c->>'page_id')::BIGINT, (c->>'member_id')::BIGINT, (c->>'at')::BIGINT)
        ON CONFLICT DO NOTHING;
    WHEN 'remove_page_admin' THEN
      DELETE FROM page_admins WHERE page_id = (c->>'page_id')::BIGINT AND member_id = (c->>'member_id')::BIGINT;
    -- Schema 11: conversations, messages and InMail credits (MS1-MS4). A conversation's state moves
    -- only from the state its command read, so that a request is answered and a credit refunded once.
    WHEN 'add_conversation' THEN
      INSERT INTO conversations (id, low_id, high_id, state, requester_id, requested_at, refundable, created_at)
        VALUES ((c->>'id')::BIGINT, (c->>'low_id')::BIGINT, (c->>'high_id')::BIGINT, c->>'state',
          (c->>'requester_id')::BIGINT, (c->>'requested_at')::BIGINT, (c->>'refundable')::BOOLEAN,
          (c->>'created_at')::BIGINT);
      INSERT INTO conversation_sides (member_id, conversation_id, other_id, last_message_id)
        VALUES ((c->>'low_id')::BIGINT, (c->>'id')::BIGINT, (c->>'high_id')::BIGINT, 0),
               ((c->>'high_id')::BIGINT, (c->>'id')::BIGINT, (c->>'low_id')::BIGINT, 0);
    WHEN 'update_conversation' THEN
      UPDATE conversations SET state = c->>'state', requester_id = (c->>'requester_id')::BIGINT,
          requested_at = (c->>'requested_at')::BIGINT, refundable = (c->>'refundable')::BOOLEAN
        WHERE id = (c->>'id')::BIGINT AND state = c->>'was_state'
          AND requester_id = (c->>'was_requester_id')::BIGINT AND refundable = (c->>'was_refundable')::BOOLEAN;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'conversation % is no longer %', c->>'id', c->>'was_state' USING ERRCODE = 'RP409';
      END IF;
    WHEN 'add_message' THEN
      INSERT INTO messages (id, conversation_id, sender_id, text, sent_at)
        VALUES ((c->>'id')::BIGINT, (c->>'conversation_id')::BIGINT, (c->>'sender_id')::BIGINT, c->>'text',
          (c->>'at')::BIGINT);
      UPDATE conversation_sides SET last_message_id = greatest(last_message_id, (c->>'id')::BIGINT),
          read_up_to = greatest(read_up_to, (c->>'id')::BIGINT), unread = 0
        WHERE member_id = (c->>'sender_id')::BIGINT AND conversation_id = (c->>'conversation_id')::BIGINT;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'conversation % has no side of member %', c->>'conversation_id', c->>'sender_id'
          USING ERRCODE = 'RP409';
      END IF;
      UPDATE conversation_sides SET last_message_id = greatest(last_message_id, (c->>'id')::BIGINT),
          unread = unread + 1
        WHERE member_id = (c->>'recipient_id')::BIGINT AND conversation_id = (c->>'conversation_id')::BIGINT;
    WHEN 'mark_conversation_read' THEN
      UPDATE conversation_sides SET read_up_to = (c->>'up_to')::BIGINT,
          unread = (SELECT count(*) FROM messages m WHERE m.conversation_id = (c->>'conversation_id')::BIGINT
            AND m.sender_id <> (c->>'member_id')::BIGINT AND m.id > (c->>'up_to')::BIGINT)
        WHERE member_id = (c->>'member_id')::BIGINT AND conversation_id = (c->>'conversation_id')::BIGINT
          AND read_up_to < (c->>'up_to')::BIGINT;
    WHEN 'set_inmail_credits' THEN
      INSERT INTO inmail_credits (member_id, balance, month)
        VALUES ((c->>'member_id')::BIGINT, (c->>'balance')::INTEGER, (c->>'month')::INTEGER)
        ON CONFLICT (member_id) DO UPDATE SET balance = EXCLUDED.balance, month = EXCLUDED.month;
    END CASE;
  END LOOP;
  RETURN last_seq;
END
$$;
