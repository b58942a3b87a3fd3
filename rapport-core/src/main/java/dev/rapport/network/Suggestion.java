package dev.rapport.network;

/**
 * A member suggested to a viewer (N4), with how many connections they share. Suggestions rank by
 * {@code mutualCount}, most first, then by {@code member}, ascending; a page continues after the
 * last suggestion of the one before.
 *
 * @param member the suggested member's id
 * @param mutualCount how many connections the viewer and the member share (at least 1)
 */
public record Suggestion(long member, int mutualCount) {}
