// My Network: network size by degree, invitations received and sent, connections, followers,
// following and suggestions, each a section of its own address.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, memberLink, plural, day, confirmDialog, heading } from './dom.js';
import { inviteDialog } from './invite.js';
import { refresh, session, refreshUnread } from './shell.js';

const SECTIONS = [
  ['invitations', 'Invitations'], ['suggestions', 'People you may know'], ['connections', 'Connections'],
  ['followers', 'Followers'], ['following', 'Following'],
];

export async function networkPage(section) {
  const known = SECTIONS.find(([name]) => name === section);
  if (!known) return [heading('Page not found'), h('p', {}, h('a', { href: '/mynetwork' }, 'Go to My Network'))];
  const errors = h('div', { class: 'errors' });
  const size = await api.get('/v1/me/network');
  const body = await ({ invitations, suggestions, connections, followers, following })[section](errors);
  return [
    heading('My Network'),
    h('section', { class: 'card', 'aria-labelledby': 'size-title' },
      h('h2', { id: 'size-title' }, 'Your network'),
      h('dl', { class: 'figures' },
        figure('1st degree', size.first), figure('2nd degree', size.second), figure('3rd degree', size.third))),
    h('nav', { 'aria-label': 'My Network sections', class: 'tabs' }, h('ul', {}, SECTIONS.map(([name, label]) =>
      h('li', {}, h('a', { href: `/mynetwork/${name}`, 'aria-current': name === section ? 'page' : null }, label))))),
    errors,
    body,
  ];
}

function figure(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value.toLocaleString('en')));
}

