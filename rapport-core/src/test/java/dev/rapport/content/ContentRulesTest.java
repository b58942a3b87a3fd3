package dev.rapport.content;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.company;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.model.Comment;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The content rules decided on literal state: P2, P4, B2. */
class ContentRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Post open = new Post(100, ada.id(), "Hello", PostVisibility.ANYONE, NOW, Optional.empty(), null);
  final Post closed = new Post(101, ada.id(), "Friends only", PostVisibility.CONNECTIONS, NOW, Optional.empty(), null);

  @Test
  void P2_aPost_isOneWrite_ofCleanedText() {
    Effects effects = effects();
    Post post = result(Posts.create(ada, "  Shipped\nit  ", PostVisibility.CONNECTIONS, effects));
    assertThat(post.text()).isEqualTo("Shipped\nit");
    assertThat(changes(effects)).containsExactly(new Change.AddPost(post));
  }

  @Test
  void P2_text_isOneTo3000Characters_withoutControlCharacters() {
    assertThat(result(Posts.create(ada, "p".repeat(3_000), PostVisibility.ANYONE, effects())).text()).hasSize(3_000);
    refused(InvalidInputException.class, "post-too-long",
        () -> Posts.create(ada, "p".repeat(3_001), PostVisibility.ANYONE, effects()));
    refused(InvalidInputException.class, "invalid-text", () -> Posts.create(ada, " \n ", PostVisibility.ANYONE, effects()));
    refused(InvalidInputException.class, "invalid-text",
        () -> Posts.create(ada, "bell\u0007", PostVisibility.ANYONE, effects()));
  }

  @Test
  void P2_connectionsPost_isHiddenFromNonConnections_andABlockHidesEverything() {
    assertThat(ContentVisibility.sees(pair(bob, ada).build(), open)).isTrue();
    assertThat(ContentVisibility.sees(pair(bob, ada).build(), closed)).isFalse();
    assertThat(ContentVisibility.sees(pair(bob, ada).connected().build(), closed)).isTrue();
    assertThat(ContentVisibility.sees(pair(ada, ada).build(), closed)).isTrue();
    assertThat(ContentVisibility.sees(pair(bob, ada).connected().otherBlocked().build(), open)).isFalse();
    assertThat(ContentVisibility.sees(pair(bob, ada).actorBlocked().build(), open)).isFalse();
  }

  @Test
  void P2_onlyTheAuthor_edits_andOthersWhoCannotSeeItAreToldItDoesNotExist() {
    Effects effects = effects();
    Post edited = result(Posts.edit(pair(ada, ada).build(), false, open, "Hello again", effects));
    assertThat(edited.editedAt()).contains(NOW);
    assertThat(changes(effects)).containsExactly(new Change.EditPost(open.id(), "Hello again", NOW));
    refused(ForbiddenException.class, "not-post-author", () -> Posts.edit(pair(bob, ada).build(), false, open, "x", effects()));
    refused(NotFoundException.class, "post-not-found", () -> Posts.delete(pair(bob, ada).build(), false, closed, effects()));
  }

  @Test
  void P4_oneReactionPerMember_changeable_andTheSameAgainChangesNothing() {
    Effects first = effects();
    assertThat(result(Reactions.react(pair(bob, ada).build(), open, Optional.empty(), ReactionKind.LIKE, first))).isTrue();
    assertThat(changes(first)).first()
        .isEqualTo(new Change.SetReaction(new Reaction(open.id(), bob.id(), ReactionKind.LIKE, NOW)));
    assertThat(changes(first)).last().isInstanceOfSatisfying(Change.AddNotification.class, n -> {
      assertThat(n.notification().recipientId()).as("NT1: the author is told").isEqualTo(ada.id());
      assertThat(n.notification().kind()).isEqualTo(NotificationKind.REACTED);
    });
    Effects changed = effects();
    Reactions.react(pair(bob, ada).build(), open, Optional.of(ReactionKind.LIKE), ReactionKind.LOVE, changed);
    assertThat(changes(changed)).as("a changed reaction does not notify again").hasSize(1);
    Effects same = effects();
    assertThat(result(Reactions.react(pair(bob, ada).build(), open, Optional.of(ReactionKind.LIKE), ReactionKind.LIKE,
        same))).isFalse();
    assertThat(same.isEmpty()).isTrue();
    assertThat(result(Reactions.unreact(pair(bob, ada).build(), open, Optional.empty(), effects()))).isFalse();
    refused(NotFoundException.class, "post-not-found",
        () -> Reactions.react(pair(bob, ada).build(), closed, Optional.empty(), ReactionKind.LOVE, effects()));
  }

  @Test
  void P4_comments_deletedByTheirWriterOrThePostsAuthor_only() {
    Member cyd = member("cyd");
    Comment byBob = new Comment(7, open.id(), bob.id(), "Nice", NOW);
    assertThat(result(Comments.delete(pair(bob, ada).build(), false, open, Optional.of(byBob), effects()))).isTrue();
    Effects byAuthor = effects();
    assertThat(result(Comments.delete(pair(ada, ada).build(), false, open, Optional.of(byBob), byAuthor))).isTrue();
    assertThat(changes(byAuthor)).containsExactly(new Change.RemoveComment(open.id(), 7));
    refused(ForbiddenException.class, "not-comment-writer",
        () -> Comments.delete(pair(cyd, ada).build(), false, open, Optional.of(byBob), effects()));
    Post another = new Post(102, ada.id(), "Another", PostVisibility.ANYONE, NOW, Optional.empty(), null);
    refused(NotFoundException.class, "comment-not-found",
        () -> Comments.delete(pair(bob, ada).build(), false, another, Optional.of(byBob), effects()));
    refused(InvalidInputException.class, "comment-too-long",
        () -> Comments.add(pair(bob, ada).build(), open, "c".repeat(1_251), effects()));
  }

  @Test
  void CP1_anAdminPostsAsThePage_onThePagesVersion_andOthersAreRefused() {
    Member acme = company("acme");
    Effects effects = effects();
    Post post = result(Posts.createAsPage(pair(ada, acme).build(), true, "We are hiring", PostVisibility.ANYONE,
        effects));
    assertThat(post.authorId()).isEqualTo(acme.id());
    assertThat(effects.toCommit().expectedVersions()).containsOnlyKeys(ada.id(), acme.id());
    refused(ForbiddenException.class, "not-page-admin",
        () -> Posts.createAsPage(pair(bob, acme).build(), false, "x", PostVisibility.ANYONE, effects()));
    refused(NotFoundException.class, "member-not-found",
        () -> Posts.createAsPage(pair(ada, bob).build(), true, "x", PostVisibility.ANYONE, effects()));
    refused(NotFoundException.class, "member-not-found",
        () -> Posts.createAsPage(pair(ada, acme).otherBlocked().build(), true, "x", PostVisibility.ANYONE, effects()));
  }

  @Test
  void P2_aPagesAdmins_editAndDeleteItsPosts_onThePagesVersion() {
    Member acme = company("acme");
    Post byPage = new Post(102, acme.id(), "News", PostVisibility.ANYONE, NOW, Optional.empty(), null);
    Effects effects = effects();
    assertThat(result(Posts.edit(pair(ada, acme).build(), true, byPage, "More news", effects)).text())
        .isEqualTo("More news");
    assertThat(effects.toCommit().expectedVersions()).containsOnlyKeys(ada.id(), acme.id());
    assertThat(result(Posts.delete(pair(ada, acme).build(), true, byPage, effects()))).isTrue();
    refused(ForbiddenException.class, "not-post-author",
        () -> Posts.delete(pair(bob, acme).build(), false, byPage, effects()));
    Comment byBob = new Comment(12, byPage.id(), bob.id(), "Nice", NOW);
    assertThat(Comments.mayDelete(ada.id(), byPage, byBob, true)).isTrue();
    assertThat(Comments.mayDelete(ada.id(), byPage, byBob, false)).isFalse();
    assertThat(result(Comments.delete(pair(ada, acme).build(), true, byPage, Optional.of(byBob), effects()))).isTrue();
  }
}
