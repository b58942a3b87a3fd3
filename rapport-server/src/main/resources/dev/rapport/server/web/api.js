// Calls the public API as the signed-in member: the session cookie goes with every call, and every
// state change carries the session's CSRF token.
import { sentence } from './problems.js';

let csrfToken = null;

/** An API refusal, with the problem document and a sentence for people. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(sentence(status, problem));
    this.status = status;
    this.problem = problem ?? {};
    this.slug = (this.problem.type ?? '').replace('/problems/', '');
  }
}

export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && !path.startsWith('/v1/sessions')) {
      window.dispatchEvent(new CustomEvent('rapport:signed-out'));
    }
    throw error;
  }
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body),
  put: (path, body) => call('PUT', path, body),
  patch: (path, body) => call('PATCH', path, body),
  del: (path) => call('DELETE', path),
};

/** A path segment or query value, encoded. */
export const enc = encodeURIComponent;
