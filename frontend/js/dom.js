// Small DOM helpers shared by the page scripts.

/** A new element with an optional class name and text (set as text, never parsed as HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

/** A new element with attributes set from {@code attrs} and optional text. */
export function elAttrs(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = String(text);
  return node;
}

/** A new element with DOM properties assigned from {@code props} and children appended (strings as text). */
export function elProps(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}
