// Sign-in, sign-up and sign-out, on the accounts API: the server sets the session cookie and
// answers with the member and the CSRF token every later change carries.
import { api } from './api.js';
import { h, fill, alertBox, heading } from './dom.js';
import { signedIn } from './shell.js';

function field(id, label, attrs) {
  return [h('label', { for: id }, label), h('input', { id, name: id, required: true, ...attrs })];
}

function accountForm(title, fields, submitLabel, submit, footer) {
  const errors = h('div');
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: 'card account', 'aria-labelledby': 'page-title' }, fields, errors,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await submit(Object.fromEntries(new FormData(form)));
    } catch (error) {
      fill(errors, alertBox(error.message));
      button.disabled = false;
    }
  });
  return [heading(title), form, h('p', {}, footer)];
}

export function signInPage() {
  return accountForm('Sign in', [
    field('email', 'Email', { type: 'email', autocomplete: 'username' }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password' }),
  ], 'Sign in', async ({ email, password }) => {
    await signedIn(await api.post('/v1/sessions', { email, password }));
  }, ['New here? ', h('a', { href: '/signup' }, 'Create an account'), '.']);
}

export function signUpPage() {
  const invite = new URLSearchParams(location.search).get('invite');
  return accountForm('Create your account', [
    field('name', 'Name', { autocomplete: 'name' }),
    field('handle', 'Handle', { autocomplete: 'username', pattern: '[a-z0-9\\-]{3,40}', 'aria-describedby': 'handle-hint' }),
    h('p', { id: 'handle-hint', class: 'hint' }, '3 to 40 lowercase letters, digits and dashes; it cannot change later.'),
    h('label', { for: 'headline' }, 'Headline (optional)'), h('input', { id: 'headline', name: 'headline' }),
    field('email', 'Email', { type: 'email', autocomplete: 'email' }),
    field('password', 'Password', { type: 'password', autocomplete: 'new-password', minlength: 8,
      'aria-describedby': 'password-hint' }),
    h('p', { id: 'password-hint', class: 'hint' }, '8 characters or more.'),
    invite ? h('p', { class: 'hint' }, 'You are signing up with an invite link.') : null,
  ], 'Create account', async (values) => {
    const body = { email: values.email, password: values.password, handle: values.handle, name: values.name };
    if (values.headline?.trim()) body.headline = values.headline.trim();
    if (invite) body.invite = invite;
    // Sign-up starts the session itself: its answer is the same as sign-in's.
    await signedIn(await api.post('/v1/accounts', body));
  }, ['Already have an account? ', h('a', { href: '/signin' }, 'Sign in'), '.']);
}
