// One post as the feed, a member's and a page's posts show it (P2, P4): author, time, "Edited",
// who can see it, the text, counts of each reaction kind, the viewer's own reaction (set, changed
// or removed with the six kinds), the comments, and edit and delete for a post the viewer may change.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, when, plural, confirmDialog, characterCount } from './dom.js';
import { commentsThread } from './comments.js';

/** The six reaction kinds of P4, in LinkedIn's order, with their labels. */
export const REACTIONS = [['like', 'Like'], ['celebrate', 'Celebrate'], ['support', 'Support'], ['love', 'Love'],
  ['insightful', 'Insightful'], ['funny', 'Funny']];
const LABEL = Object.fromEntries(REACTIONS);

/** The most characters a post holds (P2); the server refuses more and the page says so. */
export const POST_MAX = 3000;

const SVG = 'http://www.w3.org/2000/svg';

/** A small drawing built as nodes (the strict CSP allows no markup parsed from text). */
function icon(shapes) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  for (const [tag, attrs] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) shape.setAttribute(key, value);
    svg.append(shape);
  }
  return svg;
}

/** A globe for anyone, two people for connections only. */
function visibilityLabel(visibility) {
  const anyone = visibility === 'anyone';
  const drawing = anyone
    ? icon([['circle', { cx: 8, cy: 8, r: 6.5 }], ['path', { d: 'M1.5 8h13M8 1.5c-3 3.5-3 9.5 0 13M8 1.5c3 3.5 3 9.5 0 13' }]])
    : icon([['circle', { cx: 5.5, cy: 5, r: 2.5 }], ['circle', { cx: 11, cy: 5.5, r: 2 }],
      ['path', { d: 'M1 14c0-3 2-4.5 4.5-4.5S10 11 10 14M10.5 9.5c2.5 0 4.5 1.2 4.5 4' }]]);
  return h('span', { class: 'visibility', title: anyone ? 'Anyone can see this post' : 'Only connections can see this post' },
    drawing, anyone ? 'Anyone' : 'Connections only');
}

function authorLine(post) {
  const author = post.author;
  const href = author.kind === 'company' ? `/company/${author.handle}` : `/in/${author.handle}`;
  return h('div', { class: 'post-author' },
    h('a', { href, class: 'author-name' }, author.name ?? author.handle),
    author.headline ? h('span', { class: 'headline' }, author.headline) : null);
}

function metaLine(post) {
  return h('p', { class: 'meta post-meta' }, h('time', { datetime: post.createdAt }, when(post.createdAt)),
    post.editedAt ? [' · ', h('span', { class: 'edited', title: `Edited ${when(post.editedAt)}` }, 'Edited')] : null,
    ' · ', visibilityLabel(post.visibility));
}

/** "Like 2 · Celebrate 1", the total and the comments, each kind only when someone chose it. */
function countsLine(post) {
  const counts = post.counts;
  const kinds = REACTIONS.filter(([kind]) => counts.reactions[kind] > 0);
  return [
    counts.reactionTotal > 0 ? h('span', { class: 'reaction-total' }, plural(counts.reactionTotal, 'reaction'),
      h('span', { class: 'hint' }, ': ', kinds.map(([kind, label], i) => [i ? ' · ' : '',
        h('span', { class: `kind kind-${kind}` }, `${label} ${counts.reactions[kind].toLocaleString('en')}`)]))) : null,
    counts.comments > 0 ? h('span', { class: 'comment-total' }, plural(counts.comments, 'comment')) : null,
  ];
}

/**
 * A post as a card. {@code reason} (optional) is the line above it saying why it is in the feed;
 * {@code onRemoved} runs after the viewer deleted it.
 */
