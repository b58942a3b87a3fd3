// A company page (CP1): its follower count as the main figure, Follow or Unfollow, its posts, and
// for its admins the page's details, who runs it and a composer that posts as the page.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, plural, memberLink, confirmDialog, heading, actionForm } from './dom.js';
import { refresh, session, go } from './shell.js';
import { postsSection } from './posts.js';

export async function companyPage(handle) {
  let page;
  try {
    page = await api.get(`/v1/companies/${enc(handle)}`);
  } catch (error) {
    if (error.status === 404) {
      return [heading('Page not found'), h('p', {}, 'There is no company page with this handle. ',
        h('a', { href: '/companies' }, 'See your pages'), '.')];
    }
    throw error;
  }
  const errors = h('div', { class: 'errors' });
  const follow = h('button', { type: 'button', class: page.following ? '' : 'primary', onclick: async (event) => {
    event.currentTarget.disabled = true;
    try {
      if (page.following) await api.del(`/v1/me/following/${enc(page.handle)}`);
      else await api.put(`/v1/me/following/${enc(page.handle)}`);
      announce(page.following ? `You no longer follow ${page.name}.` : `You follow ${page.name}.`);
      await refresh();
    } catch (error) {
      event.target.disabled = false;
      fill(errors, alertBox(error.message));
    }
  } }, page.following ? 'Unfollow' : 'Follow');
  return [
    h('section', { class: 'card profile company', 'aria-labelledby': 'page-title' },
      h('div', { class: 'avatar square', 'aria-hidden': 'true' }, page.name.slice(0, 1).toUpperCase()),
      heading(page.name),
      page.headline ? h('p', { class: 'headline' }, page.headline) : null,
      h('p', { class: 'figure' }, h('strong', {}, page.followerCount.toLocaleString('en')),
        ` ${page.followerCount === 1 ? 'follower' : 'followers'}`),
      h('p', { class: 'meta' }, h('span', { class: 'badge' }, 'Company page'), ' ', `@${page.handle}`,
        page.isAdmin ? ' · You are an admin' : ''),
      h('div', { class: 'actions' }, follow),
      errors),
    page.isAdmin ? detailsSection(page) : null,
    page.isAdmin ? adminsSection(page) : null,
    // Only admins post as the page (CP1); the server refuses anyone else with not-page-admin.
    await postsSection(page.handle, { title: `${page.name}'s posts`,
      composerUrl: page.isAdmin ? `/v1/companies/${enc(page.handle)}/posts` : null,
      composerLabel: `Start a post as ${page.name}`, choose: false }),
  ];
}

function detailsSection(page) {
  return h('section', { class: 'card', 'aria-labelledby': 'details-title' },
    h('h2', { id: 'details-title' }, 'Edit page'),
    actionForm({ class: 'settings' }, [
      h('label', { for: 'page-name' }, 'Page name'),
      h('input', { id: 'page-name', name: 'name', value: page.name, required: true }),
      h('label', { for: 'page-headline' }, 'Page headline'),
      h('input', { id: 'page-headline', name: 'headline', value: page.headline }),
    ], 'Save page', async (data) => {
      await api.patch(`/v1/companies/${enc(page.handle)}`, { name: data.get('name'), headline: data.get('headline') });
      announce('Page saved.');
      await refresh();
    }));
}

function adminsSection(page) {
  const errors = h('div');
  const items = page.admins.map((admin) => h('li', { class: 'row' }, memberLink(admin),
    h('button', { type: 'button', 'aria-label': `Remove ${admin.name} as admin`, onclick: async () => {
      const self = admin.handle === session.me?.handle;
      if (!await confirmDialog(self ? 'Stop being an admin?' : `Remove ${admin.name} as admin?`,
        self ? 'You will no longer be able to edit this page or change its admins.'
          : 'They will no longer be able to edit this page or change its admins.', 'Remove admin')) return;
      try {
        await api.del(`/v1/companies/${enc(page.handle)}/admins/${enc(admin.handle)}`);
        announce(`${admin.name} is no longer an admin.`);
        await (self ? go('/companies') : refresh());
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, 'Remove')));
  return h('section', { class: 'card', 'aria-labelledby': 'admins-title' },
    h('h2', { id: 'admins-title' }, `Admins (${page.admins.length})`),
    h('ul', { class: 'people' }, items), errors,
    actionForm({ class: 'inline' }, [
      h('label', { for: 'new-admin' }, 'Add an admin by handle'),
      h('input', { id: 'new-admin', name: 'admin', required: true, autocomplete: 'off', spellcheck: 'false' }),
    ], 'Add admin', async (data) => {
      const handle = String(data.get('admin')).trim().replace(/^@/, '');
      await api.put(`/v1/companies/${enc(page.handle)}/admins/${enc(handle)}`);
      announce(`@${handle} is now an admin.`);
      await refresh();
    }));
}
