//! [`Web`]: what every handler shares: the backend, the security state and the demo flag.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::backend::{Backend, BackendError};
use crate::security::{Hosts, Sessions};

/// The server's state, cheap to clone (one per request).
#[derive(Clone)]
pub struct Web {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Arc<dyn Backend>,
    bound: SocketAddr,
    hosts: Hosts,
    sessions: Sessions,
    demo: bool,
}

/// How the server was started.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The address the listener is bound to (its real port, never 0).
    pub bound: SocketAddr,
    /// The data is the built-in demo in memory: every page says changes are lost at exit.
    pub demo: bool,
}

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The system gave no randomness for the start-up token.
    #[error("cannot make a start-up token: {0}")]
    Random(getrandom::Error),
    /// A non-loopback address without `--allow-remote`.
    #[error("refusing to listen on {0}, which other machines can reach")]
    NotLoopback(SocketAddr),
}

impl Web {
    /// The state for a server bound as `options` says, with a fresh start-up token.
    pub fn new(backend: impl Backend, options: Options) -> Result<Web, StartError> {
        let sessions = Sessions::new(options.bound.port()).map_err(StartError::Random)?;
        Ok(Web {
            inner: Arc::new(Inner {
                backend: Arc::new(backend),
                bound: options.bound,
                hosts: Hosts::for_bound(options.bound),
                sessions,
                demo: options.demo,
            }),
        })
    }

    /// The URL to open: `http://127.0.0.1:7878/?token=…`.
    pub fn url(&self) -> String {
        format!(
            "http://{}/?token={}",
            self.inner.bound,
            self.inner.sessions.token()
        )
    }

    /// Whether the data is the demo's.
    pub fn demo(&self) -> bool {
        self.inner.demo
    }

    pub(crate) fn hosts(&self) -> &Hosts {
        &self.inner.hosts
    }

    pub(crate) fn sessions(&self) -> &Sessions {
        &self.inner.sessions
    }

    /// Runs `call` on the backend on tokio's blocking pool (backends do file I/O).
    pub(crate) async fn backend<T: Send + 'static, E: From<BackendError> + Send + 'static>(
        &self,
        call: impl FnOnce(&dyn Backend) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E> {
        let backend = Arc::clone(&self.inner.backend);
        tokio::task::spawn_blocking(move || call(backend.as_ref()))
            .await
            .unwrap_or_else(|err| {
                Err(E::from(BackendError::Failed {
                    message: format!("the request failed: {err}"),
                    hint: "the terminal running followup serve may say more".to_owned(),
                }))
            })
    }
}

/// Refuses an address other machines can reach unless `allow_remote` is set. The token is
/// required either way.
pub fn check_listen(addr: SocketAddr, allow_remote: bool) -> Result<(), StartError> {
    if addr.ip().is_loopback() || allow_remote {
        Ok(())
    } else {
        Err(StartError::NotLoopback(addr))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_without_allow_remote() {
        for ok in ["127.0.0.1:7878", "127.0.0.2:0", "[::1]:7878"] {
            assert!(check_listen(ok.parse().unwrap(), false).is_ok(), "{ok}");
        }
        for remote in ["0.0.0.0:7878", "[::]:7878", "192.168.1.20:80"] {
            let addr = remote.parse().unwrap();
            let err = check_listen(addr, false).unwrap_err();
            assert!(err.to_string().contains(remote), "{err}");
            assert!(check_listen(addr, true).is_ok());
        }
    }
}
