// The console talks only to this service's own API; the secret lives in sessionStorage (see api.js).
import { api, paths, session } from './api.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';
import { renderSite } from './health.js';
import { forgetSetup, setUpForms } from './setup.js';

const $ = (id) => document.getElementById(id);
let cursor = null;
let current = null; // the conversion on the detail page

function when(value) {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace('T', ' ');
}

function show(section) {
  for (const id of ['sign-in', 'conversions', 'detail', 'health', 'setup']) $(id).hidden = id !== section;
  $('sign-out').hidden = section === 'sign-in';
  $('who').hidden = section === 'sign-in';
  $('nav').hidden = section === 'sign-in';
  const tab = section === 'health' || section === 'setup' ? section : 'conversions';
  for (const name of ['conversions', 'health', 'setup']) {
    $(`nav-${name}`).setAttribute('aria-current', tab === name ? 'page' : 'false');
  }
}

async function loadHealth() {
  $('health-error').textContent = '';
  clearFieldErrors($('health-form'));
  const account = $('health-account').value.trim() || $('filter-account').value.trim();
  $('health-account').value = account;
  if (session.isOperator() && !account) {
    $('health-sites').replaceChildren();
    $('health-window').textContent = 'Enter an account id to see its sites.';
    return;
  }
  $('health-sites').setAttribute('aria-busy', 'true');
  try {
    const { body } = await api(paths.health(account));
    $('health-window').textContent = `From ${when(body.from)} to ${when(body.until)} (UTC).`;
    $('health-sites').replaceChildren(...body.sites.map(renderSite));
    if (body.sites.length === 0) $('health-window').textContent += ' This account has no site yet.';
  } catch (error) {
    $('health-error').textContent = error.message;
    showFieldErrors($('health-form'), error);
  } finally {
    $('health-sites').setAttribute('aria-busy', 'false');
  }
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  row.append(td);
  return td;
}

function utc(local) {
  return `${local.length === 16 ? `${local}:00` : local}Z`;
}

function listParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('filters'))) {
    const text = String(value).trim();
    if (!text || (name === 'accountId' && !session.isOperator())) continue;
    // datetime-local has no zone: the labels say UTC, so the value is sent as UTC (RFC 3339)
    params.set(name, name === 'from' || name === 'to' ? utc(text) : text);
  }
  if (cursor) params.set('cursor', cursor);
  return params;
}

async function loadPage(reset) {
  $('list-error').textContent = '';
  clearFieldErrors($('filters'));
  if (reset) { $('rows').replaceChildren(); cursor = null; }
  const params = listParams();
  const needsAccount = session.isOperator() && !params.get('accountId');
  $('list-hint').hidden = !needsAccount;
  $('more').hidden = true;
  if (needsAccount) { $('rows').setAttribute('aria-busy', 'false'); return; }
  $('rows').setAttribute('aria-busy', 'true');
  try {
    const { body: page } = await api(paths.list(params));
    for (const conversion of page.items) {
      const row = document.createElement('tr');
      cell(row, when(conversion.eventTime));
      cell(row, conversion.eventType);
      cell(row, conversion.status, `status status-${conversion.status}`);
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = conversion.conversionId;
      link.setAttribute('aria-label', `Open conversion ${conversion.conversionId}`);
      link.addEventListener('click', (event) => { event.preventDefault(); openConversion(conversion.conversionId); });
      cell(row, '', 'id').append(link);
      $('rows').append(row);
    }
    cursor = page.nextCursor;
    $('more').hidden = !cursor;
  } catch (error) {
    if (error.status === 401) { signOut(); $('sign-in-error').textContent = error.message; return; }
    $('list-error').textContent = error.message;
    showFieldErrors($('filters'), error);
  } finally {
    $('rows').setAttribute('aria-busy', 'false');
  }
}

const SHOWN_FIELDS = ['conversionId', 'eventId', 'status', 'eventType', 'eventTime', 'value', 'currency', 'channelId',
  'telegramUserId', 'siteId', 'attempts', 'createdAt', 'updatedAt', 'sentAt', 'lastError', 'skipReason', 'actionSource'];

function renderConversion(conversion) {
  current = conversion;
  $('detail-title').textContent = `Conversion ${conversion.eventType} · ${conversion.status}`;
  const fields = [];
  for (const name of SHOWN_FIELDS) {
    let value = conversion[name];
    if (value === null || value === undefined) continue;
    if (name === 'eventTime') value = when(value);
    if (name === 'lastError') {
      value = [value.code, value.metaCode && `Meta code ${value.metaCode}`, value.message].filter(Boolean).join(' · ');
    }
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (name === 'status') dd.className = `status status-${conversion.status}`;
    fields.push(dt, dd);
  }
  $('fields').replaceChildren(...fields);
  const chips = (conversion.userDataFields || []).map((name) => {
    const li = document.createElement('li');
    li.textContent = name;
    return li;
  });
  if (chips.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'none (only the hashed Telegram user id as external_id)';
    chips.push(li);
  }
  $('user-data').replaceChildren(...chips);
  $('retry-box').hidden = !(session.isOperator() && conversion.status === 'failed');
}

