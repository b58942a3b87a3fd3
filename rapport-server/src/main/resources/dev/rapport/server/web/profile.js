// A profile as the viewer sees it (PR1): degree, mutual connections, counts, and the actions the
// server offers, with Follow or Connect first and the rest under "More".
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, degreeBadge, plural, memberLink, confirmDialog, heading } from './dom.js';
import { inviteDialog } from './invite.js';
import { go, refresh } from './shell.js';
import { skillsSection, recommendationsSection } from './showcase.js';
import { companyPage } from './company.js';
import { postsSection } from './posts.js';

export async function profilePage(handle) {
  let profile;
  try {
    profile = await api.get(`/v1/members/${enc(handle)}`);
  } catch (error) {
    if (error.status === 404) {
      return [heading('Member not found'), h('p', {}, 'There is no member with this handle. ',
        h('a', { href: '/search' }, 'Search for members'), '.')];
    }
    throw error;
  }
  if (profile.kind === 'company') {
    // CP1: a page is shown as a page, with its follower count and admins, at its own address.
    history.replaceState(null, '', `/company/${profile.handle}`);
    return companyPage(profile.handle);
  }
  const errors = h('div', { class: 'errors' });
  const rel = profile.relationship;
  const counts = [plural(profile.connectionCount, 'connection')];
  if (profile.followerCount !== undefined) counts.push(plural(profile.followerCount, 'follower'));

  return [
    h('section', { class: 'card profile', 'aria-labelledby': 'page-title' },
      h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials(profile.name)),
      heading(profile.name),
      profile.headline ? h('p', { class: 'headline' }, profile.headline) : null,
      h('p', { class: 'meta' }, rel ? degreeBadge(rel.degree) : h('span', { class: 'badge' }, 'You'),
        ' ', h('span', {}, `@${profile.handle}`), ' · ', counts.join(' · ')),
      rel ? relationshipLine(profile) : null,
      rel && rel.mutualCount > 0 ? mutuals(profile) : null,
      h('div', { class: 'actions' }, actions(profile, errors)),
      errors),
    await postsSection(profile.handle, { title: profile.self ? 'Your posts' : `${profile.name}'s posts` }),
    await skillsSection(profile),
    await recommendationsSection(profile),
    await connectionsSection(profile),
  ];
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

function relationshipLine(profile) {
  const rel = profile.relationship;
  const parts = [];
  if (rel.connected) parts.push('You are connected');
  if (rel.following && !rel.connected) parts.push('You follow them');
  if (rel.followedBy && !rel.connected) parts.push('They follow you');
  if (rel.invitation?.direction === 'sent') parts.push('Your invitation is pending');
  if (rel.invitation?.direction === 'received') parts.push('They invited you to connect');
  return parts.length ? h('p', { class: 'relationship' }, parts.join(' · ')) : null;
}

function mutuals(profile) {
  const rel = profile.relationship;
  const names = rel.firstMutuals.map((m) => h('a', { href: `/in/${m.handle}` }, m.name));
  const list = [];
  names.forEach((name, i) => list.push(i === 0 ? '' : i === names.length - 1 ? ' and ' : ', ', name));
  const others = rel.mutualCount - names.length;
  return h('p', { class: 'mutuals' }, `${plural(rel.mutualCount, 'mutual connection')}: `, list,
    others > 0 ? ` and ${plural(others, 'other')}` : '');
}

/** The buttons PR1 asks for: the primary first, the others in a disclosure menu. */
function actions(profile, errors) {
  const rel = profile.relationship;
  const primary = button(profile, profile.actions.primary, errors, true);
  const more = profile.actions.more.filter((a) => a !== profile.actions.primary)
    .map((a) => button(profile, a, errors, false));
  if (rel?.followedBy && !rel.connected) more.push(act('Remove follower', errors, async () => {
    if (!await confirmDialog(`Remove ${profile.name} as a follower?`,
      'They will no longer follow you. They are not told and may follow you again.', 'Remove follower')) return false;
    await api.del(`/v1/me/followers/${enc(profile.handle)}`);
    return `${profile.name} no longer follows you.`;
  }));
  const shown = more.filter(Boolean);
  if (!shown.length) return [primary];
  const menuId = `more-${profile.handle}`;
  const menu = h('ul', { id: menuId, class: 'menu', hidden: true }, shown.map((b) => h('li', {}, b)));
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': menuId, class: 'more' }, 'More');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    menu.hidden = !open;
    if (open) menu.querySelector('button, a')?.focus();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { menu.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus(); }
  });
  return [primary, h('div', { class: 'more-wrap' }, toggle, menu)];
}

