// Shows a problem+json answer's field errors next to the form's fields (aria-invalid + a described message).

export function clearFieldErrors(form) {
  for (const message of form.querySelectorAll('.field-error')) message.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-'));
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' ')); else input.removeAttribute('aria-describedby');
  }
}

/** Marks each field the API named; returns the errors no field of the form carries (to show elsewhere). */
export function showFieldErrors(form, error) {
  const unplaced = [];
  for (const fieldError of error.fieldErrors || []) {
    const name = String(fieldError.field || '');
    const input = form.elements.namedItem(name);
    if (!input || !(input instanceof HTMLElement)) { unplaced.push(fieldError); continue; }
    const message = document.createElement('span');
    message.className = 'field-error error';
    message.id = `err-${form.id}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    message.textContent = fieldError.message || fieldError.detail || 'is invalid';
    input.setAttribute('aria-invalid', 'true');
    const described = (input.getAttribute('aria-describedby') || '').trim();
    input.setAttribute('aria-describedby', `${described} ${message.id}`.trim());
    input.insertAdjacentElement('afterend', message);
  }
  return unplaced;
}
