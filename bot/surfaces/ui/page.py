"""The page's CSS and the small scripts Gradio runs in the browser."""

from __future__ import annotations

CSS = """
.bot-hidden { display: none !important; }
#header { align-items: center; flex-wrap: wrap; gap: .25rem 1rem; }
#title { flex: 1 1 260px; min-width: min(260px, 100%); overflow: visible !important; }
#title h3 { margin: 0; }
#lang { flex: 0 0 auto; display: flex; align-items: center; gap: .5rem; }
#lang > [data-testid="block-info"] {
  display: inline !important; position: static !important; width: auto !important;
  height: auto !important; clip: auto !important; margin: 0; white-space: nowrap; font-size: .9em;
}
#lang .wrap { flex-wrap: nowrap; gap: .25rem; }
button[role="tab"][aria-selected="true"] { color: var(--primary-700) !important; }  /* AA contrast */
#chat .bubble-wrap:has(.message-row) { padding-top: 2.2rem; }  /* clear of the chat's buttons */
#chat .placeholder-content { justify-content: flex-start; padding: .5rem 0 0; }
#chat .placeholder { margin: 0; padding: 0 .5rem; }
#chat .bot-intro p { margin: .2em 0; }
#chat .examples { display: flex; flex-wrap: wrap; gap: .5rem; padding: .5rem; }
#chat .example {
  flex: 0 1 auto; max-width: 100%; border: 1px solid var(--border-color-primary);
  border-radius: 1.2em; padding: .35em .9em; background: var(--background-fill-secondary);
}
#chat .example:hover { border-color: var(--color-accent); }
#chat .message th, #chat .message td { word-break: normal; overflow-wrap: normal; }
.bot-sources h3 { margin: 0 0 .5em; }
.bot-source-list { list-style: none; padding-left: 0; }
.bot-source { margin-bottom: 1em; }
.bot-source-title { font-weight: 600; }
.bot-source-text { white-space: pre-line; font-size: .92em; margin-top: .25em; }
.bot-source-other summary { cursor: pointer; color: var(--link-text-color); margin-top: .3em; }
#cost-result td[align="right"], #cost-result td[style*="right"],
#chat .message td[align="right"], #chat .message td[style*="right"] {
  white-space: nowrap; font-variant-numeric: tabular-nums; text-align: right !important;
}
#cost-result th[align="right"], #cost-result th[style*="right"],
#chat .message th[align="right"], #chat .message th[style*="right"] { text-align: right !important; }
#cost-result th, #cost-result td { word-break: normal; overflow-wrap: normal; }
#cost-result td:first-child { min-width: 7em; }
#cost-result .prose { overflow-x: auto; }
.bot-invalid input, .bot-invalid textarea, .bot-invalid .wrap {
  border-color: #b91c1c !important; box-shadow: 0 0 0 1px #b91c1c !important;
}
.bot-invalid .info-text { color: #b91c1c; font-weight: 600; }
.bot-chart { margin: 0; }
.bot-chart-title { font-weight: 600; margin: .2em 0 .5em; }
.bot-legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3em 1em; padding: 0; margin: 0 0 .6em; }
.bot-legend li { display: flex; align-items: center; gap: .35em; margin: 0; }
.bot-swatch { width: .9em; height: .9em; border-radius: 2px; display: inline-block; flex: none; }
.bot-c0 { background: #2563eb; } .bot-c1 { background: #d97706; }
.bot-c2 { background: #059669; } .bot-c3 { background: #9333ea; }
.bot-group { margin-bottom: .55em; }
.bot-group-label { font-size: .9em; margin-bottom: .1em; }
.bot-bar-row { display: flex; align-items: center; height: 1.2em; margin: 2px 6em 2px 0; }
.bot-bar { flex: none; display: block; height: 100%; min-width: 1px; border-radius: 0 3px 3px 0; }
.bot-bar-value {
  flex: none; padding-left: .35em; white-space: nowrap; font-size: .85em;
  font-variant-numeric: tabular-nums;
}
.bot-axis {
  position: relative; height: 1.5em; margin: .2em 6em .8em 0; font-size: .8em;
  border-top: 1px solid var(--border-color-primary);
}
.bot-tick { position: absolute; top: .15em; transform: translateX(-50%); white-space: nowrap; }
.bot-tick:first-child { transform: none; }
.bot-one-time table { width: auto; max-width: 100%; border-collapse: collapse; }
.bot-one-time thead th { text-align: right; }
.bot-one-time th, .bot-one-time td { padding: .2em .6em; text-align: left; font-weight: normal; }
.bot-num { text-align: right !important; white-space: nowrap; font-variant-numeric: tabular-nums; }
.bot-sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
#chat .bot-inline-sources {
  margin-top: .6em; padding-top: .4em; border-top: 1px solid var(--border-color-primary);
  font-size: .9em;
}
#chat .bot-inline-sources summary { cursor: pointer; font-weight: 600; }
#chat .bot-inline-list { margin: .3em 0 0; padding-left: 1.6em; }
#chat .bot-inline-list li { margin: .15em 0; }
a.bot-cite {  /* underlined: told apart from the text by more than colour (axe-core) */
  color: var(--primary-700); text-underline-offset: 2px; white-space: nowrap;
}
.bot-cited { outline: 2px solid var(--color-accent); outline-offset: 2px; border-radius: 3px; }
@media (min-width: 641px) {
  #chat .bot-inline-sources { display: none; }
  #chat .bot-shown .message { box-shadow: inset 4px 0 0 var(--color-accent); }
}
@media (max-width: 640px) {
  #chat { height: 56vh !important; }  /* the box and 'new conversation' stay in view under the wrapped tabs */
  #sources-column { display: none !important; }  /* each answer shows its own, under it */
  #chat .message-row.bot-row { max-width: 100%; margin-right: 0; }  /* no room to spare */
  #chat .bot-intro { font-size: .9em; }
  #chat .examples { gap: .35rem; padding: .35rem; }
  #chat .example { font-size: .85em; padding: .25em .7em; }
  #chat .message table { font-size: .8em; }
  #chat .message th, #chat .message td { padding: .25em .35em !important; }
  #cost-result table { font-size: .74em; }
  #cost-result th, #cost-result td { padding: .2em .3em !important; }
  #cost-result td:first-child { min-width: 5.5em; }
}
"""

