// The account (A1, A2): the password, personal API tokens for scripts, and sign-up invite links
// where the server lets members make them. Secrets the server shows once are shown in a dialog
// with a copy button (dom.js), and never kept by the app.
import { api } from './api.js';
import { h, announce, heading, when, showOnce, actionForm } from './dom.js';
import { session } from './shell.js';
import { tokensSection } from './tokens.js';

function passwordSection() {
  return h('section', { class: 'card', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, 'Password'),
    actionForm({ 'aria-labelledby': 'password-title' }, [
      h('label', { for: 'current-password' }, 'Current password'),
      h('input', { id: 'current-password', name: 'current', type: 'password', required: true,
        autocomplete: 'current-password' }),
      h('label', { for: 'new-password' }, 'New password'),
      h('input', { id: 'new-password', name: 'new', type: 'password', required: true, minlength: 8,
        autocomplete: 'new-password', 'aria-describedby': 'new-password-hint' }),
      h('p', { id: 'new-password-hint', class: 'hint' },
        '8 characters or more. Changing it signs you out everywhere else; you stay signed in here.'),
    ], 'Change password', async (data, form) => {
      await api.put('/v1/me/password', { current: data.get('current'), new: data.get('new') });
      form.reset();
      announce('Password changed. Every other session has ended.');
    }));
}

function invitesSection() {
  const made = h('ul', { class: 'people' });
  return h('section', { class: 'card', 'aria-labelledby': 'invites-title' },
    h('h2', { id: 'invites-title' }, 'Invite people'),
    h('p', { class: 'hint' }, 'An invite link lets one person create an account. It is shown once; copy it and send it to them.'),
    actionForm({ 'aria-labelledby': 'invites-title' }, [], 'Create invite link', async () => {
      const invite = await api.post('/v1/me/invites', {});
      const link = `${location.origin}/signup?invite=${encodeURIComponent(invite.code)}`;
      made.append(h('li', {}, `An invite link made now, good until ${when(invite.expiresAt)}.`));
      showOnce('Your invite link', `Good for one sign-up until ${when(invite.expiresAt)}. It is not shown again.`,
        link, 'Invite link');
    }),
    made);
}

export async function accountPage() {
  const tokens = await tokensSection();
  return [heading('Account'),
    h('p', {}, 'Signed in as ', h('strong', {}, session.me.name), ` (@${session.me.handle}).`),
    passwordSection(), tokens, session.mayInvite ? invitesSection() : null];
}
