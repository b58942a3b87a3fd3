// What a profile shows of the member beyond the relationship: skills with their endorsements (E1)
// and recommendations (E2). The member edits their skills and answers recommendations here.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, plural, memberLink, confirmDialog, actionForm, day } from './dom.js';
import { refresh } from './shell.js';

/** E1: the skills in the member's order; connections endorse, the member edits the list. */
export async function skillsSection(profile) {
  const skills = (await api.get(`/v1/members/${enc(profile.handle)}/skills`)).items;
  const errors = h('div');
  const connected = profile.relationship?.connected === true;
  const items = skills.map((skill) => h('li', { class: 'skill' },
    h('div', {},
      h('strong', {}, skill.name),
      h('span', { class: 'meta' }, ` · ${plural(skill.endorsementCount, 'endorsement')}`),
      !profile.self && skill.endorsedByMyConnections > 0
        ? h('p', { class: 'hint' }, `${skill.endorsedByMyConnections} of your connections endorsed this`) : null,
      skill.firstEndorsers.length ? h('p', { class: 'hint' }, 'Endorsed by ',
        skill.firstEndorsers.map((m, i) => [i ? ', ' : '', h('a', { href: `/in/${m.handle}` }, m.name)])) : null),
    endorseButton(profile, skill, connected, errors)));
  return h('section', { class: 'card', 'aria-labelledby': 'skills-title' },
    h('h2', { id: 'skills-title' }, 'Skills'),
    skills.length ? h('ul', { class: 'people' }, items)
      : h('p', {}, profile.self ? 'List your skills below so that your connections can endorse them.' : 'No skills listed.'),
    errors,
    profile.self ? skillsEditor(skills) : null);
}

function endorseButton(profile, skill, connected, errors) {
  // E1: only 1st-degree connections endorse; one who is no longer connected may still take theirs back.
  if (profile.self || (!connected && !skill.endorsedByMe)) return null;
  const path = `/v1/members/${enc(profile.handle)}/endorsements`;
  return h('button', { type: 'button', class: skill.endorsedByMe ? '' : 'primary', 'aria-pressed': String(skill.endorsedByMe),
    'aria-label': `${skill.endorsedByMe ? 'Endorsed' : 'Endorse'} ${skill.name}`, onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        if (skill.endorsedByMe) await api.del(`${path}?skill=${enc(skill.name)}`);
        else await api.post(path, { skill: skill.name });
        announce(skill.endorsedByMe ? `You took back your endorsement of ${skill.name}.` : `You endorsed ${skill.name}.`);
        await refresh();
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, skill.endorsedByMe ? 'Endorsed' : 'Endorse');
}

function skillsEditor(skills) {
  return actionForm({ class: 'settings' }, [
    h('label', { for: 'skills-list' }, 'Your skills, one per line, in the order to show them'),
    h('textarea', { id: 'skills-list', name: 'skills', rows: Math.max(4, skills.length + 1), 'aria-describedby': 'skills-hint' },
      skills.map((s) => s.name).join('\n')),
    h('p', { id: 'skills-hint', class: 'hint' }, 'Up to 50 skills of up to 80 characters. A skill you remove loses its endorsements.'),
  ], 'Save skills', async (data) => {
    const list = String(data.get('skills')).split('\n').map((s) => s.trim()).filter(Boolean);
    await api.put('/v1/me/skills', { skills: list });
    announce('Skills saved.');
    await refresh();
  });
}

/** E2: shown recommendations for everyone; the member also answers pending ones and hides or shows them. */
export async function recommendationsSection(profile) {
  const received = (await api.get(`/v1/members/${enc(profile.handle)}/recommendations?limit=50`)).items;
  const errors = h('div');
  const byState = (state) => received.filter((r) => r.state === state);
  const shown = profile.self ? byState('shown') : received;
  const parts = [h('h2', { id: 'recommendations-title' }, 'Recommendations')];
  if (profile.self && byState('pending').length) {
    parts.push(h('h3', {}, 'Waiting for your approval'),
      list(byState('pending'), errors, [['Approve', 'approve', 'primary'], ['Decline', 'remove']]));
  }
  parts.push(shown.length ? list(shown, errors, profile.self ? [['Hide', 'hide'], ['Remove', 'remove']] : [])
    : h('p', {}, profile.self ? 'No recommendations shown on your profile.' : 'No recommendations yet.'));
  if (profile.self && byState('hidden').length) {
    parts.push(h('h3', {}, 'Hidden from your profile'),
      list(byState('hidden'), errors, [['Show', 'approve'], ['Remove', 'remove']]));
  }
  parts.push(errors);
  if (profile.relationship?.connected) parts.push(writeForm(profile));
  return h('section', { class: 'card', 'aria-labelledby': 'recommendations-title' }, parts);
}

function list(items, errors, actions) {
  return h('ul', { class: 'people recommendations' }, items.map((r) => h('li', {},
    memberLink(r.writer),
    h('p', { class: 'hint' }, [r.relationship, day(r.createdAt)].filter(Boolean).join(' · ')),
    h('blockquote', {}, r.text),
    actions.length ? h('div', { class: 'actions' }, actions.map(([label, verb, cls]) =>
      answer(r, label, verb, cls, errors))) : null)));
}

function answer(recommendation, label, verb, cls, errors) {
  const name = recommendation.writer.name;
  return h('button', { type: 'button', class: cls ?? null, 'aria-label': `${label} the recommendation from ${name}`,
    onclick: async () => {
      try {
        if (verb === 'remove') {
          if (!await confirmDialog(`${label} the recommendation from ${name}?`,
            'It is removed for good; they may write you another one.', label)) return;
          await api.del(`/v1/me/recommendations/${recommendation.id}`);
        } else {
          await api.post(`/v1/me/recommendations/${recommendation.id}/${verb}`);
        }
        announce(verb === 'approve' ? 'The recommendation is shown on your profile.'
          : verb === 'hide' ? 'The recommendation is hidden from your profile.' : 'The recommendation is removed.');
        await refresh();
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, label);
}

function writeForm(profile) {
  const form = actionForm({ id: 'recommend-form', class: 'settings', hidden: true }, [
    h('label', { for: 'recommendation-relationship' }, 'How you know each other (optional)'),
    h('input', { id: 'recommendation-relationship', name: 'relationship', maxlength: 100 }),
    h('label', { for: 'recommendation-text' }, 'Your recommendation'),
    h('textarea', { id: 'recommendation-text', name: 'text', rows: 5, required: true, maxlength: 3000,
      'aria-describedby': 'recommendation-hint' }),
    h('p', { id: 'recommendation-hint', class: 'hint' },
      `Up to 3,000 characters. ${profile.name} sees it first and decides whether to show it.`),
  ], 'Send recommendation', async (data) => {
    const relationship = String(data.get('relationship')).trim();
    await api.post(`/v1/members/${enc(profile.handle)}/recommendations`,
      relationship ? { text: data.get('text'), relationship } : { text: data.get('text') });
    announce(`Your recommendation is sent. ${profile.name} decides whether to show it.`);
    await refresh();
  });
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'recommend-form',
    onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input')?.focus();
    } }, `Recommend ${profile.name}`);
  return h('div', { class: 'write' }, toggle, form);
}
