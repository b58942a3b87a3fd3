// Writing a post and listing posts (P2): the composer with its visibility and live character count,
// a list read a page at a time by cursor, and a member's or a company page's posts as a section of
// their page (the profile mounts it; a company page can too, with the composer for its admins).
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, characterCount } from './dom.js';
import { postCard, POST_MAX } from './post.js';

let composers = 0;

/**
 * The "Start a post" form. It posts to {@code url} (the member's own posts, or a page's for its
 * admins) and hands the new post to {@code onPosted}.
 */
export function composer({ url = '/v1/posts', label = 'Start a post', choose = true, onPosted }) {
  const id = `composer-${++composers}`;
  const errors = h('div');
  const field = h('textarea', { id: `${id}-text`, name: 'text', rows: 4, 'aria-describedby': `${id}-count`,
    placeholder: 'What do you want to talk about?' });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Post');
  const choice = (value, text, checked) => h('label', { class: 'option' },
    h('input', { type: 'radio', name: 'visibility', value, checked }), ` ${text}`);
  const form = h('form', { class: 'card composer' }, h('h2', {}, h('label', { for: `${id}-text` }, label)), field,
    characterCount(field, POST_MAX, `${id}-count`),
    // A page's posts are for anyone (CP1): its composer offers no choice.
    choose ? h('fieldset', { class: 'visibility-choice' }, h('legend', {}, 'Who can see it'),
      choice('anyone', 'Anyone', true), choice('connections', 'Connections only', false)) : null,
    errors, h('div', { class: 'actions' }, send));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    fill(errors);
    try {
      const post = await api.post(url, { text: field.value, visibility: new FormData(form).get('visibility') ?? 'anyone' });
      field.value = '';
      field.dispatchEvent(new Event('input'));
      announce(post.visibility === 'anyone' ? 'Your post is published.' : 'Your post is published to your connections.');
      await onPosted(post);
    } catch (error) {
      fill(errors, alertBox(error.message));
    } finally {
      send.disabled = false;
    }
  });
  return form;
}

/**
 * A list of posts read a page at a time from {@code url} (which already has its query), drawn with
 * {@code card(item)}, and "Show more posts" while the server has more. Resolves to the list's
 * nodes and a way to put a new post on top.
 */
export async function pagedPosts(url, card, empty) {
  const list = h('div', { class: 'posts' });
  const more = h('button', { type: 'button', class: 'more-posts', hidden: true }, 'Show more posts');
  const none = h('p', { class: 'card hint' }, empty);
  let next = null;
  const shown = new Set();
  async function load() {
    const page = await api.get(next ? `${url}&cursor=${enc(next)}` : url);
    for (const item of page.items) {
      const postId = item.post?.id ?? item.id;
      // A cursor never repeats an item; this only guards a post put on top by the composer meanwhile.
      if (shown.has(postId)) continue;
      shown.add(postId);
      list.append(card(item));
    }
    next = page.next;
    more.hidden = !next;
    none.hidden = list.children.length > 0;
  }
  const errors = h('div');
  more.addEventListener('click', async () => {
    const count = list.children.length;
    more.disabled = true;
    try {
      await load();
      list.children[count]?.querySelector('a, button')?.focus();
    } catch (error) {
      fill(errors, alertBox(error.message));
    } finally {
      more.disabled = false;
    }
  });
  await load();
  return {
    nodes: [none, list, errors, h('div', { class: 'actions' }, more)],
    prepend(item) {
      shown.add(item.post?.id ?? item.id);
      list.prepend(card(item));
      none.hidden = true;
    },
    removed: () => { none.hidden = list.children.length > 0; },
  };
}

/**
 * A member's or a company page's posts, newest first, as the viewer may see them; with
 * {@code composerUrl}, a composer above them labelled {@code composerLabel} (the member's own
 * profile, a page's admins, whose composer has no choice of who sees it: {@code choose} false).
 */
export async function postsSection(handle, { title = 'Posts', composerUrl = null, composerLabel = 'Start a post',
  choose = true } = {}) {
  const section = h('section', { id: 'posts', class: 'posts-section', 'aria-labelledby': 'posts-title' },
    h('h2', { id: 'posts-title', class: 'section-title' }, title));
  let posts;
  try {
    posts = await pagedPosts(`/v1/members/${enc(handle)}/posts?limit=10`,
      (post) => postCard(post, { onRemoved: () => posts.removed() }), 'No posts yet.');
  } catch (error) {
    section.append(alertBox(error.message));
    return section;
  }
  if (composerUrl) {
    section.append(composer({ url: composerUrl, label: composerLabel, choose, onPosted: (post) => posts.prepend(post) }));
  }
  section.append(...posts.nodes);
  return section;
}
