//! Browser tests: the real `followup serve` driven in headless Chromium through WebDriver
//! (chromedriver on a free port, a fresh profile per browser). Each test saves a PNG of every
//! page it visits under `target/screenshots/`.
//!
//! Without Chromium and chromedriver (Debian `chromium` and `chromium-driver`) the tests say
//! so and pass, except under `CI=true`, where a missing browser is a failure.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::serve::Server;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "chromedriver";

/// A headless Chromium session, and the chromedriver serving it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a browser, or `None` (with a note) when they are not installed
    /// and `CI` is not `true`.
    pub async fn start() -> Option<Browser> {
        let driver_path = find_driver();
        if !Path::new(CHROMIUM).exists() || driver_path.is_none() {
            let why = format!(
                "browser tests need {CHROMIUM} and chromedriver: \
                 apt-get install -y chromium chromium-driver"
            );
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{why} (CI=true)"
            );
            eprintln!("skipped: {why}");
            return None;
        }
        let port = free_port();
        let driver = Command::new(driver_path?)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let capabilities = json!({
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap();
        client.set_window_size(1280, 900).await.unwrap();
        Some(Browser {
            client,
            driver,
            _profile: profile,
        })
    }

    /// Saves the whole page as `target/screenshots/NAME.png`: the window grows to the page's
    /// height for the picture, then shrinks back.
    pub async fn screenshot(&self, name: &str) {
        let (width, height) = self.client.get_window_size().await.unwrap();
        let (width, height) = (width as u32, height as u32);
        // The window's height includes what is not the page, even headless.
        let needed = self
            .eval("document.documentElement.scrollHeight + window.outerHeight - window.innerHeight")
            .await;
        let page = (needed.as_u64().unwrap_or(0) as u32).clamp(height, 4000);
        if page > height {
            self.client.set_window_size(width, page).await.unwrap();
        }
        let png = self.client.screenshot().await.unwrap();
        if page > height {
            self.client.set_window_size(width, height).await.unwrap();
        }
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Presses and releases `key` on the keyboard, wherever the focus is.
    pub async fn press(&self, key: Key) {
        let key = char::from(key);
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// An expression's value in the page, as JSON.
    pub async fn eval(&self, expression: &str) -> serde_json::Value {
        let script = format!("return ({expression});");
        self.client.execute(&script, vec![]).await.unwrap()
    }

    /// The text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self
            .client
            .wait()
            .for_element(Locator::Css(css))
            .await
            .unwrap();
        element.text().await.unwrap()
    }

    /// Runs `script`, which submits a form, waits for the answer at `url`, and goes back: the
    /// answer's text.
    pub async fn submit(&self, script: &str, url: &str) -> String {
        self.client.execute(script, vec![]).await.unwrap();
        self.client
            .wait()
            .for_url(&url.parse().unwrap())
            .await
            .unwrap();
        let text = self.eval("document.body.textContent").await;
        self.client.back().await.unwrap();
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Ends the session and chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn find_driver() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(CHROMEDRIVER))
        .find(|candidate| candidate.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `target/screenshots`, beside the `debug` folder this test binary runs from.
fn screenshots_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir).join("screenshots");
    }
    let exe = std::env::current_exe().unwrap();
    // target/debug/deps/integration-HASH
    exe.ancestors().nth(3).unwrap().join("screenshots")
}

