// @ts-check
/* The only way the page touches the DOM: elements are built with el(), text
 * always goes in as text nodes or textContent, never as HTML (no innerHTML
 * anywhere in www/src). */

/** @param {string} id @returns {any} */
export function $(id) {
  return document.getElementById(id);
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
      else if (k === 'text') node.textContent = String(v);
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
    node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
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

/** Set text only when it differs (no needless layout work). @param {Node} node @param {string} text */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
