// Personal API tokens (A2): each listed by name with when it was made and when it ends, made with
// its secret shown once, and revoked at once after a question.
import { api } from './api.js';
import { h, fill, announce, alertBox, day, confirmDialog, showOnce, actionForm } from './dom.js';

const LIFETIMES = [[30, '30 days'], [90, '90 days'], [365, 'One year']];

function tokenRow(token, list, errors) {
  const name = token.name ?? 'Issued by the administrator';
  const revoke = h('button', { type: 'button', 'aria-label': `Revoke ${name}` }, 'Revoke');
  revoke.addEventListener('click', async () => {
    if (!await confirmDialog('Revoke this token?', `Scripts using “${name}” stop working at once.`, 'Revoke')) return;
    try {
      await api.del(`/v1/me/tokens/${encodeURIComponent(token.id)}`);
      announce(`Token “${name}” revoked.`);
      await drawTokens(list, errors);
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  });
  return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, day(token.createdAt)), h('td', {}, day(token.expiresAt)),
    h('td', {}, revoke));
}

async function drawTokens(list, errors) {
  const page = await api.get('/v1/me/tokens');
  if (page.items.length === 0) {
    fill(list, h('p', {}, 'You have no API tokens.'));
    return;
  }
  fill(list, h('div', { class: 'scroll' }, h('table', { class: 'tokens' },
    h('caption', { class: 'visually-hidden' }, 'Your API tokens'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Created'),
      h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Action')))),
    h('tbody', {}, page.items.map((token) => tokenRow(token, list, errors))))));
}

/** The tokens section of the account page, with its list read already. */
export async function tokensSection() {
  const list = h('div');
  const errors = h('div');
  await drawTokens(list, errors);
  const form = actionForm({ class: 'new-token', 'aria-labelledby': 'new-token-title' }, [
    h('h3', { id: 'new-token-title' }, 'New token'),
    h('label', { for: 'token-name' }, 'Name'),
    h('input', { id: 'token-name', name: 'name', required: true, maxlength: 100, 'aria-describedby': 'token-name-hint' }),
    h('label', { for: 'token-days' }, 'Expires after'),
    h('select', { id: 'token-days', name: 'expiresInDays' },
      LIFETIMES.map(([days, label]) => h('option', { value: days, selected: days === 90 }, label))),
    h('p', { id: 'token-name-hint', class: 'hint' }, 'What the token is for, like “weekly export”.'),
  ], 'Create token', async (data, formNode) => {
    const created = await api.post('/v1/me/tokens', { name: data.get('name'), expiresInDays: Number(data.get('expiresInDays')) });
    formNode.reset();
    await drawTokens(list, errors);
    showOnce('Your new token', 'Send it as “Authorization: Bearer …”. Copy it now: it is not shown again.',
      created.token, `Token “${created.name}”`);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'tokens-title' },
    h('h2', { id: 'tokens-title' }, 'API tokens'),
    h('p', { class: 'hint' }, 'Tokens let your own scripts use the API as you. Anyone holding one can act as you until it expires or you revoke it.'),
    errors, list, form);
}