const ATTEMPT_COLUMNS = ['#', 'Time', 'Outcome', 'HTTP', 'Meta code', 'fbtrace_id', 'Latency'];

function renderAttempts(items) {
  const rows = items.map((attempt) => {
    const row = document.createElement('tr');
    cell(row, String(attempt.attempt));
    cell(row, when(attempt.attemptedAt));
    cell(row, attempt.outcome, `status status-${attempt.outcome === 'sent' ? 'sent' : 'failed'}`);
    cell(row, attempt.httpStatus === null ? '—' : String(attempt.httpStatus));
    cell(row, attempt.metaCode === null ? '—'
      : `${attempt.metaCode}${attempt.metaSubcode === null ? '' : ` / ${attempt.metaSubcode}`}`);
    cell(row, attempt.fbtraceId || '—', 'id');
    cell(row, `${attempt.latencyMs} ms`);
    // on a phone each attempt becomes a card whose cells name their column (CSS, data-label)
    [...row.children].forEach((td, i) => td.setAttribute('data-label', ATTEMPT_COLUMNS[i]));
    return row;
  });
  $('attempts').replaceChildren(...rows);
  $('no-attempts').hidden = rows.length > 0;
}

async function loadAttempts(id) {
  const { body } = await api(paths.attempts(id));
  renderAttempts(body.items);
  return body.items.length;
}

async function openConversion(id) {
  show('detail');
  $('fields').replaceChildren();
  $('attempts').replaceChildren();
  $('user-data').replaceChildren();
  $('detail-error').textContent = '';
  $('retry-status').textContent = '';
  $('retry-box').hidden = true;
  $('detail').setAttribute('aria-busy', 'true');
  try {
    const { body: conversion } = await api(paths.conversion(id));
    renderConversion(conversion);
    await loadAttempts(id);
  } catch (error) {
    $('detail-error').textContent = error.message;
  } finally {
    $('detail').setAttribute('aria-busy', 'false');
    $('detail-title').focus();
  }
}

/** The attempt record is written just after the call: look again a few times until the new one shows. */
async function attemptsAfter(id, before) {
  for (let i = 0; i < 10; i += 1) {
    if (await loadAttempts(id) > before) return;
    await new Promise((resolve) => { setTimeout(resolve, 300); });
  }
}

async function retryNow() {
  if (!current) return;
  const id = current.conversionId;
  const before = $('attempts').children.length;
  $('retry').disabled = true;
  $('retry-status').textContent = 'Sending to Meta…';
  $('detail-error').textContent = '';
  try {
    // one key per press: a press whose answer was lost can be repeated without a second send
    const { status, body } = await api(paths.retry(id), { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() } });
    renderConversion(body);
    $('retry-status').textContent = status === 202 ? 'A delivery of it is under way already.'
      : `Retried: the conversion is now ${body.status}.`;
    await attemptsAfter(id, before);
  } catch (error) {
    $('retry-status').textContent = '';
    $('detail-error').textContent = error.message;
  } finally {
    $('retry').disabled = false;
  }
}

function signedIn() {
  const operator = session.isOperator();
  $('who').textContent = operator ? 'Operator (admin token)' : 'Customer (API key)';
  $('account-label').hidden = !operator;
  $('health-account-label').hidden = !operator;
  $('nav-setup').hidden = !operator;
  show('conversions');
  loadPage(true);
}

$('detail-title').tabIndex = -1;
$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const secret = $('secret').value.trim();
  $('secret').value = '';
  if (!secret) return;
  session.signIn(secret);
  $('sign-in-error').textContent = '';
  signedIn();
});
function signOut() {
  session.signOut();
  current = null;
  for (const id of ['rows', 'fields', 'attempts', 'user-data', 'health-sites']) $(id).replaceChildren();
  forgetSetup();
  $('rows').removeAttribute('aria-busy');
  $('filters').reset();
  show('sign-in');
  $('secret').focus();
}

$('sign-out').addEventListener('click', signOut);
$('filters').addEventListener('submit', (event) => { event.preventDefault(); loadPage(true); });
$('more').addEventListener('click', () => loadPage(false));
$('back').addEventListener('click', () => { show('conversions'); loadPage(true); });
$('retry').addEventListener('click', retryNow);
$('nav-conversions').addEventListener('click', () => { show('conversions'); loadPage(true); });
$('nav-health').addEventListener('click', () => { show('health'); loadHealth(); });
$('nav-setup').addEventListener('click', () => show('setup'));
setUpForms();
$('health-form').addEventListener('submit', (event) => { event.preventDefault(); loadHealth(); });

if (session.secret()) signedIn(); else show('sign-in');
