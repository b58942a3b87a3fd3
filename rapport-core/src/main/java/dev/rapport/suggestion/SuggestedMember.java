package dev.rapport.suggestion;

import dev.rapport.model.Member;

/** A member suggested to the viewer (N4), with how many connections they share. */
public record SuggestedMember(Member member, int mutualCount) {}
