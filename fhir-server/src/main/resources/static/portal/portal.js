// Mina planer: the person's (or a guardian's) view of their plan, through the FHIR API with their token.
'use strict';

const FHIR = '/fhir';
const $ = id => document.getElementById(id);
const session = {
  get token() { return sessionStorage.getItem('token'); },
  get patient() { return sessionStorage.getItem('patient'); },
  get user() { return sessionStorage.getItem('user'); },
  get name() { return sessionStorage.getItem('name'); }
};
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

async function loadUsers() {
  const users = await (await fetch('/auth/users')).json();
  const select = $('user');
  users.filter(u => u.kind === 'person' || u.kind === 'guardian').forEach(u => {
    select.append(element('option', u.name + ' (' + u.about + ')', { value: u.user, 'data-name': u.name }));
  });
}

async function login(event) {
  event.preventDefault();
  const select = $('user');
  const response = await fetch('/auth/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'user=' + encodeURIComponent(select.value)
  });
  const token = await response.json();
  if (!response.ok) { say('Inloggningen misslyckades: ' + token.error_description); return; }
  sessionStorage.setItem('token', token.access_token);
  sessionStorage.setItem('patient', token.patient);
  sessionStorage.setItem('user', select.value);
  sessionStorage.setItem('name', select.selectedOptions[0].dataset.name);
  await show();
}

function logout() { sessionStorage.clear(); location.reload(); }

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

$('login-form').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
$('matters-form').addEventListener('submit', addWhatMatters);
$('withdraw').addEventListener('click', () => { $('withdraw-confirm').hidden = false; });
$('withdraw-no').addEventListener('click', () => { $('withdraw-confirm').hidden = true; });
$('withdraw-yes').addEventListener('click', withdraw);
loadUsers().then(() => { if (session.token) show(); });
