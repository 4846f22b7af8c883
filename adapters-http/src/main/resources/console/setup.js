// The operator's setup forms: each posts to the admin API and shows its problem+json errors by field.
import { api } from './api.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';

const $ = (id) => document.getElementById(id);
const text = (form, name) => String(form.elements.namedItem(name).value || '').trim();
const optional = (value) => (value === '' ? undefined : value);

/** Runs one action of a form: clears old errors, calls, shows field errors (or the problem's text when no field is named). */
async function run(form, button, action) {
  // the form's own alert line, not a field's message (those carry the class error too)
  const alert = form.querySelector('p.error[role=alert]');
  const result = form.querySelector('.result');
  clearFieldErrors(form);
  alert.textContent = '';
  if (result) result.textContent = '';
  button.disabled = true;
  try {
    const message = await action(form);
    if (result && message) result.textContent = message;
  } catch (error) {
    // an unknown id in the path answers 404 without a field: it belongs to the form's id field
    const idField = form.dataset.idField;
    if (error.status === 404 && idField && (error.fieldErrors || []).length === 0) {
      error.fieldErrors = [{ field: idField, message: error.message }];
    }
    const unplaced = showFieldErrors(form, error);
    const rest = unplaced.map((e) => `${e.field}: ${e.message}`).join('; ');
    alert.textContent = (error.fieldErrors || []).length && !rest ? 'Please correct the marked fields.'
      : `${error.message}${rest ? ` (${rest})` : ''}`;
  } finally {
    button.disabled = false;
  }
}

/** Runs a form on submit. */
function wire(form, submit) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(form, form.querySelector('button[type=submit]'), submit);
  });
}

/** Shows a secret the API returns only once in its box, selected, with a copy button. */
function showOnce(prefix, statusId, secret) {
  $(`${prefix}-value`).value = secret;
  $(statusId).textContent = '';
  $(prefix).hidden = false;
  $(`${prefix}-value`).focus();
  $(`${prefix}-value`).select();
}

function copyButton(buttonId, inputId, statusId) {
  $(buttonId).addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($(inputId).value);
      $(statusId).textContent = 'Copied.';
    } catch {
      $(inputId).select();
      $(statusId).textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}

/** Meta's answer to the test event, as text nodes only (Meta's message is data, never markup). */
function showMetaAnswer(body) {
  const verdict = $('meta-test-verdict');
  const details = $('meta-test-details');
  details.replaceChildren();
  const dryRun = body.gateway === 'dry-run';
  verdict.className = `verdict ${body.accepted ? 'good' : 'bad'}`;
  verdict.textContent = dryRun ? 'Dry run: nothing was sent to Meta (META_MODE=dry-run).'
    : body.accepted ? 'Meta received the test event.' : 'Meta did not take the test event.';
  const rows = [
    ['Gateway', body.gateway],
    ['Test event code', body.testEventCode],
    ['Event', `${body.eventName} (event_id ${body.eventId})`],
    ['HTTP status', body.httpStatus],
    ['events_received', body.eventsReceived],
    ['fbtrace_id', body.fbtraceId],
  ];
  if (body.error) {
    rows.push(['Error class', body.error.code]);
    rows.push(['Meta code', [body.error.metaCode, body.error.metaSubcode].filter((c) => c != null).join(' / ')]);
    rows.push(['Meta message', body.error.message]);
  }
  if (body.note) rows.push(['Note', body.note]);
  for (const [name, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    details.append(dt, dd);
  }
  $('meta-test-answer').hidden = false;
}

const lines = (value) => value.split(/[\n,]/).map((line) => line.trim()).filter((line) => line !== '');

// one key per submit: a submit whose answer was lost can be repeated without creating twice
const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });
const path = (template, id) => template.replace('{}', encodeURIComponent(id || '-'));