/// Opens the token URL, reads the agenda, goes to a process with the keyboard only, and looks
/// at both pages at 360 px wide.
#[tokio::test]
async fn the_agenda_and_a_process_by_keyboard_in_chromium() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let server = Server::start(home.path(), &["--demo", "--now", "2026-05-13T10:00"]);

    // Without the token: the page that says where to find it.
    browser
        .client
        .goto(&format!("{}/", server.origin))
        .await
        .unwrap();
    assert_eq!(
        browser.text("h1").await,
        "Open the link printed by followup serve"
    );
    browser.screenshot("unauthorized").await;

    browser.client.goto(&server.url).await.unwrap();
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(
        url.as_str(),
        format!("{}/", server.origin),
        "the token left the address"
    );
    assert_eq!(browser.text("h1").await, "Agenda");
    assert_eq!(
        browser.text(".demo").await,
        "Demo: changes are lost when the server stops"
    );
    let sections = browser
        .eval("[...document.querySelectorAll('h2')].map(h => h.textContent)")
        .await;
    assert_eq!(
        sections,
        json!([
            "Your move (2)",
            "Act now (3)",
            "Coming up (1)",
            "Waiting (3)",
            "Move on (1)"
        ])
    );
    // The style and the script loaded under the CSP.
    assert_eq!(
        browser.eval("typeof window.followup.post").await,
        json!("function")
    );
    let current = browser
        .eval("getComputedStyle(document.querySelector('nav [aria-current]')).backgroundColor")
        .await;
    assert_eq!(current, json!("rgb(31, 95, 139)"));
    browser.screenshot("agenda").await;

    // Keyboard only: the skip link first, into the content, onto the first process, open it.
    browser.press(Key::Tab).await;
    assert_eq!(
        browser.eval("document.activeElement.textContent").await,
        json!("Skip to content")
    );
    browser.screenshot("agenda-skip-link").await;
    browser.press(Key::Enter).await;
    assert_eq!(
        browser.eval("document.activeElement.id").await,
        json!("main")
    );
    browser.press(Key::Tab).await;
    let first = browser
        .eval("document.activeElement.getAttribute('href')")
        .await;
    let first = first.as_str().unwrap().to_owned();
    assert!(first.starts_with("/p/"), "{first}");
    browser.screenshot("agenda-focus").await;
    browser.press(Key::Enter).await;
    browser
        .client
        .wait()
        .for_url(&format!("{}{first}", server.origin).parse().unwrap())
        .await
        .unwrap();
    assert_eq!(browser.text("#advice-title").await, "What to do now");
    browser.screenshot("process").await;

    // What the browser sends with a form or a script is what the guard accepts: a form post
    // with the page's token passes (to the 405 of `/`, which takes no post), one without it,
    // or a script's post without the header, is refused.
    let post_form = |csrf: &str| {
        format!(
            "const f = document.createElement('form'); f.method = 'post'; f.action = '/'; \
             const i = document.createElement('input'); i.type = 'hidden'; i.name = 'csrf'; \
             i.value = {csrf}; f.appendChild(i); document.body.appendChild(f); f.submit();"
        )
    };
    let token = "document.querySelector('meta[name=csrf-token]').content";
    let home = format!("{}/", server.origin);
    let passed = browser.submit(&post_form(token), &home).await;
    assert!(!passed.contains("Forbidden"), "{passed}");
    let refused = browser.submit(&post_form("'forged'"), &home).await;
    assert!(
        refused.starts_with("Forbidden: the page's security token"),
        "{refused}"
    );
    let status = |script: &str| {
        format!("const done = arguments[arguments.length - 1]; {script}.then(r => done(r.status));")
    };
    let with_header = status("window.followup.post('/', 'x')");
    let without = status("fetch('/', { method: 'POST', body: 'x' })");
    assert_eq!(
        browser
            .client
            .execute_async(&with_header, vec![])
            .await
            .unwrap(),
        json!(405)
    );
    assert_eq!(
        browser
            .client
            .execute_async(&without, vec![])
            .await
            .unwrap(),
        json!(403)
    );

    // The stats page: charts drawn on the server, their numbers beneath.
    browser
        .client
        .goto(&format!("{}/stats", server.origin))
        .await
        .unwrap();
    assert_eq!(browser.text("h1").await, "What your search tells you");
    assert_eq!(
        browser
            .eval("document.querySelectorAll('svg.bars').length")
            .await,
        json!(3)
    );
    browser.screenshot("stats").await;
    browser
        .client
        .goto(&format!("{}/data", server.origin))
        .await
        .unwrap();
    assert_eq!(browser.text("h1").await, "Your data");
    browser.screenshot("data").await;

    // 360 px wide: nothing wider than the screen.
    browser.client.set_window_size(360, 800).await.unwrap();
    for (path, name) in [
        ("/", "agenda-360"),
        (first.as_str(), "process-360"),
        ("/stats", "stats-360"),
        ("/data", "data-360"),
    ] {
        browser
            .client
            .goto(&format!("{}{path}", server.origin))
            .await
            .unwrap();
        let width = browser.eval("window.innerWidth").await;
        let overflow = browser
            .eval("document.documentElement.scrollWidth - window.innerWidth")
            .await;
        assert_eq!(overflow, json!(0), "{path} at {width} px");
        browser.screenshot(name).await;
    }

    // Ctrl-C with the browser still connected stops at once.
    let started = Instant::now();
    let (status, stderr) = server.interrupt();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("stopping anyway"), "{stderr}");
    eprintln!(
        "stopped in {:?} with a browser connected",
        started.elapsed()
    );
    browser.close().await;
}

