// Stage: browser oracle, in-page half (injected by ChromiumOracle into an empty page).
// Input: one case (text, CSS font, line height, width, white-space, word-break, letter-spacing, lang, dir).
// Output: the div's height and every line start as a UTF-16 offset into the original text.
// Lines are found from Range.getClientRects on single characters: per line a gallop outwards from the
// previous line's length, then a binary search (3-7 probes a line). Lines are compared by the vertical middle
// of a character's own box, never by x, so RTL and bidi lines stay in logical order.
'use strict';
window.__foretext = (() => {
  const range = document.createRange();
  let st = null;

  const isHigh = c => c >= 0xD800 && c <= 0xDBFF;
  const isLow = c => c >= 0xDC00 && c <= 0xDFFF;
  // Characters that white-space: normal collapses; a collapsed one keeps a zero-width rect (sometimes two,
  // one at the end of a line and one at the start of the next) and must never count as a line start.
  const isCollapsible = c => c === 0x20 || c === 0x09 || c === 0x0A || c === 0x0D || c === 0x0C;

  // Cuts long text into text nodes after white space: Range offsets into one huge text node are slow.
  function chunk(text, size) {
    if (size <= 0 || text.length <= size) return [text];
    const parts = [];
    let start = 0;
    while (text.length - start > size) {
      let cut = -1;
      for (let i = start + size; i < text.length; i++) {
        if (isCollapsible(text.charCodeAt(i))) { cut = i + 1; break; }
      }
      if (cut < 0 || cut >= text.length) break;
      parts.push(text.slice(start, cut));
      start = cut;
    }
    parts.push(text.slice(start));
    return parts;
  }

  function setup(c) {
    document.body.replaceChildren();
    const div = document.createElement('div');
    div.id = 'case';
    const s = div.style;
    s.margin = '0';
    s.padding = '0';
    s.border = '0';
    s.font = c.font;
    s.lineHeight = c.lineHeight + 'px';
    s.whiteSpace = c.whiteSpace;
    s.wordBreak = c.wordBreak;
    s.overflowWrap = 'break-word';
    s.letterSpacing = c.letterSpacing ? c.letterSpacing + 'px' : 'normal';
    s.width = c.width + 'px';
    if (c.lang) div.lang = c.lang;
    if (c.dir) div.dir = c.dir;
    const nodes = [];
    const starts = [];
    let offset = 0;
    for (const part of chunk(c.text, c.chunkSize)) {
      const node = document.createTextNode(part);
      div.appendChild(node);
      nodes.push(node);
      starts.push(offset);
      offset += part.length;
    }
    document.body.appendChild(div);
    st = { div, nodes, starts, text: c.text, lineHeight: c.lineHeight, collapse: c.whiteSpace === 'normal', chunks: nodes.length };
  }

  function rectsOf(i, end) {
    const s = st.starts;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if (s[m] <= i) lo = m; else hi = m - 1;
    }
    const node = st.nodes[lo], base = s[lo];
    range.setStart(node, i - base);
    range.setEnd(node, end - base);
    return range.getClientRects();
  }

  // The first drawn character at or after i: {at, mid} or null at the end of the text.
  function drawn(i) {
    const t = st.text, n = t.length;
    // Never probe inside a surrogate pair: a low surrogate is probed with its high half.
    if (i > 0 && i < n && isLow(t.charCodeAt(i)) && isHigh(t.charCodeAt(i - 1))) i--;
    while (i < n) {
      const c = t.charCodeAt(i);
      const end = isHigh(c) && i + 1 < n && isLow(t.charCodeAt(i + 1)) ? i + 2 : i + 1;
      st.probes++;
      const rs = rectsOf(i, end);
      let ok = rs.length > 0;
      if (ok && st.collapse && isCollapsible(c)) {
        ok = false;
        for (const r of rs) if (r.width > 0) { ok = true; break; }
      }
      if (ok) {
        // A range starting right after a soft hyphen also returns the generated hyphen's box on the line
        // before; the character's own box is the last one with ink. Zero-width characters (ZWSP at a line
        // end) may get a second empty box on the next line: they belong to the first.
        let r = rs[0];
        for (let k = rs.length - 1; k >= 0; k--) if (rs[k].width > 0) { r = rs[k]; break; }
        return { at: i, mid: (r.top + r.bottom) / 2 };
      }
      i = end;
    }
    return null;
  }

  function lines() {
    const n = st.text.length, lh = st.lineHeight;
    st.probes = 0;
    const starts = [];
    let gaps = 0;
    let cur = drawn(0);
    let est = 16;
    while (cur) {
      starts.push(cur.at);
      const threshold = cur.mid + lh / 2;
      // later(i): the first drawn character at or after i lies on a later line than cur (monotonic in i).
      // Gallop outwards from the previous line's length (lines of one paragraph are alike), then bisect.
      let lo = cur.at, hi = -1, hiHit = null;
      const later = p => {
        const d = p < n ? drawn(p) : null;
        return d === null || d.mid > threshold ? (hiHit = d, true) : false;
      };
      const guess = Math.min(cur.at + est, n);
      if (later(guess)) {
        hi = guess;
        for (let step = 2; ; step *= 2) {
          const p = hi - step;
          if (p <= lo) break;
          if (later(p)) hi = p; else { lo = p; break; }
        }
      } else {
        lo = guess;
        for (let step = 2; hi < 0; step *= 2) {
          const p = Math.min(lo + step, n);
          if (later(p)) hi = p; else lo = p;
        }
      }
      while (hi - lo > 1) {
        const m = (lo + hi) >> 1;
        const d = drawn(m);
        if (d === null || d.mid > threshold) { hi = m; hiHit = d; } else lo = m;
      }
      if (hiHit === null) break;
      // A jump of two or more line heights means a line with no drawn character was skipped.
      if (hiHit.mid - cur.mid > 1.5 * lh) gaps += Math.round((hiHit.mid - cur.mid) / lh) - 1;
      est = Math.max(1, hiHit.at - cur.at);
      cur = hiHit;
    }
    const height = st.div.getBoundingClientRect().height;
    return { height, lines: starts, gaps, probes: st.probes, chunks: st.chunks };
  }

  async function measure(c) {
    if (c.reuse && st) st.div.style.width = c.width + 'px';
    else setup(c);
    await document.fonts.ready;
    return lines();
  }

  // An independent check of lines(): the caret at the start edge of every line box (hit testing, not
  // Range rects): the left edge, or the right one for dir=rtl. Only meaningful for unidirectional text,
  // where that edge holds the logical start.
  function caretStarts(rtl) {
    const t = st.text, lh = st.lineHeight;
    const box = st.div.getBoundingClientRect();
    const count = Math.round(box.height / lh);
    const result = [];
    const bounds = new Set();
    for (const g of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t)) bounds.add(g.index);
    // Lines below the viewport are brought up by relative positioning, which moves boxes without
    // re-breaking them (scrolling was tried first: hit testing sometimes saw the previous scroll offset).
    st.div.style.position = 'relative';
    for (let k = 0; k < count; k++) {
      const shift = Math.max(0, k * lh - 300);
      st.div.style.top = -shift + 'px';
      const pos = document.caretPositionFromPoint(rtl ? box.right - 0.5 : box.left + 0.5, box.top - shift + k * lh + lh / 2);
      if (!pos || !st.nodes.includes(pos.offsetNode)) { result.push(-1); continue; }
      let at = st.starts[st.nodes.indexOf(pos.offsetNode)] + pos.offset;
      // Reordered marks (Khmer and Myanmar prescript vowels) put a cluster's middle at its left edge.
      while (at > 0 && !bounds.has(at)) at--;
      if (st.collapse) while (at < t.length && isCollapsible(t.charCodeAt(at))) at++;
      result.push(at);
    }
    st.div.style.position = '';
    st.div.style.top = '';
    return result;
  }

  async function spanWidth(c) {
    document.body.replaceChildren();
    const span = document.createElement('span');
    span.id = 'case';
    span.style.whiteSpace = 'pre';
    span.style.font = c.font;
    for (const [k, v] of Object.entries(c.style)) span.style.setProperty(k, v);
    if (c.lang) span.lang = c.lang;
    if (c.dir) span.dir = c.dir;
    span.textContent = c.text;
    document.body.appendChild(span);
    await document.fonts.ready;
    return span.getBoundingClientRect().width;
  }

  return { measure, spanWidth, caretStarts };
})();
