// The app's entry: which page answers which address. The shell (shell.js) does the rest.
import { start } from './shell.js';
import { profilePage } from './profile.js';
import { networkPage } from './network.js';
import { notificationsPage } from './notifications.js';
import { limitsPage } from './limits.js';
import { settingsPage } from './settings.js';
import { searchPage } from './search.js';
import { signInPage, signUpPage } from './account.js';
import { accountPage } from './account-page.js';
import { companyPage } from './company.js';
import { companiesPage } from './companies.js';
import { feedPage } from './feed.js';
import { messagingPage } from './messaging.js';
import { outreachPage } from './outreach.js';

const ROUTES = [
  [/^\/feed$/, () => feedPage(new URLSearchParams(location.search).get('order') ?? 'recent')],
  [/^\/in\/([a-z0-9-]+)$/, (m) => profilePage(m[1])],
  [/^\/mynetwork(?:\/([a-z]+))?$/, (m) => networkPage(m[1] ?? 'invitations')],
  [/^\/notifications$/, () => notificationsPage()],
  [/^\/messaging(?:\/([0-9]+))?$/, (m) => messagingPage(m[1] ?? null,
    /^[a-z0-9-]+$/.exec(new URLSearchParams(location.search).get('to') ?? '')?.[0] ?? null)],
  [/^\/outreach$/, () => outreachPage()],
  [/^\/limits$/, () => limitsPage()],
  [/^\/settings$/, () => settingsPage()],
  [/^\/account$/, () => accountPage()],
  [/^\/company\/([a-z0-9-]+)$/, (m) => companyPage(m[1])],
  [/^\/companies$/, () => companiesPage()],
  [/^\/search$/, () => searchPage(new URLSearchParams(location.search).get('q') ?? '')],
];
const PUBLIC = [
  [/^\/signin$/, () => signInPage()],
  [/^\/signup$/, () => signUpPage()],
];

await start(ROUTES, PUBLIC);
