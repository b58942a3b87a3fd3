// Builds DOM nodes from data without ever parsing text as HTML, so names and notes cannot inject markup.

/** h('a', {href: '/x', onclick: fn}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside the node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Says something to screen readers and shows it briefly. */
export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = text;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "12 Mar 2026, 09:00" */
export function when(iso) {
  return dateTime.format(new Date(iso));
}

export function day(iso) {
  return date.format(new Date(iso));
}

export function plural(count, one, many = one + 's') {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "1st", "2nd", "3rd" or "Out of network" for a degree of N1. */
export function degreeText(degree) {
  return ({ 1: '1st', 2: '2nd', 3: '3rd' })[degree] ?? 'Out of network';
}

export function degreeBadge(degree) {
  const text = degreeText(degree);
  return h('span', { class: 'badge', title: degree ? `${text}-degree connection` : text },
    degree ? h('span', { class: 'visually-hidden' }, 'Degree: ') : null, text);
}

/** A link to a member's profile with their name, and their headline below. */
export function memberLink(member) {
  return h('span', { class: 'who' },
    h('a', { href: `/in/${member.handle}` }, member.name ?? member.handle),
    member.headline ? h('span', { class: 'headline' }, member.headline) : null);
}

/** An error box that screen readers announce at once. */
export function alertBox(text) {
  return h('p', { class: 'error', role: 'alert' }, text);
}

/** A page heading that takes focus when the page is shown, so screen readers start there. */
export function heading(text) {
  return h('h1', { tabindex: '-1', id: 'page-title' }, text);
}

/**
 * Asks a yes-or-no question in a modal dialog; resolves true for yes. Focus starts on the safe
 * answer and returns to the control that asked.
 */
export function confirmDialog(title, text, yes) {
  const opener = document.activeElement;
  return new Promise((resolve) => {
    let answer = false;
    const no = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, title), h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', onclick: () => { answer = true; dialog.close(); } }, yes), no));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** Copies the text, through the clipboard API where the page may use it, else from the selected field. */
async function copy(field) {
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    field.select();
    document.execCommand('copy');
  }
  announce('Copied.');
}

/**
 * Shows a secret the server answers once (a token, an invite link) with a copy button; focus
 * starts on the field and returns to the control that asked when the dialog closes.
 */
export function showOnce(title, text, value, label) {
  const opener = document.activeElement;
  const field = h('input', { id: 'secret-value', readonly: true, value, class: 'secret', spellcheck: 'false' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'secret-title', 'aria-describedby': 'secret-text' },
    h('h2', { id: 'secret-title' }, title), h('p', { id: 'secret-text' }, text),
    h('label', { for: 'secret-value' }, label), field,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => copy(field) }, 'Copy'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Done')));
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  field.focus();
  field.select();
}

/** A form whose submit runs the action, shows its refusal as a sentence, and keeps the button busy meanwhile. */
export function actionForm(attrs, children, submitLabel, action) {
  const errors = h('div');
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', attrs, children, errors, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    fill(errors);
    try {
      await action(new FormData(form), form);
    } catch (error) {
      fill(errors, alertBox(error.message));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A line of characters used against the limit, updated as the person types. */
export function characterCount(field, max, id) {
  const count = h('span', { id, class: 'hint count-line' });
  const update = () => {
    const used = field.value.length;
    count.textContent = `${used.toLocaleString('en')} of ${max.toLocaleString('en')} characters`;
    count.classList.toggle('over', used > max);
  };
  field.addEventListener('input', update);
  update();
  return count;
}
