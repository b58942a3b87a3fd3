package dev.rapport.content;

import dev.rapport.model.Member;
import dev.rapport.model.Post;
import dev.rapport.model.ReactionKind;
import java.util.Optional;

/**
 * A post as its viewer sees it: its counts leave out members a block hides from the viewer (B2),
 * with the viewer's own reaction and whether they may edit and delete it ({@code mine}).
 */
public record PostView(Post post, Member author, Optional<ReactionKind> myReaction, boolean mine) {}
