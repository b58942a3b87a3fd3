// A conversation's thread (MS1-MS4): its messages oldest at the top and paged back, the read receipt
// shown as LinkedIn does ("Seen" under the newest of one's messages the other member read), the
// request's answer, and the composer with the cost of sending before one sends (MS2) and typing
// sent while one types (docs/decisions/0038-one-live-stream-for-the-web-app.md).
import { api, enc } from './api.js';
import { sentence } from './problems.js';
import { h, fill, announce, alertBox, when, characterCount } from './dom.js';
import { session } from './shell.js';
import { onLive } from './live.js';

export const MESSAGE_MAX = 8000;
/** One typing call at most this often while the member types; the other side shows it for TYPING_SHOWN. */
const TYPING_EVERY = 3000;
const TYPING_SHOWN = 6000;

const messageItem = (m) => h('li', { class: m.senderIsMe ? 'message mine' : 'message theirs', 'data-id': m.id },
  h('p', { class: 'text' }, m.text), h('span', { class: 'hint' }, when(m.sentAt)));

/** What sending would cost, from the message terms, as a sentence; null when it is simply free. */
function costLine(terms, name) {
  if (!terms.allowed) return sentence(403, terms.refusal);
  return {
    'reply-to-request': `Replying accepts ${name}'s message request.`,
    'open-profile': `Free: ${name} has an Open Profile. ${name} gets it as a message request.`,
    inmail: `Sending uses 1 InMail credit (you have ${terms.inMailCredits}). ${name} gets it as a message request.`,
  }[terms.access] ?? null;
}

/**
 * The composer: a message to {@code member}, in the conversation {@code conversationId} when there
 * is one. It reads the terms first and says the cost or the refusal; onSent(sent) gets the API's answer.
 */
export async function composer(member, conversationId, onSent) {
  const terms = await api.get(`/v1/members/${enc(member.handle)}/message-terms`);
  const errors = h('div');
  const field = h('textarea', { id: 'message-text', name: 'text', rows: 3, disabled: !terms.allowed,
    'aria-describedby': 'message-count message-cost' });
  const send = h('button', { type: 'submit', class: 'primary', disabled: !terms.allowed }, 'Send');
  const cost = costLine(terms, member.name);
  const form = h('form', { class: 'message-composer', 'aria-label': `Message ${member.name}` },
    h('label', { for: 'message-text' }, 'Write a message'), field, characterCount(field, MESSAGE_MAX, 'message-count'),
    h('p', { id: 'message-cost', class: terms.allowed ? 'hint cost' : 'cost refused' }, cost ?? ''),
    errors, h('div', { class: 'actions' }, send));
  let typedAt = 0;
  field.addEventListener('input', () => {
    if (!conversationId || !field.value.trim() || Date.now() - typedAt < TYPING_EVERY) return;
    typedAt = Date.now();
    // Typing is a courtesy: a failed call is not the member's concern.
    api.post(`/v1/conversations/${enc(conversationId)}/typing`).catch(() => {});
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    fill(errors);
    try {
      const sent = conversationId
        ? await api.post(`/v1/conversations/${enc(conversationId)}/messages`, { text: field.value })
        : await api.post('/v1/messages', { to: member.handle, text: field.value });
      field.value = '';
      field.dispatchEvent(new Event('input'));
      typedAt = 0;
      announce(sent.inMailSpent ? `Sent as InMail. You have ${sent.inMailCredits} InMail credits left.` : 'Message sent.');
      await onSent(sent);
    } catch (error) {
      fill(errors, alertBox(error.message));
    } finally {
      send.disabled = !terms.allowed;
    }
  });
  return form;
}

