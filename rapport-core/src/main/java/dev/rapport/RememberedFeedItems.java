package dev.rapport;

import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedItem;
import dev.rapport.readcache.ChangesSince;
import dev.rapport.readcache.MemberEvents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The items last made for a viewer's remembered first page of {@code recent}, kept with it: a read
 * keeps each item whose post and author no event named since it was made, nor the viewer or a member
 * they block, and makes only the others, such as a followed member's new post
 * (docs/decisions/0043-a-remembered-page-keeps-its-items.md). Shared by the pages made again from the
 * one it was made with; thread safe.
 */
final class RememberedFeedItems {
  /** Makes the items of the ranked posts that still exist, as the viewer sees them, in order. */
  @FunctionalInterface
  interface Maker {
    List<FeedItem> make(List<FeedIndex.Ranked> ranked);
  }

  /**
   * Items made as of a log position, with their posts' ids in the same order, and the ids they depend
   * on (ascending): the viewer, whom they block, the posts and their authors. Arrays rather than maps:
   * a page holds twenty, and post ids, made of time, crowd a hash table's buckets.
   */
  private record Made(long position, long[] dependsOn, long[] postIds, FeedItem[] items) {
    FeedItem item(long postId) {
      for (int i = 0; i < postIds.length; i++) {
        if (postIds[i] == postId) {
          return items[i];
        }
      }
      return null;
    }
  }

  private volatile Made made;

  /** The items of {@code ranked}, the page's posts in order, as {@code make} would make them all. */
  List<FeedItem> items(long viewerId, long[] blocked, List<FeedIndex.Ranked> ranked, ChangesSince changes,
      Maker make) {
    long position = changes.position();
    Made before = made;
    long[] changed = before == null ? null : changes.changedAmong(before.position(), before.dependsOn(),
        MemberEvents.ALL);
    // What the viewer and whom they block do can change every item: their reactions, the counts B2 hides.
    boolean keepNone = before == null || has(changed, viewerId) || anyOf(blocked, changed);
    long[] postIds = new long[ranked.size()];
    FeedItem[] items = new FeedItem[ranked.size()];
    List<FeedIndex.Ranked> missing = new ArrayList<>();
    for (int i = 0; i < postIds.length; i++) {
      FeedIndex.Ranked r = ranked.get(i);
      FeedIndex.Entry entry = r.entry();
      postIds[i] = entry.postId();
      FeedItem kept = keepNone ? null : before.item(entry.postId());
      if (kept != null && kept.reason() == r.reason().kind() && !has(changed, entry.postId())
          && !has(changed, entry.authorId())) {
        items[i] = kept;
      } else {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      for (FeedItem item : make.make(missing)) {
        long id = item.post().post().id();
        for (int i = 0; i < postIds.length; i++) {
          if (postIds[i] == id) {
            items[i] = item;
          }
        }
      }
    }
    List<FeedItem> page = new ArrayList<>(items.length);
    for (FeedItem item : items) {
      if (item != null) {
        page.add(item);
      }
    }
    if (!missing.isEmpty() || changed == null || changed.length > 0) {
      made = new Made(position, dependsOn(viewerId, blocked, ranked), postIds, items);
    } else if (position > before.position()) {
      // Nothing changed: checked as of now, the next read looks at fewer events.
      made = new Made(position, before.dependsOn(), before.postIds(), before.items());
    }
    return page;
  }

  private static boolean has(long[] ascending, long id) {
    return ascending != null && ascending.length > 0 && Arrays.binarySearch(ascending, id) >= 0;
  }

  private static boolean anyOf(long[] ids, long[] ascending) {
    for (long id : ids) {
      if (has(ascending, id)) {
        return true;
      }
    }
    return false;
  }

  private static long[] dependsOn(long viewerId, long[] blocked, List<FeedIndex.Ranked> ranked) {
    long[] ids = new long[1 + blocked.length + 2 * ranked.size()];
    ids[0] = viewerId;
    System.arraycopy(blocked, 0, ids, 1, blocked.length);
    int n = 1 + blocked.length;
    for (FeedIndex.Ranked r : ranked) {
      ids[n++] = r.entry().postId();
      ids[n++] = r.entry().authorId();
    }
    Arrays.sort(ids);
    int distinct = 0;
    for (int i = 0; i < ids.length; i++) {
      if (i == 0 || ids[i] != ids[i - 1]) {
        ids[distinct++] = ids[i];
      }
    }
    return Arrays.copyOf(ids, distinct);
  }
}
