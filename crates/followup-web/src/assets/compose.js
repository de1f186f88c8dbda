// The composer's live review. Without this script the page still works: "Check" and "Fix it"
// post the form and the server renders the review. With it, the text is posted to
// /api/check as the user types (at most 150 ms after the last key) and the flagged words are
// underlined in place: an overlay over the textarea holds one focusable mark per finding, whose
// message and suggestion show on hover and on keyboard focus.
"use strict";

(function () {
  const form = document.getElementById("composer");
  const body = document.getElementById("body");
  const overlay = document.getElementById("overlay");
  if (!form || !body || !overlay) return;

  const DEBOUNCE_MS = 150;
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.getAttribute("content") : "";
  const process = form.dataset.process || null;
  const kindInput = form.querySelector('[name="kind"]');
  const verdict = document.getElementById("verdict");
  const findings = document.getElementById("findings");
  const fixButton = document.getElementById("fix-button");
  const fixedPanel = document.getElementById("fixed-panel");
  const fixedText = document.getElementById("fixed-text");
  const takeFix = document.getElementById("take-fix");
  const copyButton = document.getElementById("copy-button");
  const mailto = document.getElementById("mailto");
  const to = document.getElementById("to");
  const subject = document.getElementById("subject");

  let timer = null;
  let latest = 0;

  /** POSTs the text to /api/check; resolves to the review object (or null on failure). */
  function review(fix) {
    const sent = ++latest;
    const request = { text: body.value, kind: kindInput ? kindInput.value : "follow-up", fix: fix };
    if (process) request.process = process;
    return fetch("/api/check", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(request),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { return sent === latest || fix ? result : null; })
      .catch(function () { return null; });
  }

  /** Maps the review's byte offsets (UTF-8) to indices into the JavaScript string (UTF-16). */
  function byteToIndex(text) {
    const map = new Map();
    let bytes = 0;
    let index = 0;
    for (const ch of text) {
      map.set(bytes, index);
      const code = ch.codePointAt(0);
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      index += ch.length;
    }
    map.set(bytes, index);
    return { map: map, length: bytes };
  }

  function severityWord(finding) { return finding.severity; }

  function explanation(finding) {
    return finding.message + (finding.suggestion ? " → " + finding.suggestion : "");
  }

  /** Redraws the overlay: the text as it is, each flagged span a focusable mark. */
  function drawMarks(text, result) {
    overlay.textContent = "";
    const offsets = byteToIndex(text);
    const spans = (result ? result.findings : [])
      .filter(function (f) { return !(f.start === 0 && f.end === offsets.length) && f.end > f.start; })
      .map(function (f) {
        return { start: offsets.map.get(f.start), end: offsets.map.get(f.end), finding: f };
      })
      .filter(function (s) { return s.start !== undefined && s.end !== undefined; })
      .sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    let at = 0;
    spans.forEach(function (span, n) {
      if (span.start < at) return; // overlapping: the first one is drawn, all are listed
      overlay.appendChild(plain(text.slice(at, span.start)));
      const mark = document.createElement("mark");
      mark.className = "flag sev-" + severityWord(span.finding);
      mark.tabIndex = 0;
      mark.id = "flag-" + n;
      mark.setAttribute("aria-label", "“" + span.finding.excerpt + "”: " + explanation(span.finding));
      mark.textContent = text.slice(span.start, span.end);
      const tip = document.createElement("span");
      tip.className = "tip";
      tip.setAttribute("role", "tooltip");
      tip.textContent = span.finding.severity + ": " + explanation(span.finding);
      mark.appendChild(tip);
      mark.addEventListener("mousedown", function (event) {
        event.preventDefault();
        body.focus();
        body.setSelectionRange(span.start, span.start);
      });
      overlay.appendChild(mark);
      at = span.end;
    });
    // A trailing newline needs a character after it to take its line, as in the textarea.
    overlay.appendChild(plain(text.slice(at) + "\u200b"));
  }

  function plain(text) {
    const span = document.createElement("span");
    span.setAttribute("aria-hidden", "true");
    span.textContent = text;
    return span;
  }

  /** Updates the verdict line and the list of findings beside the editor. */
  function drawPanel(result) {
    if (!verdict || !findings) return;
    verdict.textContent = "";
    findings.textContent = "";
    if (!result) {
      verdict.textContent = body.value.trim() ? "Could not check the message." : "Not checked yet.";
      return;
    }
    verdict.dataset.verdict = result.verdict;
    const strong = document.createElement("strong");
    strong.textContent = result.verdict;
    verdict.appendChild(strong);
    verdict.appendChild(document.createTextNode(
      " · score " + result.score + " · " + result.words + " words · " + result.questions +
      (result.questions === 1 ? " question" : " questions")));
    if (result.findings.length === 0) {
      const none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing to fix.";
      findings.appendChild(none);
    }
    result.findings.forEach(function (f) {
      const item = document.createElement("li");
      item.className = "finding sev-" + f.severity;
      const word = document.createElement("span");
      word.className = "severity";
      word.textContent = f.severity;
      item.appendChild(word);
      item.appendChild(document.createTextNode(" "));
      const whole = f.start === 0 && f.end === byteToIndex(body.value).length;
      if (!whole) {
        const q = document.createElement("q");
        q.textContent = f.excerpt;
        item.appendChild(q);
        item.appendChild(document.createTextNode(" — "));
      }
      item.appendChild(document.createTextNode(explanation(f)));
      findings.appendChild(item);
    });
  }

  function grow() {
    body.style.height = "auto";
    body.style.height = body.scrollHeight + 2 + "px";
  }

  function updateMailto() {
    if (!mailto) return;
    const address = to ? to.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean) : [];
    mailto.href = "mailto:" + address.map(encodeURIComponent).join(",") +
      "?subject=" + encodeURIComponent(subject ? subject.value : "") +
      "&body=" + encodeURIComponent(body.value);
  }

  function check() {
    const text = body.value;
    if (!text.trim()) {
      drawMarks(text, null);
      drawPanel(null);
      return Promise.resolve();
    }
    return review(false).then(function (result) {
      if (result === null && latest !== 0 && text !== body.value) return;
      drawMarks(text, result);
      drawPanel(result);
    });
  }

  function later() {
    drawMarks(body.value, null); // keep the overlay aligned while typing
    grow();
    updateMailto();
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  body.addEventListener("input", later);
  if (kindInput && kindInput.tagName === "SELECT") kindInput.addEventListener("change", check);
  [to, subject].forEach(function (field) { if (field) field.addEventListener("input", updateMailto); });

  if (fixButton && fixedPanel && fixedText) {
    fixButton.addEventListener("click", function (event) {
      event.preventDefault();
      review(true).then(function (result) {
        if (!result || typeof result.fixed !== "string") return;
        fixedText.value = result.fixed;
        fixedPanel.hidden = false;
        if (takeFix) takeFix.focus();
      });
    });
  }
  if (takeFix && fixedPanel && fixedText) {
    takeFix.addEventListener("click", function (event) {
      event.preventDefault();
      body.value = fixedText.value;
      fixedPanel.hidden = true;
      later();
      body.focus();
    });
  }
  if (copyButton && navigator.clipboard) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(body.value).then(function () {
        copyButton.textContent = "Copied";
      });
    });
  }

  // The kind, tone and variant selectors re-draft as soon as one changes.
  const redraft = document.querySelector("form.redraft");
  if (redraft) {
    redraft.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { redraft.submit(); });
    });
  }

  document.documentElement.classList.add("live-review");
  grow();
  updateMailto();
  check();
})();