/** The thread of one conversation, live; onChanged() after something the list shows changed. */
export async function threadView(id, onChanged) {
  const first = await api.get(`/v1/conversations/${enc(id)}/messages?limit=20`);
  let conversation = first.conversation;
  let next = first.next;
  const messages = [...first.items].reverse();
  const list = h('ol', { class: 'messages', 'aria-label': 'Messages' });
  const earlier = h('button', { type: 'button', class: 'link', hidden: !next, onclick: async () => {
    const page = await api.get(`/v1/conversations/${enc(id)}/messages?limit=20&cursor=${enc(next)}`);
    next = page.next;
    earlier.hidden = !next;
    messages.unshift(...[...page.items].reverse().filter((m) => !messages.some((x) => x.id === m.id)));
    draw();
  } }, 'Show earlier messages');
  const typing = h('p', { class: 'typing hint', role: 'status' });
  const banner = h('div');
  const box = h('div');
  const other = conversation.with;

  function draw() {
    const upTo = conversation.theirReadUpTo === null ? null : BigInt(conversation.theirReadUpTo);
    const seen = upTo === null ? null : messages.filter((m) => m.senderIsMe && BigInt(m.id) <= upTo).at(-1);
    fill(list, messages.length === 0 ? h('li', { class: 'hint' }, 'No messages yet.') : messages.map((m) => [
      messageItem(m), m === seen ? h('li', { class: 'seen' }, h('span', { 'aria-hidden': 'true' }, 'Seen'),
        h('span', { class: 'visually-hidden' }, `Seen by ${other.name}`)) : null]));
  }

  async function drawAnswer() {
    const request = conversation.status === 'request-received';
    const answer = (verb, done) => h('button', { type: 'button', class: verb === 'accept' ? 'primary' : null,
      onclick: async () => {
        conversation = await api.post(`/v1/conversations/${enc(id)}/${verb}`);
        announce(done);
        await Promise.all([drawAnswer(), onChanged()]);
      } }, verb === 'accept' ? 'Accept' : 'Decline');
    fill(banner, request ? h('div', { class: 'request-banner card' },
      h('p', {}, `${other.name} sent you a message request.`),
      h('div', { class: 'actions' }, answer('accept', `You accepted ${other.name}'s request.`),
        answer('decline', `You declined ${other.name}'s request.`)))
      : conversation.status === 'request-sent' ? h('p', { class: 'hint' }, `Waiting for ${other.name} to accept your request.`)
        : conversation.status === 'declined' ? h('p', { class: 'hint' }, 'This conversation was declined; you can read it, '
          + 'and write again once you are connected.') : null);
    fill(box, await composer(other, id, async (sent) => {
      add(sent.message);
      await onChanged();
    }));
  }

  function add(message) {
    if (messages.some((m) => m.id === message.id)) return;
    messages.push(message);
    draw();
  }

  /** Reads up to the newest message when something of theirs is unread: what the other side sees as "Seen". */
  async function markRead() {
    const newest = messages.at(-1);
    if (!newest || (newest.senderIsMe && conversation.unread === 0)) return;
    conversation = await api.post(`/v1/conversations/${enc(id)}/read?upTo=${enc(messages.at(-1).id)}`);
    await onChanged();
  }

  const view = h('section', { class: 'thread', 'aria-labelledby': 'thread-title' },
    h('h2', { id: 'thread-title' }, h('a', { href: `/in/${other.handle}` }, other.name)),
    h('p', { class: 'headline hint' }, other.headline), banner, earlier, list, typing, box);
  let typingTimer = 0;
  const clearTyping = () => { clearTimeout(typingTimer); typing.textContent = ''; };
  onLive('message', view, async (event) => {
    if (event.conversationId !== id) return;
    add(event.message);
    if (!event.message.senderIsMe) {
      clearTyping();
      await markRead();
    }
  });
  onLive('read', view, (event) => {
    if (event.conversationId !== id || event.by !== other.handle) return;
    conversation.theirReadUpTo = event.upTo;
    draw();
  });
  onLive('typing', view, (event) => {
    if (event.conversationId !== id || event.from?.handle === session.me.handle) return;
    typing.textContent = `${event.from?.name ?? other.name} is typing…`;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(clearTyping, TYPING_SHOWN);
  });
  for (const name of ['request-accepted', 'request-declined']) {
    onLive(name, view, async (event) => {
      if (event.conversationId !== id) return;
      conversation = (await api.get(`/v1/conversations/${enc(id)}/messages?limit=1`)).conversation;
      await drawAnswer();
    });
  }
  draw();
  await drawAnswer();
  await markRead();
  return view;
}