export function postCard(post, { reason = null, onRemoved = () => {} } = {}) {
  const id = `post-${post.id}`;
  const errors = h('div');
  const meta = h('div');
  const body = h('div', { class: 'post-body' });
  const counts = h('p', { class: 'post-counts' });
  const bar = h('div', { class: 'actions post-actions' });
  const card = h('article', { class: 'card post', id, 'aria-labelledby': `${id}-author` });
  let current = post;
  let comments = null;

  const show = (next) => {
    current = next;
    fill(meta, h('div', { class: 'post-head', id: `${id}-author` }, authorLine(next), metaLine(next)));
    fill(body, h('p', { class: 'post-text' }, next.text));
    fill(counts, countsLine(next));
    counts.hidden = next.counts.reactionTotal === 0 && next.counts.comments === 0;
    fill(bar, reactionControls(next, react), commentToggle(), next.mine ? ownerControls() : null);
  };

  /** Sets, changes or removes the viewer's reaction; the answer is the post with its new counts. */
  async function react(kind) {
    fill(errors);
    try {
      const url = `/v1/posts/${enc(current.id)}/reactions/me`;
      const next = kind === null ? await api.del(url) : await api.put(url, { kind });
      show(next);
      announce(kind === null ? 'Reaction removed.' : `You reacted ${LABEL[kind]}.`);
      bar.querySelector('.react-main')?.focus();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  }

  function commentToggle() {
    const toggle = h('button', { type: 'button', 'aria-expanded': String(comments !== null && !comments.hidden),
      'aria-controls': `${id}-comments` }, 'Comment');
    toggle.addEventListener('click', async () => {
      if (comments === null) {
        comments = await commentsThread(current, { id: `${id}-comments`, onChange: refreshCounts, errors });
        card.append(comments);
      } else {
        comments.hidden = !comments.hidden;
      }
      toggle.setAttribute('aria-expanded', String(!comments.hidden));
      if (!comments.hidden) comments.querySelector('textarea')?.focus();
    });
    return toggle;
  }

  /** After a comment is added or deleted: the post again, for its counts. */
  async function refreshCounts() {
    try {
      const next = await api.get(`/v1/posts/${enc(current.id)}`);
      current = next;
      fill(counts, countsLine(next));
      counts.hidden = next.counts.reactionTotal === 0 && next.counts.comments === 0;
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  }

  function ownerControls() {
    return [
      h('button', { type: 'button', onclick: edit }, 'Edit'),
      h('button', { type: 'button', onclick: remove }, 'Delete'),
    ];
  }

  function edit() {
    fill(errors);
    const field = h('textarea', { id: `${id}-edit`, name: 'text', rows: 5, 'aria-describedby': `${id}-edit-count` });
    field.value = current.text;
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const form = h('form', { class: 'post-edit' }, h('label', { for: `${id}-edit` }, 'Edit your post'), field,
      characterCount(field, POST_MAX, `${id}-edit-count`),
      h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => {
        show(current);
        bar.querySelector('button')?.focus();
      } }, 'Cancel')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      fill(errors);
      try {
        show(await api.patch(`/v1/posts/${enc(current.id)}`, { text: field.value }));
        announce('Post updated.');
        card.querySelector('.post-text')?.setAttribute('tabindex', '-1');
        card.querySelector('.post-text')?.focus();
      } catch (error) {
        save.disabled = false;
        fill(errors, alertBox(error.message));
      }
    });
    fill(body, form);
    fill(bar);
    field.focus();
  }

  async function remove() {
    if (!await confirmDialog('Delete this post?', 'Its reactions and comments go with it. This cannot be undone.',
      'Delete')) return;
    try {
      await api.del(`/v1/posts/${enc(current.id)}`);
      card.remove();
      announce('Post deleted.');
      onRemoved(current);
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  }

  show(post);
  fill(card, reason, meta, body, counts, bar, errors);
  return card;
}

/**
 * LinkedIn's reaction button: a press likes (or removes the reaction the viewer has), and the
 * button beside it opens the six kinds, the viewer's own marked as pressed.
 */
function reactionControls(post, react) {
  const mine = post.myReaction;
  const pickerId = `post-${post.id}-reactions`;
  const main = h('button', { type: 'button', class: `react-main${mine ? ' reacted' : ''}`, 'aria-pressed': String(mine !== null),
    'aria-label': mine ? `${LABEL[mine]}: remove your reaction` : 'Like', onclick: () => react(mine ? null : 'like') },
  mine ? LABEL[mine] : 'Like');
  const picker = h('div', { id: pickerId, class: 'reaction-picker', role: 'group', 'aria-label': 'Reactions', hidden: true },
    REACTIONS.map(([kind, label]) => h('button', { type: 'button', class: 'reaction', 'aria-pressed': String(mine === kind),
      onclick: () => react(mine === kind ? null : kind) }, label)));
  const toggle = h('button', { type: 'button', class: 'react-more', 'aria-expanded': 'false', 'aria-controls': pickerId },
    'React');
  toggle.addEventListener('click', () => {
    const open = picker.hidden;
    picker.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) (picker.querySelector('[aria-pressed="true"]') ?? picker.querySelector('button')).focus();
  });
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      picker.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    }
  });
  return h('div', { class: 'react-wrap' }, main, toggle, picker);
}
