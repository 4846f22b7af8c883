// WCAG 2.x contrast of every visible piece of text on the page, from the computed styles the real CSS gives.
// Returns the texts below AA: 4.5:1, or 3:1 for large text (24px, or 18.66px bold). Backgrounds are
// composited up the ancestors (transparent and translucent layers over the page's white canvas).
const rgba = (text) => {
  const m = /rgba?\(([^)]+)\)/.exec(text || '');
  if (!m) return null;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
};
const over = (top, bottom) => bottom.map((v, i) => top[i] * top[3] + v * (1 - top[3]));
const background = (element) => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) {
      layers.push(c);
      if (c[3] >= 1) break;
    }
  }
  return layers.reverse().reduce((base, layer) => over(layer, base), [255, 255, 255]);
};
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const visible = (e) => {
  if (e.closest('svg, [hidden], .visually-hidden')) return false;
  const style = getComputedStyle(e);
  return style.visibility !== 'hidden' && style.display !== 'none' && e.getClientRects().length > 0;
};
const hasText = (e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)
  || [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
const failures = [];
let checked = 0;
for (const e of document.querySelectorAll('body *')) {
  if (!hasText(e) || !visible(e) || e.disabled) continue;
  const style = getComputedStyle(e);
  const back = background(e);
  const fore = over(rgba(style.color), back);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  const needed = large ? 3 : 4.5;
  const found = ratio(fore, back);
  checked += 1;
  if (found < needed) {
    const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).trim().split(/\s+/).join('.')}` : ''}`;
    const text = (e.value || e.textContent || '').trim().slice(0, 40);
    failures.push(`${name} "${text}": ${found.toFixed(2)}:1 < ${needed}:1 (${style.color} on rgb(${back.map(Math.round).join(', ')}))`);
  }
}
return { checked, failures };
