// @ts-check
/* The only way the page touches the DOM: elements are built with el(), text
 * always goes in as text nodes or textContent, never as HTML (no innerHTML
 * anywhere in www/src). */

/** @param {string} id @returns {any} */
export function $(id) {
  return document.getElementById(id);
}

/* Control and bidi characters from cells (issue 9 item 14) never reach the
 * screen as they are: an RLO would reverse a cell's text, a BEL or ESC
 * is noise. Every text this module puts in the DOM (text nodes, `text`,
 * `title`, setText) shows them as visible marks: C0 controls as their
 * Unicode control pictures (ESC → ␛, BEL → ␇), DEL as ␡, the others by
 * name or code point (RLO → ⟦RLO⟧, U+0085 → ⟦U+0085⟧). The same characters
 * the CLI escapes (src/render/escape.rs). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** @type {Record<number, string>} */
const MARK_NAMES = {
  0x61c: 'ALM', 0x200e: 'LRM', 0x200f: 'RLM', 0x2028: 'LS', 0x2029: 'PS', 0x202a: 'LRE', 0x202b: 'RLE',
  0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI',
};

/** `text` with control and bidi characters shown as visible marks. @param {string} text */
export function marks(text) {
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    if (n < 0x20) return String.fromCharCode(0x2400 + n);
    if (n === 0x7f) return '\u2421';
    const hex = n.toString(16).toUpperCase();
    return '\u27e6' + (MARK_NAMES[n] || 'U+' + '0000'.slice(hex.length) + hex) + '\u27e7';
  });
}

/** @typedef {Node | string | number | null | undefined | false | any[]} Child  (arrays nest) */

/**
 * An element with attributes and children. `class`, `text` (textContent),
 * `testid` (data-testid) and `on…` (a listener) are special; `true` sets an
 * empty attribute; null/undefined/false leave it out.
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {Child} [children]
 * @returns {any}
 */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((k) => {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = marks(String(v));
      else if (k === 'title') node.setAttribute('title', marks(String(v)));
      else if (k === 'testid') node.setAttribute('data-testid', v);
      else if (k.indexOf('on') === 0 && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    });
  }
  if (children !== undefined) append(node, children);
  return node;
}

/** @param {Node} node @param {Child} children @returns {Node} */
export function append(node, children) {
  (Array.isArray(children) ? children : [children]).forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { append(node, c); return; }
    node.appendChild(typeof c === 'object' ? c : document.createTextNode(marks(String(c))));
  });
  return node;
}

/** @param {Node} node */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Put `next` where `prev` is (or append it to `parent` when there is no prev).
 * @template {Node} N @param {Node} parent @param {Node | null} prev @param {N} next @returns {N} */
export function swap(parent, prev, next) {
  if (prev && prev.parentNode === parent) parent.replaceChild(next, prev);
  else parent.appendChild(next);
  return next;
}

/** Set text (with [marks]) only when it differs (no needless layout work). @param {Node} node @param {string} text */
export function setText(node, text) {
  const shown = marks(text);
  if (node.textContent !== shown) node.textContent = shown;
}
