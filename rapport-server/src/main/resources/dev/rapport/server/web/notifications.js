// Notifications (NT1, NT2): newest first, unread ones marked, all marked read on request.
import { api, enc } from './api.js';
import { h, announce, when, heading } from './dom.js';
import { refresh } from './shell.js';

const TEXT = {
  followed: 'followed you',
  'invitation-received': 'invited you to connect',
  'invitation-accepted': 'accepted your invitation',
};

export async function notificationsPage() {
  const page = await api.get('/v1/me/notifications?limit=50');
  const markRead = h('button', { type: 'button', disabled: page.unread === 0, onclick: async () => {
    await api.post(`/v1/me/notifications/read?upTo=${enc(page.items[0].id)}`);
    announce('All notifications marked as read.');
    await refresh();
  } }, 'Mark all as read');
  return [
    heading('Notifications'),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' },
      h('div', { class: 'row' }, h('h2', { id: 'list-title' },
        page.unread ? `${page.unread} unread` : 'All read'), markRead),
      page.items.length === 0 ? h('p', {}, 'Nothing yet. When someone follows or invites you, it shows here.')
        : h('ul', { class: 'people' }, page.items.map((n) => h('li', { class: n.read ? 'read' : 'unread' },
          n.read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '),
          n.actor ? h('a', { href: `/in/${n.actor.handle}` }, n.actor.name) : 'A member who left',
          ` ${TEXT[n.kind] ?? n.kind}`, n.kind === 'invitation-received' ? [' · ',
            h('a', { href: '/mynetwork/invitations' }, 'See invitations')] : null,
          h('span', { class: 'hint' }, ` ${when(n.at)}`))))),
  ];
}
