package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.ContentCommands;
import dev.rapport.Rapport;
import dev.rapport.content.CommentView;
import dev.rapport.content.PostView;
import dev.rapport.content.ReactionView;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Handle;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.NotFoundException;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Posts, reactions, comments and the feed (P2-P4): a member posts as themself, a page's admins as
 * the page (CP1), a page never with its own token; whoever may not see
 * a post gets 404 {@code post-not-found} on every route about it (B2, never 403).
 */
final class PostRoutes implements RouteGroup {
  private static final Map<String, PostVisibility> VISIBILITIES = Representations.wireNames(PostVisibility.class);
  private static final Map<String, ReactionKind> KINDS = Representations.wireNames(ReactionKind.class);
  private static final Map<String, FeedOrder> ORDERS = Representations.wireNames(FeedOrder.class);
  /** P3: a feed's page, as LinkedIn's: 20 posts unless asked otherwise, 100 at most. */
  static final int FEED_PAGE = 20;
  static final int FEED_PAGE_MAX = 100;

  private final ContentCommands content;

  PostRoutes(Rapport rapport) {
    this.content = rapport.content();
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/posts", Route.Access.MEMBER, Set.of("text", "visibility"), this::create),
        Route.withBody(Method.POST, "/v1/companies/{h}/posts", Route.Access.MEMBER, Set.of("text", "visibility"),
            this::createAsPage),
        Route.of(Method.GET, "/v1/posts/{id}", Route.Access.MEMBER, this::read),
        Route.withBody(Method.PATCH, "/v1/posts/{id}", Route.Access.MEMBER, Set.of("text"), this::edit),
        Route.of(Method.DELETE, "/v1/posts/{id}", Route.Access.MEMBER, this::delete),
        Route.of(Method.GET, "/v1/members/{h}/posts", Route.Access.MEMBER, this::postsOf).paged(),
        Route.withBody(Method.PUT, "/v1/posts/{id}/reactions/me", Route.Access.MEMBER, Set.of("kind"), this::react),
        Route.of(Method.DELETE, "/v1/posts/{id}/reactions/me", Route.Access.MEMBER, this::unreact),
        Route.of(Method.GET, "/v1/posts/{id}/reactions", Route.Access.MEMBER, this::reactions).paged("kind"),
        Route.withBody(Method.POST, "/v1/posts/{id}/comments", Route.Access.MEMBER, Set.of("text"), this::comment),
        Route.of(Method.GET, "/v1/posts/{id}/comments", Route.Access.MEMBER, this::comments).paged(),
        Route.of(Method.DELETE, "/v1/posts/{id}/comments/{commentId}", Route.Access.MEMBER, this::deleteComment),
        Route.of(Method.GET, "/v1/me/feed", Route.Access.MEMBER, this::feed).paged("order"));
  }

  private Reply create(Call call) {
    if (call.me().isCompany()) {
      // A page has no sign-in of its own, as on LinkedIn: its admins post as it (docs/decisions/0028-a-page-posts-through-its-admins.md).
      String page = call.me().handle().value();
      throw new ForbiddenException("page-posts-through-admins",
          "'%s' is a company page: its admins post as it through POST /v1/companies/%s/posts".formatted(page, page));
    }
    String text = call.body().requiredString("text");
    PostVisibility visibility = call.body().choice("visibility", VISIBILITIES).orElse(PostVisibility.ANYONE);
    PostView post = content.post(call.me().id(), text, visibility);
    return Reply.created(post(post), "/v1/posts/" + post.post().id());
  }

  private Reply createAsPage(Call call) {
    Handle page = call.handle("h");
    String text = call.body().requiredString("text");
    PostVisibility visibility = call.body().choice("visibility", VISIBILITIES).orElse(PostVisibility.ANYONE);
    PostView post = content.postAsPage(call.me().id(), page, text, visibility);
    return Reply.created(post(post), "/v1/posts/" + post.post().id());
  }

  private Reply read(Call call) {
    return Reply.ok(post(content.post(call.me().id(), id(call, "id", "post-not-found"))));
  }

  private Reply edit(Call call) {
    String text = call.body().requiredString("text");
    return Reply.ok(post(content.edit(call.me().id(), id(call, "id", "post-not-found"), text)));
  }

  private Reply delete(Call call) {
    content.delete(call.me().id(), id(call, "id", "post-not-found"));
    return Reply.noContent();
  }

  private Reply postsOf(Call call) {
    return Reply.ok(Representations.page(content.postsOf(call.me().id(), call.handle("h"), call.page()),
        PostRoutes::post));
  }

  private Reply react(Call call) {
    String name = call.body().requiredString("kind");
    ReactionKind kind = KINDS.get(name);
    if (kind == null) {
      throw ProblemException.field("invalid-reaction", "kind", "'%s' is not a reaction; the reactions are %s"
          .formatted(name.length() <= 60 ? name : name.substring(0, 60) + "...", String.join(", ", KINDS.keySet())));
    }
    return Reply.ok(post(content.react(call.me().id(), id(call, "id", "post-not-found"), kind)));
  }

  private Reply unreact(Call call) {
    return Reply.ok(post(content.unreact(call.me().id(), id(call, "id", "post-not-found"))));
  }

  private Reply reactions(Call call) {
    long postId = id(call, "id", "post-not-found");
    return Reply.ok(Representations.page(content.reactions(call.me().id(), postId, call.queryChoice("kind", KINDS),
        call.page()), PostRoutes::reaction));
  }

  private Reply comment(Call call) {
    String text = call.body().requiredString("text");
    CommentView comment = content.comment(call.me().id(), id(call, "id", "post-not-found"), text);
    return Reply.created(comment(comment),
        "/v1/posts/" + comment.comment().postId() + "/comments/" + comment.comment().id());
  }

  private Reply comments(Call call) {
    return Reply.ok(Representations.page(content.comments(call.me().id(), id(call, "id", "post-not-found"),
        call.page()), PostRoutes::comment));
  }

  private Reply deleteComment(Call call) {
    long postId = id(call, "id", "post-not-found");
    content.deleteComment(call.me().id(), postId, id(call, "commentId", "comment-not-found"));
    return Reply.noContent();
  }

  private Reply feed(Call call) {
    FeedOrder order = call.queryChoice("order", ORDERS).orElse(FeedOrder.RECENT);
    return Reply.ok(Representations.page(content.feed(call.me().id(), order, call.page(FEED_PAGE, FEED_PAGE_MAX)),
        PostRoutes::feedItem));
  }

  /** A post or comment id in the path; one that cannot be an id names nothing. */
  private static long id(Call call, String name, String notFound) {
    String value = call.pathParameter(name);
    if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotFoundException(notFound, "no %s '%s'".formatted(notFound.replace("-not-found", ""), value));
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new NotFoundException(notFound, "no %s '%s'".formatted(notFound.replace("-not-found", ""), value));
    }
  }

  static ObjectNode post(PostView view) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(view.post().id()));
    ObjectNode author = Representations.memberItem(view.author());
    author.put("kind", Representations.wire(view.author().kind()));
    node.set("author", author);
    node.put("text", view.post().text());
    node.put("visibility", Representations.wire(view.post().visibility()));
    node.put("createdAt", Representations.time(view.post().createdAt()));
    if (view.post().editedAt().isPresent()) {
      node.put("editedAt", Representations.time(view.post().editedAt().get()));
    } else {
      node.putNull("editedAt");
    }
    EngagementCounts counts = view.post().counts();
    ObjectNode countsNode = node.putObject("counts");
    ObjectNode reactions = countsNode.putObject("reactions");
    for (ReactionKind kind : ReactionKind.values()) {
      reactions.put(Representations.wire(kind), counts.of(kind));
    }
    countsNode.put("reactionTotal", counts.reactionTotal());
    countsNode.put("comments", counts.comments());
    if (view.myReaction().isPresent()) {
      node.put("myReaction", Representations.wire(view.myReaction().get()));
    } else {
      node.putNull("myReaction");
    }
    node.put("mine", view.mine());
    return node;
  }

  private static ObjectNode comment(CommentView view) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(view.comment().id()));
    node.put("postId", Long.toString(view.comment().postId()));
    node.set("author", Representations.memberItem(view.author()));
    node.put("text", view.comment().text());
    node.put("createdAt", Representations.time(view.comment().createdAt()));
    node.put("mine", view.mine());
    return node;
  }

  private static ObjectNode reaction(ReactionView view) {
    ObjectNode node = Json.object();
    node.set("member", Representations.memberItem(view.member()));
    node.put("kind", Representations.wire(view.kind()));
    node.put("at", Representations.time(view.at()));
    return node;
  }

  private static ObjectNode feedItem(FeedItem item) {
    ObjectNode node = Json.object();
    node.set("post", post(item.post()));
    ObjectNode reason = node.putObject("reason");
    reason.put("kind", Representations.wire(item.reason()));
    if (item.by().isPresent()) {
      reason.set("by", Representations.memberItem(item.by().get()));
    } else {
      reason.putNull("by");
    }
    if (item.score().isPresent()) {
      node.put("score", item.score().getAsDouble());
    } else {
      node.putNull("score");
    }
    return node;
  }
}
