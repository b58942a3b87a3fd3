// The app's shell: who is signed in, the main navigation with the unread badge, and the client-side
// router that shows a page for each address the server answers with this page. Pages import it;
// it knows them only through the tables app.js gives start(), so no module imports its importer.
import { api, setCsrfToken } from './api.js';
import { h, fill, announce } from './dom.js';
import { startLive, stopLive, onLive } from './live.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

/** The signed-in member ({handle, name, ...}) or null, and whether they may make invite links. */
export const session = { me: null, mayInvite: false };

/** Remembers on this browser that a session was started, so a signed-out visit makes no call bound to fail. */
const HINT = 'rapport.session';

/** Finds who is signed in from the session cookie, which scripts cannot read: the server answers. */
async function whoAmI() {
  if (localStorage.getItem(HINT) === null) return null;
  try {
    const current = await api.get('/v1/sessions/current');
    setCsrfToken(current.csrfToken);
    session.mayInvite = current.mayInvite;
    return current.member;
  } catch {
    localStorage.removeItem(HINT);
    return null;
  }
}

/** Where to go after signing in: a path of this app only, never another site. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/feed';
}

/** Takes the session the server just started (sign-in or sign-up) and shows where the person was going. */
export async function signedIn(started) {
  session.me = started.member;
  session.mayInvite = started.mayInvite;
  localStorage.setItem(HINT, '1');
  setCsrfToken(started.csrfToken);
  await go(nextPage(), true);
}

export function signedOut() {
  session.me = null;
  session.mayInvite = false;
  localStorage.removeItem(HINT);
  setCsrfToken(null);
  stopLive();
  go('/signin', true);
}

function navLink(href, label, extra) {
  const current = location.pathname === href || location.pathname.startsWith(href + '/');
  return h('a', { href, 'aria-current': current ? 'page' : null }, label, extra);
}

async function drawNav() {
  if (!session.me) {
    fill(nav, h('ul', {}, h('li', {}, navLink('/signin', 'Sign in')), h('li', {}, navLink('/signup', 'Sign up'))));
    return;
  }
  const badge = h('span', { class: 'count', hidden: true });
  fill(nav, h('ul', {},
    h('li', {}, navLink('/feed', 'Home')),
    h('li', {}, navLink('/mynetwork', 'My Network')),
    h('li', {}, navLink('/messaging', 'Messaging')),
    h('li', {}, navLink('/notifications', 'Notifications', badge)),
    h('li', {}, navLink('/search', 'Search')),
    h('li', {}, navLink(`/in/${session.me.handle}`, 'Me')),
    h('li', {}, navLink('/companies', 'Pages')),
    h('li', {}, navLink('/outreach', 'Outreach')),
    h('li', {}, navLink('/limits', 'Limits')),
    h('li', {}, navLink('/settings', 'Settings')),
    h('li', {}, navLink('/account', 'Account')),
    h('li', {}, h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'))));
  startLive();
  await refreshUnread(badge);
}

// The badge follows the stream: a new notification or one read elsewhere reads the count again.
onLive('notification', null, () => refreshUnread());
onLive('notifications-read', null, () => refreshUnread());

/** The unread count beside Notifications, read again on every page. */
export async function refreshUnread(badge = nav.querySelector('.count')) {
  if (!badge || !session.me) return;
  try {
    const page = await api.get('/v1/me/notifications?limit=1');
    badge.hidden = page.unread === 0;
    fill(badge, h('span', { class: 'visually-hidden' }, ', '), String(page.unread),
      h('span', { class: 'visually-hidden' }, ' unread'));
  } catch {
    badge.hidden = true;
  }
}

async function render() {
  const path = location.pathname;
  const publicRoute = pages.public.find(([pattern]) => pattern.test(path));
  if (!session.me && !publicRoute) {
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + location.search)}`;
    history.replaceState(null, '', `/signin${next}`);
    return render();
  }
  // The feed is the home page after signing in, as on LinkedIn.
  if (path === '/' || (session.me && publicRoute)) {
    history.replaceState(null, '', '/feed');
    return render();
  }
  const route = (publicRoute ? pages.public : pages.signedIn).find(([pattern]) => pattern.test(path));
  await drawNav();
  let content;
  try {
    content = route ? await route[1](path.match(route[0])) : notFound();
  } catch (error) {
    content = [h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', { role: 'alert' }, error.message)];
  }
  fill(main, content);
  const title = main.querySelector('h1');
  document.title = title ? `${title.textContent} · Rapport` : 'Rapport';
  title?.focus();
}

function notFound() {
  return [h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, 'There is no page at this address. ',
    h('a', { href: '/feed' }, 'Go to your feed'), '.')];
}

/** Shows the page at this address, as a link would. */
export async function go(href, replace = false) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  await render();
}

/** Shows the current page again, after a change. */
export const refresh = () => render();

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
    || link.origin !== location.origin || link.pathname.startsWith('/v1/') || link.hasAttribute('download')) return;
  if (link.getAttribute('href').startsWith('#')) return;
  event.preventDefault();
  go(link.pathname + link.search);
});
window.addEventListener('popstate', render);
window.addEventListener('rapport:signed-out', () => {
  if (session.me) {
    session.me = null;
    localStorage.removeItem(HINT);
    stopLive();
    announce('Your session has ended. Please sign in again.');
    go(`/signin?next=${encodeURIComponent(location.pathname)}`, true);
  }
});

/** The pages by address, given once by the entry module: signed-in pages and public ones. */
const pages = { signedIn: [], public: [] };

/** Signs out on the server, then shows the sign-in page whatever the answer. */
export async function signOut() {
  try {
    await api.del('/v1/sessions/current');
  } finally {
    signedOut();
  }
}

/** Finds who is signed in and shows the page at this address, among the pages given. */
export async function start(signedInPages, publicPages) {
  pages.signedIn = signedInPages;
  pages.public = publicPages;
  session.me = await whoAmI();
  document.body.classList.add('ready');
  await render();
}
