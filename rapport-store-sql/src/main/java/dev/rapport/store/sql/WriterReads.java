package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.PairState;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.problem.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SQLite writer's reads: {@link SqlReads} on the writer's own connection, with the members it
 * read lately kept in memory. Writer thread only.
 *
 * <p>Every command reads its two members, and reading them is most of the cost of a pair (measured:
 * 22 us for the pair with its members against 7 us without). The writer may keep them because
 * nothing else changes a member: every write to the members table is a commit the writer applies
 * itself, and it tells this memory of each one ({@link #applied}, {@link #connectionsMoved}). Version
 * bumps and connection counts are done to the kept members the way the SQL does them; a profile
 * change drops the member, to be read again when next needed. Whenever the writer rolls its
 * transaction back, the memory no longer matches the database and is dropped ({@link #forget}).
 */
final class WriterReads extends SqlReads {
  /** About 300 bytes a member: a few megabytes, for the members active at any moment. */
  private static final int MEMBERS_KEPT = 20_000;

  private final Map<Long, Member> byId = lru();
  /** Handles never change and members are never deleted, so a handle keeps its id. */
  private final Map<Handle, Long> idsByHandle = lru();

  WriterReads(Session session) {
    super(Dialect.SQLITE, new SessionReaders(session));
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > MEMBERS_KEPT;
      }
    };
  }

  @Override
  public Optional<Member> member(long id) {
    Member kept = byId.get(id);
    return kept != null ? Optional.of(kept) : super.member(id).map(this::keep);
  }

  @Override
  public Optional<Member> member(Handle handle) {
    Long id = idsByHandle.get(handle);
    Member kept = id == null ? null : byId.get(id);
    return kept != null ? Optional.of(kept) : super.member(handle).map(this::keep);
  }

  @Override
  public PairState pair(long actorId, long otherId) {
    return pairOf(existing(actorId), existing(otherId));
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    Member actor = existing(actorId);
    return member(other).map(o -> pairOf(actor, o));
  }

  private Member existing(long id) {
    return member(id).orElseThrow(() -> new NotFoundException("member-not-found", "no member with id " + id));
  }

  private Member keep(Member member) {
    byId.put(member.id(), member);
    idsByHandle.put(member.handle(), member.id());
    return member;
  }

  /**
   * Brings the kept members up to a commit the writer has just applied in its open transaction,
   * after {@link #connectionsMoved} heard of its connection changes.
   */
  void applied(Commit commit) {
    commit.expectedVersions().forEach((id, version) -> {
      Member m = byId.get(id);
      if (m != null && m.version() == version) {
        byId.put(id, copy(m, m.connectionCount(), version + 1));
      } else {
        byId.remove(id);
      }
    });
    for (Change change : commit.changes()) {
      if (change instanceof Change.UpdateMember(Member m)) {
        byId.remove(m.id());
      }
    }
  }

  /** Follows the members table as the writer adds or removes connections. */
  void connectionsMoved(long memberId, int by) {
    Member m = byId.get(memberId);
    if (m != null) {
      byId.put(memberId, copy(m, m.connectionCount() + by, m.version()));
    }
  }

  private static Member copy(Member m, int connectionCount, long version) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), m.email(), m.tier(), m.createdAt(),
        m.settings(), connectionCount, version);
  }

  /** Drops every kept member and handle: the transaction that they may come from was rolled back. */
  void forget() {
    byId.clear();
    idsByHandle.clear();
  }
}
