// The feed, the home page after signing in as on LinkedIn (P3): the composer, the two orders (recent
// and top, kept in the address), and each post with the line that says why it is there.
import { h, heading } from './dom.js';
import { composer, pagedPosts } from './posts.js';
import { postCard } from './post.js';

const ORDERS = [['recent', 'Recent'], ['top', 'Top']];

const profileLink = (member) => h('a', { href: member.kind === 'company' ? `/company/${member.handle}` : `/in/${member.handle}` },
  member.name ?? member.handle);

/** "Ada Lovelace commented on this", "You follow Acme", ...: the reason an item is in the feed. */
function reasonLine(item) {
  const { kind, by } = item.reason;
  const author = item.post.author;
  const text = {
    own: () => ['Your post'],
    following: () => ['You follow ', profileLink(author)],
    page: () => ['You follow ', profileLink(author)],
    connection: () => ['Your connection ', profileLink(author)],
    'connection-reacted': () => [by ? profileLink(by) : 'A connection', ' reacted to this'],
    'connection-commented': () => [by ? profileLink(by) : 'A connection', ' commented on this'],
  }[kind];
  return h('p', { class: 'reason' }, text ? text() : 'Suggested for you');
}

export async function feedPage(requested) {
  const order = ORDERS.some(([name]) => name === requested) ? requested : 'recent';
  const feed = await pagedPosts(`/v1/me/feed?order=${order}&limit=20`,
    (item) => postCard(item.post, { reason: reasonLine(item), onRemoved: () => feed.removed() }),
    order === 'recent'
      ? 'Nothing here yet. Posts of the members and pages you follow show here, newest first.'
      : 'Nothing here yet. Posts of the people you follow, and posts your connections react to or comment on, show here.');
  return [
    heading('Feed'),
    composer({ onPosted: (post) => feed.prepend({ post, reason: { kind: 'own', by: null } }) }),
    h('nav', { class: 'tabs feed-order', 'aria-label': 'Sort the feed by' }, h('ul', {}, ORDERS.map(([name, label]) =>
      h('li', {}, h('a', { href: `/feed?order=${name}`, 'aria-current': name === order ? 'page' : null }, label))))),
    h('p', { class: 'hint' }, order === 'recent' ? 'Newest first, from the members and pages you follow.'
      : 'Ranked by how recent a post is, how close you are to its author, and how much it is discussed.'),
    h('section', { class: 'feed', 'aria-label': order === 'recent' ? 'Posts, most recent first' : 'Top posts' },
      feed.nodes),
  ];
}