# Ask for the conversation kept in this browser (gr.BrowserState's localStorage key), if any.
RESTORE = """
() => {
  if (localStorage.getItem('bot-conversation')) document.querySelector('#restore')?.click();
}
"""

# Set <html lang> to the UI language (an event's js: called with the language, returns nothing).
SET_LANG = "(lang) => { document.documentElement.lang = lang; }"

# On load: when an answer starts, scroll its question to the top of the chat, so the start of the
# answer stays in view as it grows (the Chatbot's own autoscroll, which follows the end, is off).
ON_LOAD = """
() => {
  const scroller = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) return node;
    }
    return null;
  };
  const TOP = 40;  // below the chat's own copy / clear buttons
  let answers = 0;
  let target = -1;  // the row of the question whose answer started last
  const watch = () => {
    const chat = document.querySelector('#chat');
    if (!chat) { setTimeout(watch, 200); return; }
    const unlist = () => chat.querySelectorAll('.examples[role="list"]').forEach(
      (e) => e.removeAttribute('role'));
    unlist();
    new MutationObserver(() => {
      // The example chips are buttons in a role="list" without list items: a list they are not.
      unlist();
      const rows = [...chat.querySelectorAll('.message-row')];
      const bots = rows.filter((row) => !row.classList.contains('user-row'));
      if (bots.length > answers) {
        const at = rows.indexOf(bots[bots.length - 1]);
        target = rows.slice(0, at).map((row) => row.classList.contains('user-row')).lastIndexOf(true);
      }
      answers = bots.length;
      // Until the question reaches the top (the answer may first be too short to scroll).
      const box = target >= 0 && rows[target] ? scroller(rows[target]) : null;
      if (box) {
        const offset = rows[target].getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTop += offset - TOP;
        if (Math.abs(offset - TOP) < 2) target = -1;
      }
    }).observe(chat, { childList: true, subtree: true });
  };
  watch();
}
"""

