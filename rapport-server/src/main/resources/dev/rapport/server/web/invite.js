// The invitation dialog (C1, C8, C9): an optional note with its length against the tier's maximum and
// the notes left this month, and the member's email when they accept invitations only with it.
import { api } from './api.js';
import { h, fill, alertBox, announce } from './dom.js';

let counter = 0;

/**
 * Opens the dialog to invite a member; resolves true when an invitation went out (or connected at
 * once, C4), false when closed. Focus returns to the control that opened it.
 */
export async function inviteDialog(member) {
  const limits = await api.get('/v1/me/limits');
  const max = limits.noteMaxLength;
  const notes = limits.monthlyNotes;
  const notesLeft = notes.limit === null || notes.limit === undefined ? null : Math.max(0, notes.limit - notes.used);
  const id = `invite-${++counter}`;
  const opener = document.activeElement;

  const note = h('textarea', { id: `${id}-note`, name: 'note', rows: 4, maxlength: max,
    'aria-describedby': `${id}-count ${id}-left`, disabled: notesLeft === 0 });
  const count = h('span', { id: `${id}-count`, 'aria-live': 'polite' }, `0 of ${max} characters`);
  note.addEventListener('input', () => { count.textContent = `${note.value.length} of ${max} characters`; });
  const left = h('p', { id: `${id}-left`, class: 'hint' }, notesLeft === null
    ? 'Your plan has unlimited personalised notes.'
    : notesLeft === 0
      ? 'You have used all your personalised notes this month; you can still invite without a note.'
      : `${notesLeft} of ${notes.limit} personalised notes left this month.`);
  const emailField = h('p', { hidden: true }, h('label', { for: `${id}-email` }, 'Their email address'),
    h('input', { id: `${id}-email`, name: 'email', type: 'email', autocomplete: 'off' }));
  const errors = h('div');
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send invitation');

  const dialog = h('dialog', { 'aria-labelledby': `${id}-title`, class: 'dialog' },
    h('form', { method: 'dialog' },
      h('h2', { id: `${id}-title` }, `Invite ${member.name} to connect`),
      h('p', {}, 'Connecting lets you message each other and see each other\'s connections. A note is optional.'),
      h('label', { for: `${id}-note` }, 'Add a note (optional)'), note, h('p', { class: 'hint' }, count), left,
      emailField, errors,
      h('div', { class: 'actions' }, send,
        h('button', { type: 'button', value: 'cancel', onclick: () => dialog.close() }, 'Cancel'))));
  document.body.append(dialog);

  return new Promise((resolve) => {
    let sent = false;
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus?.();
      resolve(sent);
    });
    dialog.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      send.disabled = true;
      const body = { to: member.handle };
      if (note.value.trim()) body.note = note.value;
      const email = emailField.querySelector('input');
      if (!emailField.hidden && email.value.trim()) body.email = email.value.trim();
      try {
        const outcome = await api.post('/v1/invitations', body);
        sent = true;
        announce(outcome.connected ? `You and ${member.name} are now connected.` : `Invitation sent to ${member.name}.`);
        dialog.close();
      } catch (error) {
        if (error.slug === 'email-required') {
          emailField.hidden = false;
          email.focus();
        }
        fill(errors, alertBox(error.message));
        send.disabled = false;
      }
    });
    dialog.showModal();
    note.disabled ? send.focus() : note.focus();
  });
}
