package dev.rapport.content;

import dev.rapport.model.Comment;
import dev.rapport.model.Member;

/**
 * A comment as its viewer sees it; {@code mine}: the viewer may delete it (its writer, the post's
 * author, or on a page's post the page's admins).
 */
public record CommentView(Comment comment, Member author, boolean mine) {}