/// Polls `expression` in the page until it is true; how long that took, or a failure after
/// five seconds.
async fn wait_until(browser: &Browser, expression: &str) -> Duration {
    let started = Instant::now();
    loop {
        if browser.eval(expression).await == json!(true) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "never true: {expression}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The composer of a due follow-up: a weak sentence typed in is underlined within a second,
/// its explanation reached with the keyboard; "Fix it" gives the strong version, "Mark as
/// sent" logs it, and the timeline and the stats show it.
#[tokio::test(flavor = "multi_thread")]
async fn the_composer_reviews_as_you_type_in_chromium() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let server = Server::start(home.path(), &["--demo", "--now", "2026-05-13T10:00"]);
    browser.client.goto(&server.url).await.unwrap();

    let sent_before = follow_ups_sent(&browser, &server).await;
    browser
        .client
        .goto(&format!("{}/", server.origin))
        .await
        .unwrap();
    // A due follow-up's "Draft" opens the composer with its message.
    let draft = browser
        .client
        .find(Locator::XPath(
            "//li[.//p[contains(@class,'item-action')][contains(.,'Follow-up due')]]//a[contains(@class,'button')]",
        ))
        .await
        .unwrap();
    draft.click().await.unwrap();
    wait_until(&browser, "location.pathname.endsWith('/compose')").await;
    assert!(browser.text("h1").await.starts_with("Write to "));
    wait_until(
        &browser,
        "document.querySelector('#verdict').dataset.verdict === 'strong'",
    )
    .await;
    browser.screenshot("compose").await;

    // Type a weak sentence at the end: underlined within a second of the last key.
    let body = browser.client.find(Locator::Css("#body")).await.unwrap();
    body.click().await.unwrap();
    browser
        .eval("(() => { const b = document.querySelector('#body'); const at = b.value.indexOf('\\n\\n', b.value.indexOf('?')); b.setSelectionRange(at, at); return true; })()")
        .await;
    body.send_keys(" I am so anxious about this!")
        .await
        .unwrap();
    let took = wait_until(
        &browser,
        "document.querySelectorAll('#overlay mark').length > 0",
    )
    .await;
    assert!(took < Duration::from_secs(1), "underlined after {took:?}");
    assert_eq!(
        browser
            .eval("document.querySelector('#verdict').dataset.verdict")
            .await,
        json!("weak")
    );
    let marked = browser
        .eval("[...document.querySelectorAll('#overlay mark')].map(m => m.firstChild.textContent)")
        .await;
    assert!(
        marked
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().contains("anxious")),
        "{marked}"
    );
    browser.screenshot("compose-weak").await;

    // The keyboard reaches the underline and its explanation: Tab from the text.
    body.click().await.unwrap();
    browser.press(Key::Tab).await;
    assert_eq!(
        browser
            .eval("document.activeElement.classList.contains('flag')")
            .await,
        json!(true)
    );
    assert_eq!(
        browser
            .eval("getComputedStyle(document.activeElement.querySelector('.tip')).display")
            .await,
        json!("block")
    );
    let tip = browser
        .eval("document.activeElement.querySelector('.tip').textContent")
        .await;
    assert!(tip.as_str().unwrap().contains('→'), "{tip}");
    browser.screenshot("compose-tip").await;

    // Fix it: the strong version beside, taken with one button.
    browser
        .client
        .find(Locator::Css("#fix-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(&browser, "!document.querySelector('#fixed-panel').hidden").await;
    let fixed = browser
        .eval("document.querySelector('#fixed-text').value")
        .await;
    assert!(!fixed.as_str().unwrap().contains("anxious"), "{fixed}");
    browser.screenshot("compose-fix").await;
    browser
        .client
        .find(Locator::Css("#take-fix"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelector('#verdict').dataset.verdict === 'strong'",
    )
    .await;
    assert_eq!(
        browser.eval("document.querySelector('#body').value").await,
        fixed
    );

    // Mark as sent: back on the process page, the message in the timeline.
    browser
        .client
        .find(Locator::Css("#sent-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(&browser, "!location.pathname.endsWith('/compose')").await;
    let page = browser.eval("document.body.textContent").await;
    let first_line = fixed
        .as_str()
        .unwrap()
        .lines()
        .nth(2)
        .unwrap_or_default()
        .to_owned();
    assert!(page.as_str().unwrap().contains(&first_line), "{first_line}");
    browser.screenshot("compose-sent").await;

    assert_eq!(follow_ups_sent(&browser, &server).await, sent_before + 1);
    browser.close().await;
}

/// The number of follow-ups sent, as the stats page's table says.
async fn follow_ups_sent(browser: &Browser, server: &Server) -> u64 {
    browser
        .client
        .goto(&format!("{}/stats", server.origin))
        .await
        .unwrap();
    let sent = browser
        .eval("[...document.querySelectorAll('#reply-rate ~ table tbody tr')].find(r => r.querySelector('th').textContent === 'Follow-up').querySelector('td').textContent")
        .await;
    sent.as_str().unwrap().parse().unwrap()
}

impl Browser {
    /// Types `text` on the keyboard, wherever the focus is.
    pub async fn type_text(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for c in text.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Fills the field `css` with `text`.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Clicks `css`.
    pub async fn click(&self, css: &str) {
        let element = self.client.find(Locator::Css(css)).await.unwrap();
        element.click().await.unwrap();
    }

    /// Clicks `css`, which submits a form, and waits for the next page to load.
    pub async fn click_and_wait(&self, css: &str) {
        self.eval("document.body.dataset.loaded = 'old'").await;
        self.click(css).await;
        let loaded = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("body:not([data-loaded])"))
            .await;
        if loaded.is_err() {
            let url = self.client.current_url().await.unwrap();
            let body = self.eval("document.body.outerHTML.slice(0, 400)").await;
            panic!("no new page after clicking {css}: still {url}: {body}");
        }
    }

    /// The path of the current page (no origin, no query).
    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    /// How many pixels the page is wider than the window (0: it fits).
    pub async fn overflow(&self) -> serde_json::Value {
        self.eval("document.documentElement.scrollWidth - window.innerWidth")
            .await
    }
}

/// The tracker from empty in the browser: add a process (a refused field first), log an
/// interview and a promise typed as "by friday" through the confirmation step, see the agenda
/// change, close and reopen, add one process with the keyboard only, and look at every page,
/// also at 360 px wide.
#[tokio::test]
async fn track_a_process_from_the_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    // Wednesday 13 May 2026, 10:00 in Lisbon.
    let server = Server::start(home.path(), &["--now", "2026-05-13T09:00:00Z"]);
    let at = |path: &str| format!("{}{path}", server.origin);

    browser.client.goto(&server.url).await.unwrap();
    assert_eq!(browser.text("h1").await, "Agenda");
    assert!(browser.text("main").await.contains("Nothing tracked yet"));
    browser.screenshot("flow-agenda-empty").await;

    // New process: a refused field first, shown beside it, then the right one.
    browser.click_and_wait("nav a[href='/new']").await;
    assert_eq!(browser.text("h1").await, "New process");
    browser.fill("#company", "Acme").await;
    // Spaces pass the browser's own check of a required field; the server refuses them.
    browser.fill("#role", "   ").await;
    browser.fill("#zone", "Europe/Lisbonn").await;
    browser
        .click_and_wait("form.form button[type=submit]")
        .await;
    assert!(
        browser
            .text("#role-error")
            .await
            .contains("must not be empty"),
        "the first bad field is named"
    );
    assert_eq!(
        browser
            .eval("document.querySelector('#company').value")
            .await,
        json!("Acme"),
        "the form is kept as typed"
    );
    browser.screenshot("new-error").await;
    browser.fill("#role", "Backend Engineer").await;
    browser
        .click_and_wait("form.form button[type=submit]")
        .await;
    assert!(
        browser
            .text("#zone-error")
            .await
            .contains("unknown time zone")
    );
    browser.fill("#zone", "Europe/Lisbon").await;
    browser
        .fill("#contact", "Ana Souza <ana@acme.example>")
        .await;
    browser
        .click_and_wait("form.form button[type=submit]")
        .await;
    assert_eq!(browser.path().await, "/p/acme-backend");
    assert_eq!(browser.text("h1").await, "Acme — Backend Engineer");
    browser.screenshot("flow-process-new").await;

    // An interview yesterday afternoon: the confirmation spells the day, then it is saved.
    browser.click("#form-interview summary").await;
    browser.fill("#interview-at", "yesterday 15:00").await;
    browser.fill("#interview-topics", "event sourcing").await;
    browser.screenshot("process-interview-form").await;
    browser
        .click_and_wait("#form-interview button[type=submit]")
        .await;
    assert_eq!(browser.text("h1").await, "Check the date before saving");
    let understood = browser.text(".understood li").await;
    assert!(
        understood.contains("Tuesday 12 May at 15:00"),
        "{understood}"
    );
    browser.screenshot("confirm-interview").await;
    browser.click_and_wait(".confirm-save button").await;
    assert_eq!(browser.path().await, "/p/acme-backend");
    assert!(
        browser
            .text(".saved")
            .await
            .starts_with("Saved: the interview is saved")
    );

    // A promise typed as "by friday": Friday 15 May, confirmed before it is saved.
    browser.click("#form-promise summary").await;
    browser.fill("#promise-by", "by friday").await;
    browser
        .click_and_wait("#form-promise button[type=submit]")
        .await;
    let understood = browser.text(".understood li").await;
    assert!(
        understood.contains("Promise: an answer by Friday 15 May"),
        "{understood}"
    );
    browser.screenshot("confirm-promise").await;
    browser.click_and_wait(".confirm-save button").await;
    let heads = browser
        .eval("[...document.querySelectorAll('.event-head strong')].map(e => e.textContent)")
        .await;
    assert_eq!(
        heads,
        json!(["Interview", "Promise: an answer by Friday 15 May"])
    );
    browser.screenshot("flow-process-logged").await;

    // The agenda changed: Acme is on it, with the promise's day.
    browser.click_and_wait("nav a[href='/']").await;
    let agenda = browser.text("main").await;
    assert!(!agenda.contains("Nothing tracked yet"), "{agenda}");
    assert!(agenda.contains("Acme — Backend Engineer"), "{agenda}");
    browser.screenshot("flow-agenda-after").await;

    // Close, then reopen.
    browser.client.goto(&at("/p/acme-backend")).await.unwrap();
    browser.click("#form-close summary").await;
    let outcome = browser
        .client
        .find(Locator::Css("#close-outcome"))
        .await
        .unwrap();
    outcome.select_by_value("rejected").await.unwrap();
    browser
        .click_and_wait("#form-close button[type=submit]")
        .await;
    assert!(
        browser
            .text(".understood li")
            .await
            .contains("Closed: rejected")
    );
    browser.click_and_wait(".confirm-save button").await;
    assert_eq!(browser.text("#status-title").await, "Reopen");
    browser.screenshot("process-closed").await;
    browser.click("#form-reopen summary").await;
    browser
        .click_and_wait("#form-reopen button[type=submit]")
        .await;
    browser.click_and_wait(".confirm-save button").await;
    assert_eq!(browser.text("#status-title").await, "Close");

    // Edit the promise (its form is prefilled), then delete the reopening.
    let events = "[...document.querySelectorAll('.event-head strong')].map(e => e.textContent)";
    browser.click("#event-1 > summary").await;
    assert_eq!(
        browser
            .eval("document.querySelector('#edit-1-by').value")
            .await,
        json!("2026-05-15")
    );
    browser.fill("#edit-1-by", "next wednesday").await;
    browser.screenshot("process-edit-form").await;
    browser
        .click_and_wait("#event-1 form.form button[type=submit]")
        .await;
    assert!(
        browser
            .text(".saved")
            .await
            .contains("the event was changed")
    );
    let heads = browser.eval(events).await;
    assert!(
        heads
            .as_array()
            .unwrap()
            .contains(&json!("Promise: an answer by Wednesday 20 May")),
        "{heads}"
    );
    let reopened = browser
        .eval("[...document.querySelectorAll('.event:not(.undone)')].findIndex(e => e.textContent.includes('Reopened'))")
        .await;
    let reopened = reopened.as_i64().unwrap();
    assert!(reopened >= 0);
    let n = browser
        .eval(&format!("document.querySelectorAll('.event:not(.undone)')[{reopened}].querySelector('details.tools').id"))
        .await;
    let n = n.as_str().unwrap().to_owned();
    browser.click(&format!("#{n} > summary")).await;
    browser
        .click_and_wait(&format!("#{n} form.delete button"))
        .await;
    assert!(browser.text(".saved").await.contains("deleted"));
    assert_eq!(
        browser.text("#status-title").await,
        "Reopen",
        "closed again"
    );
    browser.screenshot("process-after-delete").await;

    // Keyboard only: skip link, the first field, every field by Tab, Enter submits. The page
    // is fully loaded first, so the first Tab starts from the top under load too.
    browser.client.goto(&at("/new")).await.unwrap();
    wait_until(&browser, "document.readyState === 'complete'").await;
    browser.press(Key::Tab).await;
    wait_until(
        &browser,
        "document.activeElement.classList.contains('skip')",
    )
    .await;
    browser.press(Key::Enter).await;
    browser.press(Key::Tab).await;
    assert_eq!(
        browser.eval("document.activeElement.id").await,
        json!("company")
    );
    browser.type_text("Globex").await;
    browser.press(Key::Tab).await;
    browser.type_text("Designer").await;
    browser.press(Key::Tab).await;
    browser.press(Key::Tab).await;
    browser.type_text("UTC").await;
    browser.screenshot("new-keyboard").await;
    browser.press(Key::Tab).await;
    browser.press(Key::Tab).await;
    assert_eq!(
        browser.eval("document.activeElement.textContent").await,
        json!("Start tracking")
    );
    browser.eval("document.body.dataset.loaded = 'old'").await;
    browser.press(Key::Enter).await;
    browser
        .client
        .wait()
        .for_element(Locator::Css("body:not([data-loaded])"))
        .await
        .unwrap();
    assert_eq!(browser.path().await, "/p/globex-designer");

    // The list and the board.
    browser.client.goto(&at("/processes")).await.unwrap();
    let rows = browser
        .eval("[...document.querySelectorAll('tbody td:first-child')].map(e => e.textContent)")
        .await;
    assert_eq!(rows, json!(["Acme", "Globex"]));
    browser.screenshot("processes").await;
    browser.click_and_wait("th a[href*='sort=company']").await;
    browser.click_and_wait("th a[href*='sort=company']").await;
    let rows = browser
        .eval("[...document.querySelectorAll('tbody td:first-child')].map(e => e.textContent)")
        .await;
    assert_eq!(
        rows,
        json!(["Globex", "Acme"]),
        "sorted by company, descending"
    );
    browser.fill("#q", "acme").await;
    browser.click_and_wait("form.filters button").await;
    assert_eq!(browser.text("tbody td").await, "Acme");
    browser.screenshot("processes-filtered").await;
    browser.client.goto(&at("/board")).await.unwrap();
    browser.screenshot("board").await;

    // 360 px wide: every page fits.
    browser.client.set_window_size(360, 800).await.unwrap();
    for (path, name) in [
        ("/processes", "processes-360"),
        ("/board", "board-360"),
        ("/new", "new-360"),
        ("/p/acme-backend", "process-forms-360"),
    ] {
        browser.client.goto(&at(path)).await.unwrap();
        if path.starts_with("/p/") {
            browser.click("#form-reply summary").await;
        }
        assert_eq!(browser.overflow().await, json!(0), "{path} at 360 px");
        browser.screenshot(name).await;
    }
    browser.click("#form-promise summary").await;
    browser.fill("#promise-by", "next friday").await;
    browser
        .click_and_wait("#form-promise button[type=submit]")
        .await;
    assert_eq!(browser.overflow().await, json!(0), "confirmation at 360 px");
    browser.screenshot("confirm-360").await;

    let (status, stderr) = server.interrupt();
    assert!(status.success(), "{stderr}");
    browser.close().await;
}
