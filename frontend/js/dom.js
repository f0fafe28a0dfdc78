// Small DOM helpers shared by the page scripts.

/** A new element with an optional class name and text (set as text, never parsed as HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}
