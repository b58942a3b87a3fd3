package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member or company page as stored (M1).
 *
 * @param id dense internal id, never shown to callers (they address members by handle)
 * @param connectionCount maintained by the store with every connection change (L1)
 * @param version bumped by every committed change that involves this member; the optimistic
 *     precondition of every command (see {@link dev.rapport.store.Store#commit})
 */
public record Member(
    long id,
    Handle handle,
    MemberKind kind,
    String name,
    String headline,
    Optional<String> email,
    String tier,
    Instant createdAt,
    Settings settings,
    int connectionCount,
    long version) {

  public Member {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    headline = headline == null ? "" : headline;
    email = email == null ? Optional.empty() : email;
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(settings, "settings");
  }

  public boolean isCompany() {
    return kind == MemberKind.COMPANY;
  }

  public Member withProfile(String newName, String newHeadline, Settings newSettings) {
    return new Member(id, handle, kind, newName, newHeadline, email, tier, createdAt, newSettings,
        connectionCount, version);
  }
}
