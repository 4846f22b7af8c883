// Delivery health of one account: per site, counts, retry queue, Meta errors, coverage and an hourly SVG chart.
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

const percent = (share) => `${Math.round(share * 100)} %`;

/** Stacked bars per UTC hour: sent, failed, skipped + pending. Drawn with attributes and CSS classes only (strict CSP). */
export function hourlyChart(hourly) {
  const width = 480;
  const height = 120;
  const top = 6;
  const bottom = 18;
  const max = Math.max(1, ...hourly.map((h) => h.sent + h.failed + h.skipped + h.pending));
  const slot = width / Math.max(1, hourly.length);
  const total = hourly.reduce((sum, h) => sum + h.sent + h.failed + h.skipped + h.pending, 0);
  const failed = hourly.reduce((sum, h) => sum + h.failed, 0);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' });
  const title = svg('title', {});
  title.textContent = `Conversions per hour, last 24 hours: ${total} in all, ${failed} failed`;
  chart.append(title);
  chart.append(svg('line', { x1: 0, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  hourly.forEach((hour, i) => {
    let y = height - bottom;
    for (const [kind, count] of [['sent', hour.sent], ['failed', hour.failed], ['other', hour.skipped + hour.pending]]) {
      if (count === 0) continue;
      const h = ((height - bottom - top) * count) / max;
      y -= h;
      const bar = svg('rect', { x: i * slot + 1, y, width: Math.max(1, slot - 2), height: h, class: `bar-${kind}` });
      const tip = svg('title', {});
      tip.textContent = `${hour.hour.slice(11, 16)} UTC: ${count} ${kind}`;
      bar.append(tip);
      chart.append(bar);
    }
    if (i % 6 === 0 && i * slot + 40 < width) {
      const label = svg('text', { x: i * slot + 1, y: height - 4, class: 'tick' });
      label.textContent = hour.hour.slice(11, 16);
      chart.append(label);
    }
  });
  return chart;
}

function stat(list, label, value, className) {
  const box = el('div', undefined, `stat ${className || ''}`.trim());
  box.append(el('dt', label), el('dd', String(value)));
  list.append(box);
}

export function renderSite(site) {
  const card = el('article', undefined, 'site');
  const heading = el('h3', `${site.name}`);
  const id = el('span', ` ${site.siteId}`, 'hint id');
  heading.append(id);
  card.append(heading);

  const stats = el('dl', undefined, 'stats');
  stat(stats, 'Sent', site.conversions.sent, 'status-sent');
  stat(stats, 'Failed', site.conversions.failed, 'status-failed');
  stat(stats, 'Skipped', site.conversions.skipped, 'status-skipped');
  stat(stats, 'Pending', site.conversions.pending, 'status-pending');
  stat(stats, 'Retry queue', site.retryQueue);
  card.append(stats);

  const legend = el('p', undefined, 'legend hint');
  for (const [kind, text] of [['sent', 'sent'], ['failed', 'failed'], ['other', 'skipped or pending']]) {
    const key = el('span', undefined, `key key-${kind}`);
    key.setAttribute('aria-hidden', 'true');
    legend.append(key, document.createTextNode(` ${text}  `));
  }
  card.append(hourlyChart(site.hourly), legend);

  card.append(el('h4', 'Match-signal coverage'));
  const coverage = el('ul', undefined, 'coverage');
  for (const [label, share] of [['fbc (click id)', site.coverage.fbc], ['fbp (browser id)', site.coverage.fbp],
    ['IP + user agent', site.coverage.ipAndUserAgent], ['email or phone', site.coverage.emailOrPhone]]) {
    const item = el('li');
    const meter = document.createElement('meter');
    meter.min = 0; meter.max = 1; meter.value = share;
    meter.setAttribute('aria-label', label);
    item.append(el('span', label, 'coverage-label'), meter, el('span', percent(share), 'coverage-share'));
    coverage.append(item);
  }
  card.append(coverage);
  card.append(el('p', `of ${site.coverage.conversions} conversion(s) recorded in the window`, 'hint'));

  card.append(el('h4', 'Meta errors'));
  if (site.metaErrors.length === 0) {
    card.append(el('p', 'No failed call to Meta in the window.', 'hint'));
  } else {
    const table = el('table');
    const head = el('tr');
    for (const title of ['Outcome', 'Meta code', 'Calls']) {
      const th = el('th', title);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const error of site.metaErrors) {
      const row = el('tr');
      row.append(el('td', error.outcome, 'status status-failed'), el('td', error.metaCode ?? '—'),
        el('td', String(error.attempts)));
      body.append(row);
    }
    table.append(thead, body);
    card.append(table);
  }
  return card;
}
