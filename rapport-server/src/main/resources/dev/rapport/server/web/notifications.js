// Notifications (NT1, NT2): grouped as LinkedIn groups them, newest first, unread ones marked, a
// group or all marked read on request; new ones arrive from the live stream without a reload, and
// each kind can be muted.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, when, heading, plural } from './dom.js';
import { refresh } from './shell.js';
import { onLive } from './live.js';

/** Every kind, with what it says after the actor's name and what its mute is called. */
const KINDS = [
  ['followed', 'followed you', 'New followers'],
  ['invitation-received', 'invited you to connect', 'Invitations to connect'],
  ['invitation-accepted', 'accepted your invitation', 'Accepted invitations'],
  ['reacted', 'reacted to your post', 'Reactions to your posts'],
  ['commented', 'commented on your post', 'Comments on your posts'],
  ['endorsed', 'endorsed you for a skill', 'Endorsements'],
  ['recommended', 'wrote you a recommendation', 'Recommendations'],
  ['message-received', 'sent you a message', 'Messages'],
];
const TEXT = Object.fromEntries(KINDS.map(([kind, text]) => [kind, text]));

function actorLink(actor) {
  return h('a', { href: `/in/${actor.handle}` }, actor.name);
}

/**
 * Who did it, as LinkedIn says it: "Ada", "Ada and Bob", or "Ada and 3 others" for a group (NT1,
 * docs/decisions/0042-notifications-grouped-on-read-by-day.md).
 */
function actorsLine(n) {
  const actors = n.actors ?? (n.actor ? [n.actor] : []);
  if (actors.length === 0) return 'A member who left';
  const others = actors.length - 1 + (n.othersCount ?? 0);
  if (others === 0) return actorLink(actors[0]);
  if (actors.length === 2 && others === 1) return [actorLink(actors[0]), ' and ', actorLink(actors[1])];
  return [actorLink(actors[0]), ` and ${plural(others, 'other')}`];
}

function what(n) {
  if (n.kind === 'endorsed' && n.skill) return `endorsed you for ${n.skill}`;
  return TEXT[n.kind] ?? n.kind;
}

function item(n, markGroupRead) {
  return h('li', { class: n.read ? 'read' : 'unread', 'data-id': n.id },
    n.read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '), actorsLine(n), ` ${what(n)}`,
    n.kind === 'invitation-received' ? [' · ', h('a', { href: '/mynetwork/invitations' }, 'See invitations')] : null,
    n.kind === 'message-received' && n.conversationId
      ? [' · ', h('a', { href: `/messaging/${enc(n.conversationId)}` }, 'Open the conversation')] : null,
    h('span', { class: 'hint' }, ` ${when(n.at)}`),
    n.read || n.latestId === n.id ? null
      : [' ', h('button', { type: 'button', class: 'link', onclick: () => markGroupRead(n) }, 'Mark these read')]);
}

/** The per-kind mutes (NT2), saved together: a muted kind is neither listed, counted nor streamed. */
async function muteSettings() {
  const settings = await api.get('/v1/me/notification-settings');
  const errors = h('div');
  const form = h('form', { class: 'card mutes', 'aria-labelledby': 'mutes-title' },
    h('h2', { id: 'mutes-title' }, 'Mute notifications'),
    h('fieldset', {}, h('legend', {}, 'Kinds you do not want to be notified of'),
      KINDS.map(([kind, , label]) => h('label', { class: 'option' },
        h('input', { type: 'checkbox', name: 'muted', value: kind, checked: settings.muted.includes(kind) }), ` ${label}`))),
    errors, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save mutes')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(errors);
    try {
      await api.put('/v1/me/notification-settings', { muted: new FormData(form).getAll('muted') });
      announce('Notification settings saved.');
      await refresh();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  });
  return form;
}

export async function notificationsPage() {
  let page = await api.get('/v1/me/notifications?limit=50');
  const title = h('h2', { id: 'list-title' });
  // The newest id shown, of every notification the groups cover, is what "all" marks up to (decision 15).
  const newest = () => page.items.map((n) => n.latestId).reduce((a, b) => (BigInt(b) > BigInt(a) ? b : a), '0');
  const markRead = h('button', { type: 'button', onclick: async () => {
    await api.post(`/v1/me/notifications/read?upTo=${enc(newest())}`);
    announce('All notifications marked as read.');
    await refresh();
  } }, 'Mark all as read');
  const list = h('ul', { class: 'people notifications', 'aria-labelledby': 'list-title' });
  const empty = h('p', {}, 'Nothing yet. When someone follows or invites you, it shows here.');
  // A group is marked read up to its latest notification shown, so one that joined it since stays
  // unread, in one call however large it is (decision 46, a group marked read by its first id).
  const markGroupRead = async (n) => {
    await api.post('/v1/me/notifications/read-group', { id: n.id, upTo: n.latestId });
    announce('Marked as read.');
    await refresh();
  };
  const draw = () => {
    fill(list, page.items.map((n) => item(n, markGroupRead)));
    empty.hidden = page.items.length > 0;
    title.textContent = page.unread ? `${page.unread} unread` : 'All read';
    markRead.disabled = page.unread === 0;
  };
  // A new notification may join a group already shown, so the first page is read again.
  const redraw = async () => {
    page = await api.get('/v1/me/notifications?limit=50');
    draw();
  };
  draw();
  onLive('notification', list, () => redraw());
  onLive('notifications-read', list, () => refresh());
  return [
    heading('Notifications'),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' },
      h('div', { class: 'row' }, title, markRead), empty, list),
    await muteSettings(),
  ];
}
