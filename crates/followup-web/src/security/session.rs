//! Sessions: the start-up token is exchanged for a session cookie, and each session carries
//! the CSRF token its pages embed. Sessions live in memory and end when the server stops.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

use axum::http::header::COOKIE;
use axum::http::{HeaderMap, HeaderValue};

use super::secret::Secret;

/// How many sessions are kept; opening one more forgets the oldest. A person opens the URL in a
/// browser or two; the bound only keeps a script that replays the token from growing memory.
const MAX_SESSIONS: usize = 64;

/// One browser's session.
#[derive(Clone, Debug)]
pub struct Session {
    id: Secret,
    csrf: Secret,
}

impl Session {
    /// The CSRF token the session's pages carry (hidden field `csrf`, header `X-CSRF-Token`).
    pub fn csrf(&self) -> &str {
        self.csrf.as_str()
    }

    /// Whether `candidate` is this session's CSRF token.
    pub fn csrf_matches(&self, candidate: &str) -> bool {
        self.csrf.matches(candidate)
    }
}

/// The start-up token and the sessions opened with it.
#[derive(Debug)]
pub struct Sessions {
    token: Secret,
    cookie: String,
    live: Mutex<VecDeque<Session>>,
}

impl Sessions {
    /// A fresh token. The cookie's name carries the port: cookies are shared by every port of a
    /// host, and two servers must not overwrite each other's.
    pub fn new(port: u16) -> Result<Sessions, getrandom::Error> {
        Ok(Sessions {
            token: Secret::new()?,
            cookie: format!("followup-{port}"),
            live: Mutex::new(VecDeque::new()),
        })
    }

    /// The token the start-up URL carries.
    pub fn token(&self) -> &str {
        self.token.as_str()
    }

    /// Whether `candidate` is the start-up token.
    pub fn token_matches(&self, candidate: &str) -> bool {
        self.token.matches(candidate)
    }

    /// Opens a session and returns it with the `Set-Cookie` value that names it.
    pub fn open(&self) -> Result<(Session, HeaderValue), getrandom::Error> {
        let session = Session {
            id: Secret::new()?,
            csrf: Secret::new()?,
        };
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        if live.len() == MAX_SESSIONS {
            live.pop_front();
        }
        live.push_back(session.clone());
        let cookie = format!(
            "{}={}; HttpOnly; SameSite=Strict; Path=/",
            self.cookie,
            session.id.as_str()
        );
        // Only hex digits and fixed ASCII: always a valid header value.
        let value = HeaderValue::from_str(&cookie).unwrap_or(HeaderValue::from_static(""));
        Ok((session, value))
    }

    /// The session the request's cookie names, if it is live.
    pub fn find(&self, headers: &HeaderMap) -> Option<Session> {
        let ids: Vec<&str> = headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .filter(|(name, _)| *name == self.cookie)
            .map(|(_, id)| id)
            .collect();
        let live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        live.iter()
            .find(|session| ids.iter().any(|id| session.id.matches(id)))
            .cloned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cookie_headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn a_session_is_found_by_its_cookie_only() {
        let sessions = Sessions::new(7878).unwrap();
        let (session, set_cookie) = sessions.open().unwrap();
        let set_cookie = set_cookie.to_str().unwrap();
        assert!(set_cookie.starts_with("followup-7878="));
        assert!(set_cookie.ends_with("; HttpOnly; SameSite=Strict; Path=/"));
        let pair = set_cookie.split(';').next().unwrap();

        let found = sessions.find(&cookie_headers(&format!("theme=dark; {pair}")));
        assert_eq!(found.unwrap().csrf(), session.csrf());
        assert!(sessions.find(&HeaderMap::new()).is_none());
        assert!(sessions.find(&cookie_headers("followup-7878=00")).is_none());
        let other_port = pair.replace("7878", "7879");
        assert!(sessions.find(&cookie_headers(&other_port)).is_none());
    }

    #[test]
    fn the_oldest_session_is_forgotten_past_the_bound() {
        let sessions = Sessions::new(1).unwrap();
        let (_, first) = sessions.open().unwrap();
        let first = first
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        assert!(sessions.find(&cookie_headers(&first)).is_some());
        for _ in 0..MAX_SESSIONS {
            sessions.open().unwrap();
        }
        assert!(sessions.find(&cookie_headers(&first)).is_none());
    }
}
