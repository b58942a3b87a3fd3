// Settings (M3): name and headline, who can follow and invite, who sees connections and follows,
// and Creator Mode, saved together.
import { api } from './api.js';
import { h, fill, announce, alertBox, heading } from './dom.js';
import { session, refresh } from './shell.js';

function choice(name, legend, value, options) {
  return h('fieldset', {}, h('legend', {}, legend), options.map(([option, label]) => h('label', { class: 'option' },
    h('input', { type: 'radio', name, value: option, checked: option === value }), ` ${label}`)));
}

export async function settingsPage() {
  const me = await api.get('/v1/me');
  const s = me.settings;
  const errors = h('div');
  const form = h('form', { class: 'card settings', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, 'Profile'),
    h('label', { for: 'name' }, 'Name'), h('input', { id: 'name', name: 'name', value: me.name, required: true, autocomplete: 'name' }),
    h('label', { for: 'headline' }, 'Headline'), h('input', { id: 'headline', name: 'headline', value: me.headline ?? '' }),
    h('h2', {}, 'Privacy and who can reach you'),
    h('label', { class: 'option' }, h('input', { type: 'checkbox', name: 'followPrimary', checked: s.followPrimary,
      'aria-describedby': 'creator-hint' }), ' Creator Mode'),
    h('p', { id: 'creator-hint', class: 'hint' }, 'Visitors see Follow as your main button, with Connect under More, and your follower count.'),
    choice('whoCanFollow', 'Who can follow you', s.whoCanFollow, [['everyone', 'Everyone'], ['connections', 'Only your connections']]),
    choice('whoCanInvite', 'Who can invite you to connect', s.whoCanInvite,
      [['everyone', 'Everyone'], ['email', 'Only people who know your email address'], ['nobody', 'Nobody']]),
    choice('connectionsVisibility', 'Who can see your connections', s.connectionsVisibility,
      [['connections', 'Your connections'], ['only-me', 'Only you (others see only connections you share)']]),
    choice('followsVisibility', 'Who can see your followers and whom you follow', s.followsVisibility,
      [['connections', 'Your connections'], ['only-me', 'Only you']]),
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const updated = await api.patch('/v1/me', {
        name: data.get('name'), headline: data.get('headline'),
        settings: {
          followPrimary: data.get('followPrimary') !== null,
          whoCanFollow: data.get('whoCanFollow'), whoCanInvite: data.get('whoCanInvite'),
          connectionsVisibility: data.get('connectionsVisibility'), followsVisibility: data.get('followsVisibility'),
        },
      });
      session.me = { ...session.me, name: updated.name };
      announce('Settings saved.');
      await refresh();
    } catch (error) {
      fill(errors, alertBox(error.message));
    }
  });
  return [heading('Settings'), form];
}