/** A button that runs a change, says what happened, and shows the profile again. */
function act(label, errors, run, attrs = {}) {
  return h('button', { type: 'button', ...attrs, onclick: async (event) => {
    event.currentTarget.disabled = true;
    const target = event.currentTarget;
    try {
      const said = await run();
      if (said === false) { target.disabled = false; return; }
      if (typeof said === 'string') announce(said);
      await refresh();
    } catch (error) {
      target.disabled = false;
      fill(errors, alertBox(error.message));
    }
  } }, label);
}

function button(profile, action, errors, primary) {
  const h_ = enc(profile.handle);
  const cls = primary ? { class: 'primary' } : {};
  const rel = profile.relationship;
  switch (action) {
    case 'edit': return h('a', { href: '/settings', class: primary ? 'button primary' : 'button' }, 'Edit profile');
    case 'follow': return act('Follow', errors, async () => {
      await api.put(`/v1/me/following/${h_}`);
      return `You follow ${profile.name}.`;
    }, cls);
    case 'unfollow': return act('Unfollow', errors, async () => {
      await api.del(`/v1/me/following/${h_}`);
      return `You no longer follow ${profile.name}.`;
    }, cls);
    case 'connect': return act('Connect', errors, async () => (await inviteDialog(profile)) ? true : false, cls);
    case 'pending': return act('Pending', errors, async () => {
      if (!await confirmDialog('Withdraw your invitation?', `If you withdraw it, you can invite ${profile.name} `
        + 'again only after 3 weeks.', 'Withdraw')) return false;
      await api.post(`/v1/invitations/${rel.invitation.id}/withdraw`);
      return 'Invitation withdrawn.';
    }, { ...cls, 'aria-label': 'Pending: withdraw your invitation' });
    case 'accept': return act('Accept invitation', errors, async () => {
      await api.post(`/v1/invitations/${rel.invitation.id}/accept`);
      return `You and ${profile.name} are now connected.`;
    }, cls);
    case 'remove-connection': return act('Remove connection', errors, async () => {
      if (!await confirmDialog(`Remove ${profile.name} from your connections?`,
        'You will also stop following each other. They are not told.', 'Remove connection')) return false;
      await api.del(`/v1/me/connections/${h_}`);
      return `${profile.name} is no longer a connection.`;
    }, cls);
    case 'block': return h('button', { type: 'button', ...cls, onclick: async () => {
      if (!await confirmDialog(`Block ${profile.name}?`, 'You will no longer see each other anywhere: '
        + 'your connection, follows and invitations between you end. They are not told.', 'Block')) return;
      try {
        await api.put(`/v1/me/blocks/${h_}`);
        announce(`You blocked ${profile.name}.`);
        await go('/mynetwork/connections');
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, 'Block');
    case 'message': return h('a', { href: `/messaging?to=${h_}`, class: primary ? 'button primary' : 'button' }, 'Message');
    default: return null;
  }
}

async function connectionsSection(profile) {
  let page;
  try {
    page = await api.get(`/v1/members/${enc(profile.handle)}/connections?limit=20`);
  } catch (error) {
    return h('section', { class: 'card', 'aria-labelledby': 'connections-title' },
      h('h2', { id: 'connections-title' }, 'Connections'), h('p', {}, error.message));
  }
  const title = profile.self ? 'Your connections' : `${profile.name}'s connections`;
  return h('section', { class: 'card', 'aria-labelledby': 'connections-title' },
    h('h2', { id: 'connections-title' }, title),
    page.items.length === 0
      ? h('p', {}, profile.self || profile.connectionCount === 0 ? 'No connections yet.' : 'No connections to show you.')
      : h('ul', { class: 'people' }, page.items.map((m) => h('li', {}, memberLink(m)))));
}
