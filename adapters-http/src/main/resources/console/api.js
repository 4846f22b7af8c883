// Calls this service's API with the signed-in secret; a problem+json answer becomes an ApiError.
const KEY = 'adtarget.console.secret';

export const session = {
  secret: () => sessionStorage.getItem(KEY),
  signIn: (secret) => sessionStorage.setItem(KEY, secret),
  signOut: () => sessionStorage.removeItem(KEY),
  // API keys look like atk_live_… / atk_test_…; the admin token may not (the service refuses such a token).
  isOperator: () => !(sessionStorage.getItem(KEY) || '').startsWith('atk_'),
};

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem.detail ? ` — ${problem.detail}` : '';
    super(`${problem.title || `HTTP ${status}`}${detail}`);
    this.status = status;
    this.code = problem.code;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${session.secret()}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
  });
  const payload = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, payload || {});
  return { status: response.status, body: payload };
}

/** The paths the signed-in party may use: an operator goes through the admin API, a customer through its key's. */
export const paths = {
  list: (params) => (session.isOperator() ? `/admin/v1/conversions?${params}` : `/api/v1/events/conversion?${params}`),
  conversion: (id) => (session.isOperator() ? `/admin/v1/conversions/${encodeURIComponent(id)}`
    : `/api/v1/events/conversion/${encodeURIComponent(id)}`),
  attempts: (id) => `${paths.conversion(id)}/attempts`,
  health: (accountId) => (session.isOperator()
    ? `/admin/v1/accounts/${encodeURIComponent(accountId)}/delivery-health` : '/api/v1/delivery-health'),
  retry: (id) => `/admin/v1/conversions/${encodeURIComponent(id)}/retry`,
};
