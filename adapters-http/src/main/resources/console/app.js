// The console talks only to this service's own API; the secret lives in sessionStorage.
const KEY = 'adtarget.console.secret';
const $ = (id) => document.getElementById(id);
let cursor = null;

const secret = () => sessionStorage.getItem(KEY);
const isAdmin = () => !(secret() || '').startsWith('atk_');

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${secret()}`, Accept: 'application/json', ...(options.headers || {}) },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const problem = body || {};
    const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message || e.detail || ''}`).join('; ');
    throw new Error(`${problem.title || response.status}${problem.detail ? ' — ' + problem.detail : ''}${fields ? ' (' + fields + ')' : ''}`);
  }
  return body;
}

function when(value) {
  if (typeof value === 'number') return new Date(value * 1000).toISOString().replace('.000Z', 'Z');
  return value ?? '';
}

function show(section) {
  for (const id of ['sign-in', 'conversions', 'detail']) $(id).hidden = id !== section;
  $('sign-out').hidden = section === 'sign-in';
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
  return td;
}

async function loadPage(reset) {
  $('list-error').textContent = '';
  if (reset) { $('rows').replaceChildren(); cursor = null; }
  $('rows').setAttribute('aria-busy', 'true');
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('filters'))) if (value && name !== 'accountId') params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  try {
    const page = await api(`/api/v1/events/conversion?${params}`);
    for (const conversion of page.items) {
      const id = conversion.conversionId || conversion.id;
      const row = document.createElement('tr');
      cell(row, when(conversion.eventTime ?? conversion.receivedAt));
      cell(row, conversion.eventType || '');
      cell(row, conversion.status || '', `status-${conversion.status}`);
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = id;
      link.addEventListener('click', (event) => { event.preventDefault(); openConversion(id); });
      cell(row, '').append(link);
      $('rows').append(row);
    }
    cursor = page.nextCursor;
    $('more').hidden = !cursor;
  } catch (error) {
    $('list-error').textContent = error.message;
  } finally {
    $('rows').setAttribute('aria-busy', 'false');
  }
}

async function openConversion(id) {
  show('detail');
  $('fields').replaceChildren();
  $('detail-error').textContent = '';
  try {
    const conversion = await api(`/api/v1/events/conversion/${encodeURIComponent(id)}`);
    for (const [name, value] of Object.entries(conversion)) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = typeof value === 'object' ? JSON.stringify(value) : String(value);
      $('fields').append(dt, dd);
    }
  } catch (error) {
    $('detail-error').textContent = error.message;
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('secret').value.trim());
  $('secret').value = '';
  $('sign-in-error').textContent = '';
  show('conversions');
  $('filter-account').closest('label').hidden = !isAdmin();
  await loadPage(true);
});
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  $('rows').replaceChildren();
  $('rows').removeAttribute('aria-busy');
  $('fields').replaceChildren();
  show('sign-in');
});
$('filters').addEventListener('submit', (event) => { event.preventDefault(); loadPage(true); });
$('more').addEventListener('click', () => loadPage(false));
$('back').addEventListener('click', () => show('conversions'));

if (secret()) { show('conversions'); loadPage(true); } else { show('sign-in'); }
