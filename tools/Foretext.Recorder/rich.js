// Stage: browser oracle, in-page half for rich inline flow (spans of their own font in one div).
// Input: one case: items (text, font, letter spacing, atomic, extra width), box width, lang, word-break, line height in px.
// Output: the div's height and every line start as [item, UTF-16 offset in that item's text].
// Each item is a span; an atomic item is `display:inline-block; white-space:nowrap`; extra width is the span's
// horizontal padding, half on each side. A character's line is the middle of its last box with non-zero width
// (Range.getClientRects); an atomic item's is the middle of its border box. Spans of different fonts sit on one
// baseline at different heights, so a new line is a middle more than half the (fixed, large) line height lower.
'use strict';
window.__foretextRich = (c) => {
  document.body.replaceChildren();
  const div = document.createElement('div');
  div.id = 'case';
  div.style.cssText = `margin:0;padding:0;border:0;white-space:normal;overflow-wrap:break-word;word-break:${c.wordBreak || 'normal'};font:${c.items[0].font};width:${c.width}px;line-height:${c.lineHeight}px`;
  if (c.lang) div.lang = c.lang;
  if (c.dir) div.dir = c.dir;
  const nodes = [];
  for (const item of c.items) {
    const span = document.createElement('span');
    let css = `font:${item.font};letter-spacing:${item.letterSpacing || 0}px`;
    if (item.extraWidth) css += `;padding:0 ${item.extraWidth / 2}px`;
    if (item.atomic) css += ';display:inline-block;white-space:nowrap';
    span.style.cssText = css;
    const node = document.createTextNode(item.text);
    span.appendChild(node);
    div.appendChild(span);
    nodes.push({ span, node, item });
  }
  document.body.appendChild(div);
  const range = document.createRange();
  const lines = [];
  let middle = -Infinity;
  const visit = (index, offset, box) => {
    const m = box.top + box.height / 2;
    if (m > middle + c.lineHeight / 2) {
      lines.push([index, offset]);
      middle = m;
    }
  };
  nodes.forEach(({ span, node, item }, index) => {
    if (item.atomic) {
      const box = span.getBoundingClientRect();
      if (box.width > 0) {
        let first = 0;
        while (first < item.text.length && ' \t\n\r\f'.includes(item.text[first])) first++;
        visit(index, first, box);
      }
      return;
    }
    const text = item.text;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i);
      const len = cp > 0xFFFF ? 2 : 1;
      range.setStart(node, i);
      range.setEnd(node, i + len);
      const boxes = [...range.getClientRects()].filter(r => r.width > 0);
      if (boxes.length > 0) visit(index, i, boxes[boxes.length - 1]);
      i += len;
    }
  });
  return { height: div.getBoundingClientRect().height, lines };
};
