// Messaging (MS1-MS4): the conversations, newest first with one's unread counts and the last
// message, requests waiting for one's answer apart with Accept and Decline; beside them the open
// thread (thread.js), or a first message to a member (`?to=`). The list follows the live stream.
import { api, enc } from './api.js';
import { h, fill, announce, alertBox, heading, when } from './dom.js';
import { go } from './shell.js';
import { onLive } from './live.js';
import { threadView, composer } from './thread.js';

function conversationItem(c, current) {
  const last = c.lastMessage;
  return h('li', { class: c.unread ? 'conversation unread' : 'conversation' },
    h('a', { href: `/messaging/${c.id}`, 'aria-current': c.id === current ? 'page' : null },
      h('span', { class: 'row' }, h('strong', {}, c.with.name),
        last ? h('span', { class: 'hint' }, when(last.sentAt)) : null),
      h('span', { class: 'last' }, last ? `${last.senderIsMe ? 'You: ' : ''}${last.text}` : ''),
      c.unread ? h('span', { class: 'count' }, String(c.unread), h('span', { class: 'visually-hidden' }, ' unread')) : null));
}

function requestItem(c, errors, reload) {
  const answer = (verb, label, done) => h('button', { type: 'button', class: verb === 'accept' ? 'primary' : null,
    'aria-label': `${label} ${c.with.name}'s request`, onclick: async () => {
      try {
        await api.post(`/v1/conversations/${enc(c.id)}/${verb}`);
        announce(done);
        await reload();
      } catch (error) {
        fill(errors, alertBox(error.message));
      }
    } }, label);
  return h('li', { class: 'conversation request' },
    h('a', { href: `/messaging/${c.id}` }, h('strong', {}, c.with.name),
      h('span', { class: 'last' }, c.lastMessage?.text ?? '')),
    h('div', { class: 'actions' }, answer('accept', 'Accept', `You accepted ${c.with.name}'s request.`),
      answer('decline', 'Decline', `You declined ${c.with.name}'s request.`)));
}

/** The conversation list, read again after every change the stream or the thread reports. */
function conversationList() {
  const node = h('div', { class: 'conversation-list card' });
  let current = null;
  const errors = h('div');
  async function reload() {
    const page = await api.get('/v1/me/conversations?limit=50');
    const requests = page.items.filter((c) => c.status === 'request-received');
    const others = page.items.filter((c) => c.status !== 'request-received');
    fill(node, errors,
      requests.length ? h('section', { 'aria-labelledby': 'requests-title' },
        h('h2', { id: 'requests-title' }, `Message requests (${requests.length})`),
        h('ul', { class: 'conversations' }, requests.map((c) => requestItem(c, errors, reload)))) : null,
      h('section', { 'aria-labelledby': 'conversations-title' }, h('h2', { id: 'conversations-title' }, 'Conversations'),
        others.length === 0 ? h('p', { class: 'hint' }, 'No conversations yet. Message a connection from their profile.')
          : h('ul', { class: 'conversations' }, others.map((c) => conversationItem(c, current)))));
    return page.items;
  }
  for (const name of ['message', 'read', 'request-accepted', 'request-declined']) onLive(name, node, () => reload());
  /** Marks the conversation open beside the list. */
  const select = (id) => { current = id; };
  return { node, reload, select };
}

/** A first message to a member with no conversation yet: the composer and what it would cost. */
async function firstMessage(handle) {
  const member = await api.get(`/v1/members/${enc(handle)}`);
  return h('section', { class: 'thread', 'aria-labelledby': 'thread-title' },
    h('h2', { id: 'thread-title' }, `New message to ${member.name}`),
    await composer(member, null, (sent) => go(`/messaging/${sent.conversationId}`, true)));
}

export async function messagingPage(id, to) {
  const list = conversationList();
  let open = id;
  if (!open && to) {
    // A member one already writes with: their conversation, at its own address.
    open = (await api.get('/v1/me/conversations?limit=50')).items.find((c) => c.with.handle === to)?.id ?? null;
    if (open) history.replaceState(null, '', `/messaging/${open}`);
  }
  list.select(open);
  await list.reload();
  let pane;
  if (open) {
    pane = await threadView(open, list.reload);
  } else if (to) {
    pane = await firstMessage(to);
  } else {
    pane = h('section', { class: 'thread empty hint' }, h('p', {}, 'Choose a conversation to read it.'));
  }
  return [heading('Messaging'),
    h('div', { class: pane.classList.contains('empty') ? 'messaging' : 'messaging has-thread' },
      list.node, h('div', { class: 'card thread-pane' },
        pane.classList.contains('empty') ? null : h('a', { href: '/messaging', class: 'back' }, '← All conversations'),
        pane))];
}
