// Mina planer: the person's (or a guardian's) view of their plan, through the FHIR API with their token.
// A SMART app (client samplan-portal): it signs in through the server's authorization server with the authorization
// code flow and PKCE, and keeps the token in memory only; reloading the page signs in again.
'use strict';

const FHIR = '/fhir';
const CLIENT = 'samplan-portal';
const SCOPES = 'openid fhirUser launch/patient patient/*.rs patient/AppointmentResponse.c patient/Goal.cu patient/Consent.u';
const $ = id => document.getElementById(id);
const session = { token: null, patient: null, user: null, name: null };
let currentPlan = null;

function say(text) { $('status').textContent = text; }

async function api(path, options = {}) {
  const response = await fetch(FHIR + path, {
    ...options,
    headers: { 'Accept': 'application/fhir+json', 'Authorization': 'Bearer ' + session.token, ...(options.headers || {}) }
  });
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const text = body?.issue?.[0]?.details?.text || body?.issue?.[0]?.diagnostics || response.statusText;
    throw new Error(text);
  }
  return body;
}

const post = (path, resource) => api(path, {
  method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(resource)
});

function element(tag, text, attributes = {}) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}

// The summary's narratives come from the server's templates (templates/summary), which escape every stored
// text. In depth: parse them as XHTML, where no script runs and broken markup is refused, and show them only
// if they hold nothing but the elements those templates write, with no attributes.
const XHTML = 'http://www.w3.org/1999/xhtml';
const NARRATIVE_ELEMENTS = new Set(['div', 'p', 'ul', 'li', 'b', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
function narrative(xhtml) {
  const root = new DOMParser().parseFromString(xhtml, 'application/xhtml+xml').documentElement;
  const safe = root.localName === 'div' && [root, ...root.querySelectorAll('*')].every(e =>
      e.namespaceURI === XHTML && NARRATIVE_ELEMENTS.has(e.localName) && [...e.attributes].every(a => a.name === 'xmlns'));
  return safe ? document.importNode(root, true) : element('p', 'Den här delen kunde inte visas.');
}

const when = iso => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const redirectUri = () => location.origin + '/portal/';

// The authorization request: a new PKCE verifier and state, kept for the way back only (not tokens).
async function login() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const discovery = await (await fetch(FHIR + '/.well-known/smart-configuration')).json();
  location.assign(discovery.authorization_endpoint + '?' + new URLSearchParams({
    response_type: 'code', client_id: CLIENT, redirect_uri: redirectUri(), scope: SCOPES, state,
    aud: location.origin + FHIR, code_challenge: challenge, code_challenge_method: 'S256'
  }));
}

// Back from the authorization server: the code for a token, then the address without the code.
async function completeLogin(query) {
  const pkce = JSON.parse(sessionStorage.getItem('pkce') || 'null');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', redirectUri());
  if (query.get('error')) { say('Inloggningen avbröts.'); return false; }
  if (!pkce || query.get('state') !== pkce.state) { say('Inloggningen misslyckades: svaret hörde inte till den här inloggningen.'); return false; }
  const discovery = await (await fetch(FHIR + '/.well-known/smart-configuration')).json();
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
      client_id: CLIENT, code_verifier: pkce.verifier })
  });
  const token = await response.json();
  if (!response.ok) { say('Inloggningen misslyckades: ' + (token.error_description || token.error)); return false; }
  const claims = JSON.parse(atob(token.id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  Object.assign(session, { token: token.access_token, patient: token.patient, user: claims.fhirUser });
  const user = await api('/' + session.user);
  session.name = [user.name?.[0]?.given?.join(' '), user.name?.[0]?.family].filter(Boolean).join(' ');
  return true;
}

function logout() { location.assign(redirectUri()); }

async function show() {
  $('login').hidden = true;
  $('logout').hidden = false;
  $('who').textContent = 'Inloggad som ' + session.name;
  ['plans', 'meetings', 'matters', 'consent', 'readers'].forEach(id => { $(id).hidden = false; });
  try {
    await showPlan();
    await showMeetings();
    await showReaders();
  } catch (e) {
    say(e.message);
  }
}

async function showPlan() {
  const list = $('plan-list');
  list.replaceChildren();
  const plans = await api('/CarePlan?subject=Patient/' + session.patient
      + '&category=https://fhir.inera.se/CodeSystem/typeofcareplan-cs|SIP&_sort=-_lastUpdated');
  const open = (plans.entry || []).map(e => e.resource);
  currentPlan = open.find(p => p.status === 'draft' || p.status === 'active') || open[0] || null;
  $('consent').hidden = !currentPlan || !(currentPlan.status === 'draft' || currentPlan.status === 'active');
  $('matters').hidden = $('consent').hidden;
  if (!currentPlan) { list.append(element('p', 'Du har ingen plan som du kan läsa här.')); return; }
  const document = await api('/CarePlan/' + currentPlan.id + '/$sip-summary');
  const composition = document.entry[0].resource;
  const article = element('article');
  article.append(element('h3', composition.title));
  article.append(narrative(composition.text.div));
  composition.section.forEach(section => {
    article.append(element('h3', section.title), narrative(section.text.div));
  });
  list.append(article);
}

async function showMeetings() {
  const list = $('meeting-list');
  list.replaceChildren();
  const toAnswer = (await api('/$sip-worklist?kind=meetings-to-answer')).total || 0;
  $('to-answer').textContent = toAnswer === 0 ? 'Du har svarat på alla kommande möten.'
      : 'Du har ' + toAnswer + (toAnswer === 1 ? ' möte' : ' möten') + ' att svara på.';
  const today = new Date().toISOString().slice(0, 10);
  const bundle = await api('/Appointment?patient=Patient/' + session.patient + '&date=ge' + today + '&_sort=date');
  const meetings = (bundle.entry || []).map(e => e.resource).filter(m => m.status !== 'cancelled');
  if (meetings.length === 0) { list.append(element('li', 'Inga möten är bokade.', { class: 'meeting' })); return; }
  meetings.forEach(meeting => {
    const me = meeting.participant.find(p => p.actor?.reference === 'Patient/' + session.patient);
    const item = element('li', undefined, { class: 'meeting' });
    item.append(element('p', when(meeting.start) + ': ' + (meeting.description || 'SIP-möte')));
    const answered = { accepted: 'Du har tackat ja.', declined: 'Du har tackat nej.' }[me?.status];
    item.append(element('p', answered || 'Du har inte svarat än.'));
    const buttons = element('div', undefined, { class: 'answer' });
    const yes = element('button', 'Tacka ja', { type: 'button' });
    const no = element('button', 'Tacka nej', { type: 'button', class: 'secondary' });
    yes.addEventListener('click', () => answer(meeting, 'accepted'));
    no.addEventListener('click', () => answer(meeting, 'declined'));
    buttons.append(yes, no);
    item.append(buttons);
    list.append(item);
  });
}

async function answer(meeting, status) {
  try {
    await post('/AppointmentResponse', {
      resourceType: 'AppointmentResponse', appointment: { reference: 'Appointment/' + meeting.id },
      actor: { reference: 'Patient/' + session.patient }, participantStatus: status
    });
    say(status === 'accepted' ? 'Du har tackat ja till mötet.' : 'Du har tackat nej till mötet.');
    await showMeetings();
  } catch (e) { say(e.message); }
}

async function addWhatMatters(event) {
  event.preventDefault();
  const text = $('matters-text').value.trim();
  if (!text) return;
  try {
    await post('/Goal', {
      resourceType: 'Goal', lifecycleStatus: 'active',
      category: [{ coding: [{ system: 'https://samplan.github.io/fhir/CodeSystem/sip-goal-category', code: 'what-matters-to-me' }] }],
      description: { text }, subject: { reference: 'Patient/' + session.patient }, expressedBy: { reference: session.user }
    });
    $('matters-text').value = '';
    say('Sparat. Det syns nu i din plan.');
    await showPlan();
  } catch (e) { say(e.message); }
}

async function withdraw() {
  try {
    await post('/CarePlan/' + currentPlan.id + '/$sip-withdraw-consent', {
      resourceType: 'Parameters', parameter: [{ name: 'withdrawnBy', valueReference: { reference: session.user } }]
    });
    $('withdraw-confirm').hidden = true;
    say('Ditt samtycke är återkallat och planen är avslutad.');
    await showPlan();
  } catch (e) { say(e.message); }
}

async function showReaders() {
  const rows = $('reader-list');
  rows.replaceChildren();
  const bundle = await api('/AuditEvent?patient=Patient/' + session.patient + '&_sort=-date&_count=20');
  const names = {};
  const nameOf = async reference => {
    if (!reference || !/^(Organization|PractitionerRole)\//.test(reference)) return '';
    if (!(reference in names)) {
      const r = await api('/' + reference).catch(() => null);
      names[reference] = r?.name || r?.code?.[0]?.text || r?.code?.[0]?.coding?.[0]?.display || '';
    }
    return names[reference];
  };
  for (const event of (bundle.entry || []).map(e => e.resource)) {
    const user = event.agent[0];
    const organisation = event.agent.find(a => a.who?.reference?.startsWith('Organization/'));
    const role = await nameOf(user.who?.reference);
    const tr = element('tr');
    tr.append(element('td', when(event.recorded)), element('td', [user.type?.text, role].filter(Boolean).join(': ')),
        element('td', await nameOf(organisation?.who?.reference)));
    rows.append(tr);
  }
}

$('login-button').addEventListener('click', login);
$('logout').addEventListener('click', logout);
$('matters-form').addEventListener('submit', addWhatMatters);
$('withdraw').addEventListener('click', () => { $('withdraw-confirm').hidden = false; });
$('withdraw-no').addEventListener('click', () => { $('withdraw-confirm').hidden = true; });
$('withdraw-yes').addEventListener('click', withdraw);
const returned = new URLSearchParams(location.search);
if (returned.has('code') || returned.has('error')) {
  completeLogin(returned).then(ok => { if (ok) show(); });
}