export function setUpForms() {
  wire($('form-account'), async (form) => {
    const { body } = await api('/admin/v1/accounts', { method: 'POST', headers: once(), body: { name: text(form, 'name') } });
    $('key-account').value = body.id;
    $('site-account').value = body.id;
    return `Created account ${body.name}: ${body.id}`;
  });
  wire($('form-key'), async (form) => {
    $('issued-key').hidden = true;
    const { body } = await api(path('/admin/v1/accounts/{}/api-keys', text(form, 'accountId')), {
      method: 'POST', body: { name: text(form, 'name'), mode: text(form, 'mode') },
    });
    showOnce('issued-key', 'copy-status', body.key);
    return '';
  });
  copyButton('copy-key', 'issued-key-value', 'copy-status');
  wire($('form-site'), async (form) => {
    const enabled = form.elements.namedItem('enabled').checked;
    const { body } = await api(path('/admin/v1/accounts/{}/sites', text(form, 'accountId')), {
      method: 'POST',
      headers: once(),
      body: {
        name: text(form, 'name'),
        metaPixelId: optional(text(form, 'metaPixelId')),
        metaAccessToken: optional(text(form, 'metaAccessToken')),
        testEventCode: optional(text(form, 'testEventCode')),
        enabled,
      },
    });
    form.elements.namedItem('metaAccessToken').value = '';
    for (const id of ['channel-site', 'meta-test-site', 'publishable-site', 'telegram-site']) $(id).value = body.id;
    return `Created site ${body.name}: ${body.id}`;
  });
  wire($('form-channel'), async (form) => {
    const { body } = await api(path('/admin/v1/sites/{}/channels', text(form, 'siteId')), {
      method: 'POST', headers: once(), body: { channelId: text(form, 'channelId') },
    });
    return `Attached channel ${body.channelId} to site ${body.siteId}`;
  });
  wire($('form-meta-test'), async (form) => {
    $('meta-test-answer').hidden = true;
    const { body } = await api(path('/admin/v1/sites/{}/meta-test', text(form, 'siteId')), {
      method: 'POST', body: { testEventCode: text(form, 'testEventCode') },
    });
    showMetaAnswer(body);
    return '';
  });
  wire($('form-publishable'), async (form) => {
    $('issued-publishable').hidden = true;
    const { body } = await api(path('/admin/v1/sites/{}/publishable-keys', text(form, 'siteId')), {
      method: 'POST', body: { allowedOrigins: lines(text(form, 'allowedOrigins')) },
    });
    showOnce('issued-publishable', 'copy-publishable-status', body.key);
    return '';
  });
  copyButton('copy-publishable', 'issued-publishable-value', 'copy-publishable-status');
  wire($('form-telegram'), async (form) => {
    const { body } = await api(path('/admin/v1/sites/{}/telegram', text(form, 'siteId')), {
      method: 'PUT', body: { botToken: text(form, 'botToken'), inviteMode: text(form, 'inviteMode') },
    });
    form.elements.namedItem('botToken').value = '';
    return `Connected @${body.botUsername} (${body.inviteMode}); webhook ${body.webhookUrl}`;
  });
  $('telegram-disconnect').addEventListener('click', () => run($('form-telegram'), $('telegram-disconnect'),
    async (form) => {
      await api(path('/admin/v1/sites/{}/telegram', text(form, 'siteId')), { method: 'DELETE' });
      form.elements.namedItem('botToken').value = '';
      return 'Disconnected: the bot\'s webhook is removed.';
    }));
}

export function forgetSetup() {
  for (const form of document.querySelectorAll('.setup-form')) {
    form.reset();
    clearFieldErrors(form);
    for (const line of form.querySelectorAll('.error, .result')) line.textContent = '';
  }
  for (const id of ['issued-key', 'issued-publishable']) {
    $(`${id}-value`).value = '';
    $(id).hidden = true;
  }
  $('meta-test-details').replaceChildren();
  $('meta-test-answer').hidden = true;
}