# A citation [n] clicked: on a phone its source opens under the answer; on a desktop the click
# also selects the answer (Gradio's select fills the panel with its sources), and the source is
# scrolled to there. Either way the source is outlined for a moment.
CITES = """
() => {
  if (window.__botCites) return;
  window.__botCites = true;
  const flash = (el) => {
    el.classList.add('bot-cited');
    setTimeout(() => el.classList.remove('bot-cited'), 2000);
  };
  document.addEventListener('click', (event) => {
    const cite = event.target.closest && event.target.closest('a.bot-cite');
    if (!cite) return;
    event.preventDefault();
    const n = Number(cite.textContent.replace(/\\D/g, ''));
    const row = cite.closest('.message-row');
    const block = row && row.querySelector('.bot-inline-sources');
    const item = block && block.querySelectorAll('li')[n - 1];
    if (!item) return;
    if (getComputedStyle(block).display !== 'none') {
      block.open = true;
      requestAnimationFrame(() => {  // the chat scrolls, not the page: the whole source in view
        let box = item.parentElement;
        while (box && !(/(auto|scroll)/.test(getComputedStyle(box).overflowY)
                        && box.scrollHeight > box.clientHeight)) box = box.parentElement;
        if (!box) { item.scrollIntoView({block: 'nearest'}); return; }
        const below = item.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
        if (below > -16) box.scrollTop += below + 16;
      });
      flash(item);
      return;
    }
    // The panel's n-th source once it shows this answer's (the same title).
    const title = item.textContent.trim();
    let tries = 0;
    const find = () => {
      const source = document.querySelectorAll('#sources li.bot-source')[n - 1];
      const shown = source && source.querySelector('.bot-source-title').textContent.trim();
      if (shown && shown.endsWith(title)) {
        source.scrollIntoView({block: 'nearest'});
        flash(source);
      } else if (++tries < 30) setTimeout(find, 100);
    };
    setTimeout(find, 150);
  }, true);
  // On a desktop, the answer whose sources the panel shows (after a click) is marked; a new
  // answer puts the panel back on the latest, so the mark goes.
  document.addEventListener('click', (event) => {
    const row = event.target.closest && event.target.closest('#chat .message-row:not(.user-row)');
    if (!row || event.target.closest('button:not(.message)')) return;
    document.querySelectorAll('#chat .bot-shown').forEach((r) => r.classList.remove('bot-shown'));
    row.classList.add('bot-shown');
  });
  let rows = 0;
  new MutationObserver(() => {
    const now = document.querySelectorAll('#chat .message-row:not(.user-row)').length;
    if (now !== rows) {
      document.querySelectorAll('#chat .bot-shown').forEach((r) => r.classList.remove('bot-shown'));
    }
    rows = now;
  }).observe(document.body, {childList: true, subtree: true});
}
"""

# After an estimate: the first wrong field (marked for assistive technology too) or the result is
# scrolled into view, since either may lie below the fold.
SHOW_COST = """
() => {
  setTimeout(() => {
    document.querySelectorAll('#tab-cost [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const bad = [...document.querySelectorAll('#tab-cost .bot-invalid')];
    bad.forEach((block) => block.querySelectorAll('input, textarea').forEach(
      (e) => e.setAttribute('aria-invalid', 'true')));
    const target = bad[0] || document.querySelector('#cost-output');
    if (target) target.scrollIntoView({block: 'start'});
    const input = bad[0] && bad[0].querySelector('input, textarea');
    if (input) input.focus({preventScroll: true});
  }, 80);
}
"""
