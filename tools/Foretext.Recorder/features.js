// Stage: browser oracle, in-page half for CSS features (line clamp, text-overflow, text-wrap, line-height: normal).
// Input: one case: text, font, width, lang, dir, line height ('normal' or px) and extra CSS declarations.
// Output: the div's height, every line start (UTF-16 offsets), and for clamped cases where hidden text starts.
// Line starts come from Range.getClientRects on each code point (texts are short): a character's line is the top of
// its last box with non-zero width; zero-width characters never start a line. Blink's LineTruncator hides the
// original text fragment of a truncated line and adds a truncated copy, so a character still drawn on a truncated
// line has two non-zero boxes and a hidden one has one: the first hidden character follows the last doubled one.
'use strict';
window.__foretextFeatures = (c) => {
  document.body.replaceChildren();
  const div = document.createElement('div');
  div.id = 'case';
  div.style.cssText = `margin:0;padding:0;border:0;overflow-wrap:break-word;font:${c.font};width:${c.width}px;line-height:${c.lineHeight};${c.css}`;
  if (c.lang) div.lang = c.lang;
  if (c.dir) div.dir = c.dir;
  const node = document.createTextNode(c.text);
  div.appendChild(node);
  document.body.appendChild(div);
  const range = document.createRange();
  const lines = [];
  let top = -Infinity, lastDoubled = -1;
  const text = c.text;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const len = cp > 0xFFFF ? 2 : 1;
    range.setStart(node, i);
    range.setEnd(node, i + len);
    const boxes = [...range.getClientRects()].filter(r => r.width > 0);
    if (boxes.length > 0) {
      const box = boxes[boxes.length - 1];
      if (box.top > top + box.height / 2) {
        lines.push(i);
        top = box.top;
      }
      if (boxes.length > 1) lastDoubled = i + len;
    }
    i += len;
  }
  // Extend past characters without a box of their own (marks, ZWJ, variation selectors) that belong to the last kept one.
  let hidden = -1;
  if (lastDoubled >= 0) {
    hidden = lastDoubled;
    while (hidden < text.length) {
      range.setStart(node, hidden);
      range.setEnd(node, hidden + 1);
      if ([...range.getClientRects()].some(r => r.width > 0)) break;
      hidden++;
    }
  }
  return { height: div.getBoundingClientRect().height, lines, hidden };
};
