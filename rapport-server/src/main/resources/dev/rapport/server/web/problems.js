// Every refusal of the API as a sentence a person understands: by the problem's type, with the
// times and numbers it carries; never the raw document.

/** "in 4 minutes (at 14:32)": when a refusal that carries seconds to wait will pass. */
function inSeconds(seconds) {
  const then = new Date(Date.now() + seconds * 1000);
  const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(then);
  const span = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  return `in ${span} (at ${clock})`;
}

/** What a refusal naming a field of the form says about it. */
const FIELDS = { name: 'the name', expiresInDays: 'the number of days', email: 'the email address',
  password: 'the password', new: 'the new password', current: 'the current password', handle: 'the handle' };

const at = (iso) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));

const SENTENCES = {
  'weekly-invitation-limit': (p) => `You have sent ${p.used ?? 'all the'} invitations this week, the most your plan allows.`
    + (p.retryAt ? ` You can invite again on ${at(p.retryAt)}.` : '')
    + (p.restrictedUntil ? ` After repeated attempts, invitations are paused until ${at(p.restrictedUntil)}.` : ''),
  'invitations-restricted': (p) => 'You cannot send invitations for now'
    + (p.retryAt ? `; you can again on ${at(p.retryAt)}.` : '.') + ' Following and accepting still work.',
  'invitation-cooldown': (p) => 'You withdrew your invitation to this member recently.'
    + (p.retryAt ? ` You can invite them again on ${at(p.retryAt)}.` : ''),
  'monthly-note-limit': (p) => `You have used all ${p.limit ?? ''} personalised notes for this month. Send the invitation without a note`
    + (p.retryAt ? `, or add one again from ${at(p.retryAt)}.` : '.'),
  'note-too-long': (p) => `The note is too long: your plan allows up to ${p.limit ?? 'a limited number of'} characters.`,
  'invalid-note': () => 'The note holds characters that cannot be sent. Use plain text and line breaks.',
  'message-too-long': () => 'The message is too long: it may have up to 8,000 characters.',
  'not-connected-needs-inmail': () => 'You are not connected, and your plan has no InMail to message people outside your network. '
    + 'Following does not allow messaging; invite them to connect instead.',
  'no-inmail-credits': (p) => 'You have no InMail credits left' + (p.retryAt ? `; new ones come on ${at(p.retryAt)}.` : '.'),
  'request-pending': () => 'Your message request is waiting for an answer: you can write again once it is accepted.',
  'request-declined': () => 'Your message request was declined: you can write again once you are connected.',
  'request-not-pending': () => 'This message request was already answered.',
  'cannot-message-self': () => 'You cannot message yourself.',
  'not-messageable': () => 'Company pages are followed, not messaged.',
  'conversation-not-found': () => 'This conversation is not there any more.',
  'invalid-notification-kind': () => 'One of these is not a kind of notification; nothing was changed.',
  'pending-invitation-limit': (p) => `You have ${p.used ?? 'too many'} invitations waiting for an answer, the most allowed. Withdraw some first.`,
  'connection-limit': () => 'The connection limit is reached, so this invitation cannot be sent or accepted.',
  'email-required': () => 'This member accepts invitations only from people who know their email address. Enter it to send the invitation.',
  'email-mismatch': () => 'That is not this member\'s email address.',
  'invitations-not-accepted': () => 'This member does not accept invitations. You can still follow them if they allow it.',
  'invitation-already-pending': () => 'Your invitation to this member is already waiting for an answer.',
  'invitation-not-open': () => 'This invitation was already answered or withdrawn.',
  'invitation-not-found': () => 'This invitation is no longer there.',
  'already-connected': () => 'You are already connected to this member.',
  'cannot-invite-self': () => 'You cannot invite yourself.',
  'not-connectable': () => 'Company pages are followed, not connected.',
  'not-connected': () => 'You are not connected to this member.',
  'follow-restricted': () => 'This member accepts only their connections as followers.',
  'follow-limit': () => 'You follow as many members as the service allows. Unfollow someone first.',
  'cannot-follow-self': () => 'You cannot follow yourself.',
  'follows-hidden': () => 'This member keeps this list private.',
  'member-blocked': () => 'You blocked this member. Unblock them first.',
  'cannot-block-self': () => 'You cannot block yourself.',
  'member-not-found': () => 'There is no member with this handle.',
  'open-profile-not-allowed': () => 'Open Profile is available on the premium plan only.',
  'invalid-name': () => 'Enter a name of one line, without special characters.',
  'invalid-headline': () => 'Enter a headline of one line, without special characters.',
  'invalid-handle': () => 'A handle is 3 to 40 lowercase letters, digits and dashes.',
  'invalid-email': () => 'Enter a valid email address, like name@example.com.',
  'handle-taken': () => 'This handle is taken. Choose another one.',
  'rate-limited': (p) => (p.policy ?? '').startsWith('failed-sign-in') && p.retryAfter
    ? `Too many attempts with a wrong password. For your safety, try again ${inSeconds(p.retryAfter)}.`
    : `Too many requests in a short time. Try again ${p.retryAfter ? inSeconds(p.retryAfter) : 'in a moment'}.`,
  'sign-in-failed': () => 'The email address or the password is not right. Check both and try again.',
  'wrong-password': () => 'Your current password is not right.',
  'invalid-password': () => 'A password has 8 to 256 characters.',
  'email-taken': () => 'An account with this email address exists already. Sign in instead, or use another address.',
  'invite-required': () => 'Sign-up here is by invitation only. Open the invite link you were given.',
  'invite-not-found': () => 'This invite link is not valid. Check that you opened the whole link.',
  'invite-used': () => 'This invite link was used already: each is good for one sign-up. Ask for a new one.',
  'invite-expired': () => 'This invite link has expired. Ask for a new one.',
  'members-may-not-invite': () => 'On this server only the administrator makes invite links.',
  'csrf-token-missing': () => 'Your session could not be confirmed for this change. Reload the page and try again.',
  'csrf-token-invalid': () => 'Your session could not be confirmed for this change. Reload the page and try again.',
  'cross-site-request': () => 'You can sign in or sign up only on Rapport\'s own pages.',
  'account-not-found': () => 'Your account has no password to change: the administrator created it.',
  'token-not-found': () => 'This token is no longer there; it may have been revoked already.',
  'too-many-tokens': () => 'You have as many API tokens as one may hold. Revoke one you no longer use first.',
  'not-page-admin': () => 'Only the admins of this page can do this.',
  'page-post-for-anyone': () => 'A company page has followers, not connections, so its posts are for anyone.',
  'page-posts-through-admins': () => 'A company page posts through its admins: sign in as an admin and post from the page.',
  'last-page-admin': () => 'A page always keeps an admin. Add another admin before removing the last one.',
  'page-admin-not-a-person': () => 'Only people can run a company page.',
  'too-many-skills': (p) => `A profile lists at most ${p.limit ?? 50} skills. Remove some first.`,
  'invalid-skill': (p) => `Each skill is one line of 1 to ${p.limit ?? 80} characters.`,
  'duplicate-skill': () => 'A skill is listed twice (capitals do not make a difference). Keep one.',
  'skill-not-found': () => 'This member no longer lists this skill.',
  'endorsement-requires-connection': () => 'Only this member\'s connections can endorse their skills.',
  'cannot-endorse-self': () => 'You cannot endorse your own skills.',
  'invalid-recommendation': (p) => (p.field === 'relationship'
    ? `Say how you know each other in at most ${p.limit ?? 100} characters, on one line.`
    : `Write a recommendation of 1 to ${(p.limit ?? 3000).toLocaleString('en')} characters.`),
  'recommendation-requires-connection': () => 'Only this member\'s connections can recommend them.',
  'recommendation-already-pending': () => 'Your recommendation of this member is still waiting for their approval.',
  'cannot-recommend-self': () => 'You cannot recommend yourself.',
  'recommendation-not-found': () => 'This recommendation is no longer there.',
  'recommendations-hidden': () => 'Only this member sees the recommendations they have not shown.',
  'missing-field': (p) => `Fill in ${FIELDS[p.field] ?? 'every required field'}.`,
  'invalid-field': (p) => `Check ${FIELDS[p.field] ?? 'what you entered'}: ${p.field === 'name'
    ? 'it is one line of 1 to 100 characters' : 'it is not in the expected form'}.`,
  'unauthenticated': () => 'Your session has ended. Please sign in again.',
  'busy': () => 'The server is busy. Try again in a few seconds.',
  'not-ready': () => 'The server is starting. Try again in a few seconds.',
  'store-unavailable': () => 'The server cannot reach its data right now. Try again in a moment.',
  'concurrent-update': () => 'Something changed at the same moment. Try again.',
  'invalid-query': () => 'Enter between 1 and 100 characters to search.',
  'invalid-text': (p) => (p.detail === 'the text is empty' ? 'Write something first: the text is empty.'
    : 'The text holds characters that cannot be posted. Use plain text and line breaks.'),
  'post-not-found': () => 'This post is no longer there: it was deleted, or you cannot see it.',
  'comment-not-found': () => 'This comment is no longer there.',
  'not-post-author': () => 'Only the author of this post can edit or delete it.',
  'not-comment-writer': () => 'Only the writer of this comment, or the author of the post, can delete it.',
  'invalid-reaction': () => 'Choose one of the six reactions: like, celebrate, support, love, insightful or funny.',
  'post-too-long': (p) => `A post has at most ${(p.limit ?? 3000).toLocaleString('en')} characters. Shorten it and try again.`,
  'comment-too-long': (p) => `A comment has at most ${(p.limit ?? 1250).toLocaleString('en')} characters. Shorten it and try again.`,
};

/** What to tell a person about a refusal by the API (status 0: no answer at all). */
export function sentence(status, problem) {
  if (status === 0) return 'The server could not be reached. Check your connection and try again.';
  const slug = (problem?.type ?? '').replace('/problems/', '');
  const said = SENTENCES[slug];
  if (said) return said(problem);
  if (status === 401) return 'Your email or password is not right, or your session has ended.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'This was not found. It may have been removed.';
  if (status === 429) return 'You have reached a limit. Try again later.';
  if (status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  return 'This could not be done. Check what you entered and try again.';
}
