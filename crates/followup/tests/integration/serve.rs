//! `followup serve` on a real socket: the start-up line, the token exchange, pages, Ctrl-C;
//! and the addresses it refuses.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{Run, followup, isolated};

/// How long a server may take to print its URL, or to stop.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `followup serve`, stopped (SIGKILL) if a test panics before it interrupts it.
pub struct Server {
    child: Child,
    /// The printed URL, token included.
    pub url: String,
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    /// The bound address.
    pub addr: SocketAddr,
    /// The second line: the calendar feed.
    pub feed_line: String,
}

impl Server {
    /// Starts `followup serve --listen 127.0.0.1:0 ARGS` in `home` and waits for its first line.
    pub fn start(home: &Path, args: &[&str]) -> Server {
        let mut child = isolated(home)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if sender.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        let url = lines.recv_timeout(PATIENCE).expect("the URL on stdout");
        let feed_line = lines.recv_timeout(PATIENCE).expect("the feed on stdout");
        let origin = url.split("/?token=").next().unwrap().to_owned();
        let addr = origin.trim_start_matches("http://").parse().unwrap();
        Server {
            child,
            url,
            origin,
            addr,
            feed_line,
        }
    }

    /// Ctrl-C (SIGINT), then waits for the exit: its status and standard error.
    pub fn interrupt(mut self) -> (ExitStatus, String) {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(started.elapsed() < PATIENCE, "still running after Ctrl-C");
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        (status, stderr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One HTTP/1.1 exchange over a fresh connection.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` to `addr`, with the right `Host` and an optional cookie.
pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    Reply {
        status: status.parse().unwrap(),
        headers,
        body: body.to_owned(),
    }
}

/// Tracks the README's worked example in a real database at `db`.
fn track_acme(home: &Path, db: &Path) {
    let db = db.to_str().unwrap();
    let now = ["--now", "2026-05-05T16:00"];
    let steps: [&[&str]; 3] = [
        &["add", "Acme", "--role", "Backend Engineer"],
        &["log", "acme-backend", "interview", "--at", "today 14:00"],
        &["log", "acme-backend", "promise", "friday"],
    ];
    for step in steps {
        let run = Run::of(followup(home).args(["--db", db]).args(step).args(now));
        assert_eq!(run.code, 0, "{step:?}: {}", run.stderr);
    }
}

#[test]
fn serve_prints_the_url_exchanges_the_token_serves_pages_and_stops_on_ctrl_c() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("tracker.db");
    track_acme(home.path(), &db);
    let server = Server::start(
        home.path(),
        &["--db", db.to_str().unwrap(), "--now", "2026-05-11"],
    );

    // The first line: the URL of the port the system picked, with a fresh 64-digit token.
    let token = server.url.split("?token=").nth(1).unwrap().to_owned();
    let token = token.as_str();
    assert!(server.url.starts_with("http://127.0.0.1:"));
    assert_ne!(server.addr.port(), 0);
    assert!(token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit()));

    let refused = get(server.addr, "/", None);
    assert_eq!(refused.status, 401);
    assert!(refused.body.contains("printed by followup serve"));

    let exchanged = get(server.addr, &format!("/?token={token}"), None);
    assert_eq!(exchanged.status, 303);
    assert_eq!(exchanged.header("location"), Some("/"));
    let cookie = exchanged.header("set-cookie").unwrap();
    assert!(cookie.ends_with("; HttpOnly; SameSite=Strict; Path=/"));
    let cookie = cookie.split(';').next().unwrap();

    let agenda = get(server.addr, "/", Some(cookie));
    assert_eq!(agenda.status, 200);
    assert!(agenda.body.contains("Act now"), "{}", agenda.body);
    assert!(agenda.body.contains(r#"href="/p/acme-backend""#));
    assert!(agenda.body.contains("due today"));
    let page = get(server.addr, "/p/acme-backend", Some(cookie));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Promise: an answer by Friday 8 May"));
    assert!(!page.body.contains("Demo:"));
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .starts_with("default-src 'self'")
    );

    let (status, stderr) = server.interrupt();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
    assert!(!stderr.contains(token), "the token is never logged");
}

#[test]
fn each_start_has_its_own_token_and_the_demo_says_so() {
    let home = tempfile::tempdir().unwrap();
    let first = Server::start(home.path(), &["--demo"]);
    let second = Server::start(home.path(), &["--demo"]);
    assert_ne!(first.url, second.url);
    let second_token = second.url.split("?token=").nth(1).unwrap();
    let crossed = get(first.addr, &format!("/?token={second_token}"), None);
    assert_eq!(crossed.status, 401);
    let path = first.url.trim_start_matches(&first.origin);
    let cookie = get(first.addr, path, None);
    let cookie = cookie
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    let agenda = get(first.addr, "/", Some(cookie));
    assert!(
        agenda
            .body
            .contains("Demo: changes are lost when the server stops")
    );
    assert_eq!(get(second.addr, "/", Some(cookie)).status, 401);
}

#[test]
fn addresses_other_machines_reach_are_refused_without_allow_remote() {
    let home = tempfile::tempdir().unwrap();
    for listen in ["0.0.0.0:0", "[::]:0"] {
        let run = Run::of(followup(home.path()).args(["serve", "--demo", "--listen", listen]));
        assert_eq!(run.code, 2, "{listen}");
        assert!(run.stdout.is_empty());
        assert!(
            run.stderr.contains("which other machines can reach"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--allow-remote"));
    }
    let run = Run::of(followup(home.path()).args(["serve", "--listen", "localhost"]));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: --listen: cannot read \"localhost\"")
    );

    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let run = Run::of(followup(home.path()).args(["serve", "--demo", "--listen", &addr]));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!("cannot listen on {addr}")),
        "{}",
        run.stderr
    );
}
