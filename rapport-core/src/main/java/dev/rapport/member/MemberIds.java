package dev.rapport.member;

import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Member ids by handle, remembered. A handle never changes (M1) and a member is never deleted, so a
 * remembered id never goes stale; only handles not (yet) taken are asked of the store each time.
 * A degree batch names up to 1,000 members: resolving them in memory is what makes it fast.
 *
 * <p>At most {@code capacity} handles are kept; past that the memory starts over, which costs
 * lookups, never correctness. Thread safe.
 */
public final class MemberIds {
  private final int capacity;
  /** By the handle's text: a string's hash is computed once and its equality is an intrinsic. */
  private final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();

  public MemberIds(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The id of each handle, in order, or -1 for a handle no member has.
   *
   * @param lookup asked once for the handles not remembered; answers the members that exist
   */
  public long[] idsOf(List<Handle> handles, Function<Collection<Handle>, Map<Handle, Member>> lookup) {
    long[] found = new long[handles.size()];
    List<Handle> unknown = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      Long id = ids.get(handles.get(i).value());
      if (id == null) {
        unknown.add(handles.get(i));
        found[i] = -1;
      } else {
        found[i] = id;
      }
    }
    if (unknown.isEmpty()) {
      return found;
    }
    Map<Handle, Member> looked = lookup.apply(unknown);
    if (ids.size() + looked.size() > capacity) {
      ids.clear();
    }
    looked.forEach((handle, member) -> ids.put(handle.value(), member.id()));
    for (int i = 0; i < found.length; i++) {
      Member member = found[i] < 0 ? looked.get(handles.get(i)) : null;
      if (member != null) {
        found[i] = member.id();
      }
    }
    return found;
  }
}
