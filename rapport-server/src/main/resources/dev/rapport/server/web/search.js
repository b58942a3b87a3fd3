// Member search by handle and name; the server leaves out members blocked either way (B2).
import { api, enc } from './api.js';
import { h, fill, memberLink, degreeBadge, heading, alertBox } from './dom.js';
import { go } from './shell.js';

export async function searchPage(q) {
  const input = h('input', { id: 'q', name: 'q', type: 'search', value: q, required: true, maxlength: 100,
    autocomplete: 'off' });
  const form = h('form', { role: 'search', class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    go(`/search?q=${enc(input.value.trim())}`);
  } }, h('label', { for: 'q' }, 'Name or handle'), input, h('button', { type: 'submit', class: 'primary' }, 'Search'));
  const results = h('section', { class: 'card', 'aria-labelledby': 'results-title' });
  if (q.trim()) {
    try {
      const page = await api.get(`/v1/members?q=${enc(q.trim())}&limit=50`);
      const degrees = page.items.length
        ? (await api.post('/v1/me/degrees', { handles: page.items.map((m) => m.handle) })).degrees : {};
      fill(results, h('h2', { id: 'results-title' }, page.items.length
        ? `Members matching “${q.trim()}”` : `No member matches “${q.trim()}”`),
      h('ul', { class: 'people' }, page.items.map((m) => h('li', { class: 'row' }, memberLink(m),
        degrees[m.handle] !== undefined ? degreeBadge(degrees[m.handle]) : null))));
    } catch (error) {
      fill(results, h('h2', { id: 'results-title' }, 'Results'), alertBox(error.message));
    }
  }
  return [heading('Search members'), h('div', { class: 'card' }, form), q.trim() ? results : null];
}
