package dev.rapport.feed;

import dev.rapport.content.PostView;
import dev.rapport.model.Member;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A post in a viewer's feed (P3) and why it is there.
 *
 * @param by the connection who reacted or commented last, for the two engagement reasons
 * @param score the post's {@code top} score; empty in {@code recent}
 */
public record FeedItem(PostView post, FeedReason.Kind reason, Optional<Member> by, OptionalDouble score) {}
