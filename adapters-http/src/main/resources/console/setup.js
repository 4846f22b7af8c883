// The operator's setup forms: each posts to the admin API and shows its problem+json errors by field.
import { api } from './api.js';
import { clearFieldErrors, showFieldErrors } from './forms.js';

const $ = (id) => document.getElementById(id);
const text = (form, name) => String(form.elements.namedItem(name).value || '').trim();
const optional = (value) => (value === '' ? undefined : value);

/** Runs one form: clears old errors, posts, shows field errors (or the problem's text when no field is named). */
function wire(form, submit) {
  const alert = form.querySelector('.error');
  const result = form.querySelector('.result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    alert.textContent = '';
    if (result) result.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const message = await submit(form);
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
  });
}

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
    $('issued-key-value').value = body.key;
    $('copy-status').textContent = '';
    $('issued-key').hidden = false;
    $('issued-key-value').focus();
    $('issued-key-value').select();
    return '';
  });
  $('copy-key').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('issued-key-value').value);
      $('copy-status').textContent = 'Copied.';
    } catch {
      $('issued-key-value').select();
      $('copy-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
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
    $('channel-site').value = body.id;
    return `Created site ${body.name}: ${body.id}`;
  });
  wire($('form-channel'), async (form) => {
    const { body } = await api(path('/admin/v1/sites/{}/channels', text(form, 'siteId')), {
      method: 'POST', headers: once(), body: { channelId: text(form, 'channelId') },
    });
    return `Attached channel ${body.channelId} to site ${body.siteId}`;
  });
}

export function forgetSetup() {
  for (const form of document.querySelectorAll('.setup-form')) {
    form.reset();
    clearFieldErrors(form);
    for (const line of form.querySelectorAll('.error, .result')) line.textContent = '';
  }
  $('issued-key-value').value = '';
  $('issued-key').hidden = true;
}
