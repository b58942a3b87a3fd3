// Limits (L6, L5): each limit, what is used, when a slot frees up, and any restriction with its end.
import { api } from './api.js';
import { h, when, heading } from './dom.js';

export async function limitsPage() {
  const limits = await api.get('/v1/me/limits');
  const row = (label, usage, freeing) => h('tr', {},
    h('th', { scope: 'row' }, label),
    h('td', {}, usage.limit === null || usage.limit === undefined
      ? `${usage.used.toLocaleString('en')} (no limit)` : `${usage.used.toLocaleString('en')} of ${usage.limit.toLocaleString('en')}`),
    h('td', {}, usage.resetsAt ? `${freeing} ${when(usage.resetsAt)}` : '—'));
  const r = limits.restriction;
  return [
    heading('Your limits'),
    r ? h('section', { class: 'card warning', 'aria-labelledby': 'restriction-title' },
      h('h2', { id: 'restriction-title' }, 'Invitations are paused'),
      h('p', {}, `You cannot send invitations until ${when(r.endsAt)}. `, reason(r.reason),
        ' Following, accepting invitations and everything else still work.')) : null,
    h('section', { class: 'card', 'aria-labelledby': 'limits-title' },
      h('h2', { id: 'limits-title' }, `Your ${limits.tier} plan`),
      h('div', { class: 'scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Limit'), h('th', { scope: 'col' }, 'Used'),
          h('th', { scope: 'col' }, 'Frees up'))),
        h('tbody', {},
          row('Invitations in the last 7 days', limits.weeklyInvitations, 'Next slot'),
          row('Personalised notes this month', limits.monthlyNotes, 'Renews'),
          row('Invitations waiting for an answer', limits.pendingInvitations, ''),
          row('Connections', limits.connections, '')))),
      h('p', { class: 'hint' }, `Notes may be up to ${limits.noteMaxLength} characters long.`)),
  ];
}

function reason(code) {
  return ({
    'weekly-limit-refusals': 'You tried to invite past your weekly limit several times in a day.',
    reported: 'Several people said they do not know you.',
  })[code] ?? '';
}