/** A list read a page at a time, with a button for the next page. */
async function pagedList(url, item, empty) {
  const list = h('ul', { class: 'people' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  let next = null;
  async function load() {
    const page = await api.get(next ? `${url}&cursor=${enc(next)}` : url);
    for (const entry of page.items) list.append(h('li', {}, item(entry)));
    next = page.next;
    more.hidden = !next;
  }
  more.addEventListener('click', async () => {
    const count = list.children.length;
    await load();
    list.children[count]?.querySelector('a, button')?.focus();
  });
  await load();
  return list.children.length ? [list, more] : h('p', {}, empty);
}

/** A button that makes a change, says so, and shows the section again. */
function change(label, errors, run, attrs = {}) {
  return h('button', { type: 'button', ...attrs, onclick: async (event) => {
    const target = event.currentTarget;
    target.disabled = true;
    try {
      const said = await run();
      if (said === false) { target.disabled = false; return; }
      announce(said);
      await refresh();
    } catch (error) {
      target.disabled = false;
      fill(errors, alertBox(error.message));
    }
  } }, label);
}

function section(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

const who = (handle) => h('a', { href: `/in/${handle}` }, `@${handle}`);

async function invitations(errors) {
  const received = (invitation) => h('div', { class: 'row' },
    h('div', {}, who(invitation.from), ` invited you on ${day(invitation.sentAt)}`,
      invitation.note ? h('blockquote', {}, invitation.note) : null),
    h('div', { class: 'actions' },
      change('Accept', errors, async () => {
        await api.post(`/v1/invitations/${invitation.id}/accept`);
        return `You and @${invitation.from} are now connected.`;
      }, { class: 'primary', 'aria-label': `Accept @${invitation.from}` }),
      invitation.state === 'pending' ? change('Ignore', errors, async () => {
        await api.post(`/v1/invitations/${invitation.id}/ignore`);
        return `Invitation from @${invitation.from} ignored. They are not told.`;
      }, { 'aria-label': `Ignore @${invitation.from}` }) : null,
      change('I don\'t know this person', errors, async () => {
        if (!await confirmDialog(`Report that you don't know @${invitation.from}?`,
          'The invitation is ignored and counts against the sender.', 'Report')) return false;
        await api.post(`/v1/invitations/${invitation.id}/report`);
        return 'Thank you. The invitation is ignored.';
      }, { 'aria-label': `I don't know @${invitation.from}` })));
  const sent = (invitation) => h('div', { class: 'row' },
    h('div', {}, 'To ', who(invitation.to), ` on ${day(invitation.sentAt)}`,
      invitation.note ? h('blockquote', {}, invitation.note) : null),
    h('div', { class: 'actions' }, change('Withdraw', errors, async () => {
      if (!await confirmDialog('Withdraw this invitation?',
        `You can invite @${invitation.to} again only after 3 weeks.`, 'Withdraw')) return false;
      await api.post(`/v1/invitations/${invitation.id}/withdraw`);
      return `Invitation to @${invitation.to} withdrawn.`;
    }, { 'aria-label': `Withdraw invitation to @${invitation.to}` })));

  const days = h('input', { id: 'older-than', type: 'number', min: 0, max: 365, value: 30, inputmode: 'numeric' });
  const bulk = h('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const n = Number(days.value);
      if (!await confirmDialog('Withdraw old invitations?',
        `Every invitation you sent ${n} or more days ago that is still pending will be withdrawn.`, 'Withdraw all')) return;
      const result = await api.post(`/v1/me/invitations/withdraw?olderThanDays=${enc(n)}`);
      announce(`${plural(result.withdrawn, 'invitation')} withdrawn.`);
      await refresh();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  } }, h('label', { for: 'older-than' }, 'Withdraw pending invitations sent at least this many days ago'), days,
  h('button', { type: 'submit' }, 'Withdraw'));

  return [
    section('received-title', 'Received', await pagedList('/v1/me/invitations?box=received&state=pending&limit=20',
      received, 'No invitations waiting for you.')),
    section('ignored-title', 'Ignored', h('p', { class: 'hint' }, 'The senders are not told; you can still accept.'),
      await pagedList('/v1/me/invitations?box=received&state=ignored&limit=20', received, 'None.')),
    section('sent-title', 'Sent', await pagedList('/v1/me/invitations?box=sent&state=pending&limit=20', sent,
      'You have no pending invitations.'), bulk),
  ];
}

async function suggestions(errors) {
  const item = (member) => h('div', { class: 'row' }, h('div', {}, memberLink(member),
    h('span', { class: 'hint' }, plural(member.mutualCount, 'mutual connection'))),
  h('div', { class: 'actions' },
    change('Connect', errors, async () => (await inviteDialog(member)) ? `Invitation sent to ${member.name}.` : false,
      { class: 'primary', 'aria-label': `Connect with ${member.name}` }),
    change('Dismiss', errors, async () => {
      await api.del(`/v1/me/suggestions/${enc(member.handle)}`);
      return `${member.name} will not be suggested again.`;
    }, { 'aria-label': `Dismiss ${member.name}` })));
  return section('suggestions-title', 'People you may know',
    await pagedList('/v1/me/suggestions?limit=20', item, 'No suggestions right now.'));
}

async function connections() {
  return section('connections-title', 'Connections', await pagedList(
    `/v1/members/${enc(session.me.handle)}/connections?limit=20`,
    (m) => h('div', { class: 'row' }, memberLink(m), m.connectedAt ? h('span', { class: 'hint' },
      `Connected on ${day(m.connectedAt)}`) : null), 'No connections yet.'));
}

async function followers(errors) {
  return section('followers-title', 'Followers', await pagedList(
    `/v1/members/${enc(session.me.handle)}/followers?limit=20`,
    (m) => h('div', { class: 'row' }, memberLink(m), h('div', { class: 'actions' },
      change('Remove follower', errors, async () => {
        await api.del(`/v1/me/followers/${enc(m.handle)}`);
        return `${m.name} no longer follows you.`;
      }, { 'aria-label': `Remove follower ${m.name}` }))), 'Nobody follows you yet.'));
}

async function following(errors) {
  return section('following-title', 'Following', await pagedList(
    `/v1/members/${enc(session.me.handle)}/following?limit=20`,
    (m) => h('div', { class: 'row' }, memberLink(m), h('div', { class: 'actions' },
      change('Unfollow', errors, async () => {
        await api.del(`/v1/me/following/${enc(m.handle)}`);
        await refreshUnread();
        return `You no longer follow ${m.name}.`;
      }, { 'aria-label': `Unfollow ${m.name}` }))), 'You follow nobody yet.'));
}
