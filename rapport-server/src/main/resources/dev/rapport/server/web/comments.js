// A post's comments (P4): oldest first as a thread reads, a page at a time, a box to add one of up
// to 1,250 characters, and delete for the viewer's own comments or any comment on their own post.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, when, confirmDialog, characterCount } from './dom.js';

/** The most characters a comment holds (P4). */
const COMMENT_MAX = 1250;
const PAGE = 20;

function commentItem(comment, remove) {
  const author = comment.author;
  return h('li', { class: 'comment', id: `comment-${comment.id}` },
    h('div', { class: 'row' },
      h('span', { class: 'who' }, h('a', { href: `/in/${author.handle}` }, author.name ?? author.handle),
        author.headline ? h('span', { class: 'headline' }, author.headline) : null),
      h('span', { class: 'hint' }, h('time', { datetime: comment.createdAt }, when(comment.createdAt)))),
    h('p', { class: 'comment-text' }, comment.text),
    comment.mine ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'small',
      'aria-label': `Delete comment by ${author.name ?? author.handle}`, onclick: () => remove(comment) }, 'Delete'))
      : null);
}

/**
 * The thread of a post as a section with the given id: its comments, "Show more comments" while the
 * server has more, and the comment box. {@code onChange} runs after a comment is added or deleted.
 */
export async function commentsThread(post, { id, onChange, errors }) {
  const list = h('ul', { class: 'comments' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more comments');
  const empty = h('p', { class: 'hint' }, 'No comments yet.');
  let next = null;
  const base = `/v1/posts/${enc(post.id)}/comments`;

  async function remove(comment) {
    if (!await confirmDialog('Delete this comment?', 'It is removed from the post for everyone.', 'Delete')) return;
    try {
      await api.del(`${base}/${enc(comment.id)}`);
      list.querySelector(`#comment-${CSS.escape(comment.id)}`)?.remove();
      empty.hidden = list.children.length > 0;
      announce('Comment deleted.');
      field.focus();
      await onChange();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  }

  async function load() {
    const page = await api.get(`${base}?limit=${PAGE}${next ? `&cursor=${enc(next)}` : ''}`);
    for (const comment of page.items) list.append(commentItem(comment, remove));
    next = page.next;
    more.hidden = !next;
    empty.hidden = list.children.length > 0;
  }
  more.addEventListener('click', async () => {
    const count = list.children.length;
    try {
      await load();
      list.children[count]?.querySelector('a, button')?.focus();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  });

  const field = h('textarea', { id: `${id}-text`, name: 'text', rows: 2, 'aria-describedby': `${id}-count` });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Post comment');
  const form = h('form', { class: 'comment-form' }, h('label', { for: `${id}-text` }, 'Add a comment'), field,
    characterCount(field, COMMENT_MAX, `${id}-count`), h('div', { class: 'actions' }, send));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    fill(errors);
    try {
      const comment = await api.post(base, { text: field.value });
      // The thread reads oldest first; a new comment goes last only once every older one is shown.
      if (!next) list.append(commentItem(comment, remove));
      empty.hidden = list.children.length > 0;
      field.value = '';
      field.dispatchEvent(new Event('input'));
      announce('Comment posted.');
      await onChange();
    } catch (error) {
      fill(errors, alertBox(error.message));
    } finally {
      send.disabled = false;
    }
  });

  const section = h('section', { id, class: 'post-comments', 'aria-label': 'Comments' }, empty, list, more, form);
  try {
    await load();
  } catch (error) {
    fill(errors, alertBox(error.message));
  }
  return section;
}
