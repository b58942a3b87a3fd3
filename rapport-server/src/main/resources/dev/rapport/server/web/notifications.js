// Notifications (NT1, NT2): newest first, unread ones marked, all marked read on request; new ones
// arrive from the live stream without a reload, and each kind can be muted.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, when, heading } from './dom.js';
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

function actorLine(n) {
  return n.actor ? h('a', { href: `/in/${n.actor.handle}` }, n.actor.name) : 'A member who left';
}

function item(n) {
  return h('li', { class: n.read ? 'read' : 'unread', 'data-id': n.id },
    n.read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '), actorLine(n), ` ${TEXT[n.kind] ?? n.kind}`,
    n.kind === 'invitation-received' ? [' · ', h('a', { href: '/mynetwork/invitations' }, 'See invitations')] : null,
    n.kind === 'message-received' && n.conversationId
      ? [' · ', h('a', { href: `/messaging/${enc(n.conversationId)}` }, 'Open the conversation')] : null,
    h('span', { class: 'hint' }, ` ${when(n.at)}`));
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
  const page = await api.get('/v1/me/notifications?limit=50');
  let newest = page.items[0]?.id ?? null;
  let unread = page.unread;
  const title = h('h2', { id: 'list-title' });
  const markRead = h('button', { type: 'button', onclick: async () => {
    await api.post(`/v1/me/notifications/read?upTo=${enc(newest)}`);
    announce('All notifications marked as read.');
    await refresh();
  } }, 'Mark all as read');
  const drawCount = () => {
    title.textContent = unread ? `${unread} unread` : 'All read';
    markRead.disabled = unread === 0;
  };
  const list = h('ul', { class: 'people notifications', 'aria-labelledby': 'list-title' }, page.items.map(item));
  const empty = h('p', { hidden: page.items.length > 0 }, 'Nothing yet. When someone follows or invites you, it shows here.');
  drawCount();
  onLive('notification', list, (n) => {
    if (list.querySelector(`[data-id="${CSS.escape(n.id)}"]`)) return;
    list.prepend(item(n));
    empty.hidden = true;
    newest = n.id;
    if (!n.read) unread += 1;
    drawCount();
  });
  onLive('notifications-read', list, () => refresh());
  return [
    heading('Notifications'),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' },
      h('div', { class: 'row' }, title, markRead), empty, list),
    await muteSettings(),
  ];
}
