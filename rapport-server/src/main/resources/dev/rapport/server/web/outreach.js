// Outreach (X1, X2): the invitations one sent in the last weeks, accepted, pending and withdrawn,
// the acceptance rate of warm invitations against cold ones as a chart, followers and connections
// gained by week, and the warm prospects with why each is there and an Invite action.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, day, heading, plural } from './dom.js';
import { inviteDialog } from './invite.js';
import { rateBars, weeklyLines, legend } from './charts.js';

const WEEKS = 12;
const rate = (r) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function invitationTable(inv) {
  const row = (label, f) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, String(f.sent)),
    h('td', {}, String(f.accepted)), h('td', {}, String(f.pending)), h('td', {}, String(f.withdrawn)),
    h('td', {}, rate(f.acceptanceRate)));
  // Focusable, so that a phone's keyboard user can scroll a table wider than the screen.
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Invitations, warm and cold' },
    h('table', { class: 'outreach-figures' },
    h('caption', { class: 'visually-hidden' }, 'Invitations sent, warm and cold'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Invitations'), h('th', { scope: 'col' }, 'Sent'),
      h('th', { scope: 'col' }, 'Accepted'), h('th', { scope: 'col' }, 'Pending'), h('th', { scope: 'col' }, 'Withdrawn'),
      h('th', { scope: 'col' }, 'Rate'))),
    h('tbody', {}, row('Warm', inv.warm), row('Cold', inv.cold), row('All', inv.all))));
}

function growthTable(growth) {
  const net = (gained, lost) => `+${gained} / −${lost}`;
  return h('details', {}, h('summary', {}, 'Growth week by week'), h('div', { class: 'scroll', tabindex: 0, role: 'region',
    'aria-label': 'Growth week by week' }, h('table', { class: 'growth' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week'), h('th', { scope: 'col' }, 'Followers'),
      h('th', { scope: 'col' }, 'Connections'))),
    h('tbody', {}, growth.map((w) => h('tr', {}, h('th', { scope: 'row' }, w.week),
      h('td', {}, net(w.followersGained, w.followersLost)), h('td', {}, net(w.connectionsGained, w.connectionsLost))))))));
}

function reasonLine(p) {
  const did = [p.reason.reactions ? plural(p.reason.reactions, 'reaction') : null,
    p.reason.comments ? plural(p.reason.comments, 'comment') : null].filter(Boolean).join(' and ');
  return `You follow them since ${day(p.reason.followingSince)} and left ${did} on their posts, lately ${day(p.reason.lastEngagedAt)}.`;
}

function prospectItem(p) {
  const errors = h('div');
  const invite = h('button', { type: 'button', class: 'primary', 'aria-label': `Invite ${p.name} to connect`,
    onclick: async () => {
      try {
        if (await inviteDialog(p)) {
          fill(item, h('p', {}, `Invitation sent to ${p.name}.`));
          announce(`Invitation sent to ${p.name}.`);
        }
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, 'Invite');
  const item = h('li', { class: 'prospect' }, h('div', { class: 'row' },
    h('span', { class: 'who' }, h('a', { href: `/in/${enc(p.handle)}` }, p.name), h('span', { class: 'headline' }, p.headline)),
    invite), h('p', { class: 'reason hint' }, reasonLine(p)), errors);
  return item;
}

export async function outreachPage() {
  const [analytics, prospects] = await Promise.all([api.get(`/v1/me/analytics?weeks=${WEEKS}`),
    api.get('/v1/me/prospects?limit=20')]);
  const inv = analytics.invitations;
  const figure = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));
  const weeks = analytics.growth.map((w) => w.week);
  return [
    heading('Outreach'),
    h('section', { class: 'card', 'aria-labelledby': 'invitations-title' },
      h('h2', { id: 'invitations-title' }, `Invitations in the last ${analytics.weeks} weeks`),
      h('dl', { class: 'figures outreach' }, figure('Sent', String(inv.all.sent)), figure('Accepted', String(inv.all.accepted)),
        figure('Pending', String(inv.all.pending)), figure('Withdrawn', String(inv.all.withdrawn)),
        figure('Acceptance rate', rate(inv.all.acceptanceRate))),
      h('h3', {}, 'Acceptance rate, warm and cold'),
      rateBars('Acceptance rate', [['Warm', inv.warm.acceptanceRate], ['Cold', inv.cold.acceptanceRate]]),
      h('p', { class: 'hint' }, 'Warm: you followed them for a week or more, or reacted to or commented on their posts, '
        + 'before inviting. Cold: the others. The rate is accepted over accepted and pending.'),
      invitationTable(inv)),
    h('section', { class: 'card', 'aria-labelledby': 'growth-title' },
      h('h2', { id: 'growth-title' }, 'Followers and connections gained by week'),
      weeklyLines('Gained by week', weeks, [['Followers', analytics.growth.map((w) => w.followersGained)],
        ['Connections', analytics.growth.map((w) => w.connectionsGained)]]),
      legend(['Followers', 'Connections']), growthTable(analytics.growth)),
    h('section', { class: 'card', 'aria-labelledby': 'prospects-title' },
      h('h2', { id: 'prospects-title' }, 'Warm prospects'),
      h('p', { class: 'hint' }, 'People you follow and engaged with lately, not yet connected nor invited; most engaged first.'),
      prospects.items.length === 0 ? h('p', {}, 'No prospects yet: react to or comment on posts of people you follow.')
        : h('ul', { class: 'people prospects' }, prospects.items.map(prospectItem))),
  ];
}
