// The pages the member runs (CP1), and the form to make a new one, whose maker is its first admin.
import { api } from './api.js';
import { h, heading, actionForm, announce } from './dom.js';
import { go } from './shell.js';

export async function companiesPage() {
  const mine = await api.get('/v1/me/companies?limit=200');
  return [
    heading('Your pages'),
    h('section', { class: 'card', 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title' }, `Pages you run (${mine.items.length})`),
      mine.items.length === 0 ? h('p', {}, 'You do not run a company page yet.')
        : h('ul', { class: 'people' }, mine.items.map((p) => h('li', {}, h('span', { class: 'who' },
          h('a', { href: `/company/${p.handle}` }, p.name), p.headline ? h('span', { class: 'headline' }, p.headline)
            : null))))),
    h('section', { class: 'card', 'aria-labelledby': 'create-title' },
      h('h2', { id: 'create-title' }, 'Create a page'),
      h('p', { class: 'hint' }, 'People follow a company page; nobody connects with it. You will be its first admin.'),
      actionForm({ class: 'settings' }, [
        h('label', { for: 'company-name' }, 'Company name'),
        h('input', { id: 'company-name', name: 'name', required: true, maxlength: 100 }),
        h('label', { for: 'company-handle' }, 'Page handle'),
        h('input', { id: 'company-handle', name: 'handle', required: true, maxlength: 40, spellcheck: 'false',
          autocomplete: 'off', 'aria-describedby': 'company-handle-hint' }),
        h('p', { id: 'company-handle-hint', class: 'hint' }, '3 to 40 lowercase letters, digits and dashes; it never changes.'),
        h('label', { for: 'company-headline' }, 'Headline (optional)'),
        h('input', { id: 'company-headline', name: 'headline', maxlength: 220 }),
      ], 'Create page', async (data) => {
        const page = await api.post('/v1/companies', { handle: String(data.get('handle')).trim(),
          name: data.get('name'), headline: data.get('headline') });
        announce(`${page.name} is created. You are its admin.`);
        await go(`/company/${page.handle}`);
      })),
  ];
}
