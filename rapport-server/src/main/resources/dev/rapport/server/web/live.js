// The signed-in member's live stream (NT2, MS4): one EventSource for the whole app, opened once and
// kept across pages, so that a page change neither reconnects nor loses an event; the browser
// resumes it with Last-Event-ID after a drop (docs/decisions/0038-one-live-stream-for-the-web-app.md).

/** The stream's event names the app listens to. */
const EVENTS = ['notification', 'notifications-read', 'message', 'read', 'request-accepted', 'request-declined',
  'typing', 'end'];

let source = null;
/** name -> listeners, each {node, fn}: a page's listener lives as long as its node is on the page. */
const listeners = new Map(EVENTS.map((name) => [name, new Set()]));

function dispatch(name, event) {
  let data = {};
  try { data = event.data ? JSON.parse(event.data) : {}; } catch { return; }
  for (const listener of [...listeners.get(name)]) {
    if (listener.node && !listener.node.isConnected) listeners.get(name).delete(listener);
    else listener.fn(data);
  }
}

/** Opens the stream for the session cookie, unless it is open. */
export function startLive() {
  if (source) return;
  source = new EventSource('/v1/me/events');
  for (const name of EVENTS) source.addEventListener(name, (event) => dispatch(name, event));
  // The server ends a stream whose session was revoked (`end`): the next call finds the session gone.
  source.addEventListener('end', () => stopLive());
}

export function stopLive() {
  source?.close();
  source = null;
}

/**
 * Calls fn(data) for each event of this name while node is on the page (null: for as long as the
 * app runs); pages pass their own node, so a page left stops listening without being told.
 */
export function onLive(name, node, fn) {
  listeners.get(name).add({ node, fn });
}
