// followup's only script. Every page works without it: links and forms are plain HTML.
// It gives scripts a POST helper that carries the session's CSRF token, and marks the page
// as scripted so styles can offer what only works with JavaScript.
"use strict";

(function () {
  document.documentElement.classList.add("js");

  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.getAttribute("content") : "";

  /** POSTs `body` (a string or FormData) to `url` with the CSRF header; resolves to the Response. */
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf },
      body: body,
    });
  }

  window.followup = Object.freeze({ post: post });
})();
