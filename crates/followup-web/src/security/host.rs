//! The `Host` check against DNS rebinding: a page on `evil.example` that re-resolves its name to
//! 127.0.0.1 reaches this server, but its requests still say `Host: evil.example`.

use std::net::SocketAddr;

/// The `Host` values this server answers to.
#[derive(Clone, Debug)]
pub struct Hosts {
    allowed: Vec<String>,
}

impl Hosts {
    /// The bound address with its port, and `localhost`, `127.0.0.1` and `[::1]` with that port
    /// (the port may be left out only when it is 80, as browsers then do).
    pub fn for_bound(bound: SocketAddr) -> Hosts {
        let port = bound.port();
        let names = [
            bound.ip().to_string(),
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
            "[::1]".to_owned(),
        ];
        let mut allowed: Vec<String> = names.iter().map(|n| format!("{n}:{port}")).collect();
        allowed.insert(0, bound.to_string());
        if port == 80 {
            allowed.extend(names.iter().cloned());
        }
        allowed.sort();
        allowed.dedup();
        Hosts { allowed }
    }

    /// Whether a request with this `Host` value is answered (names compare without case).
    pub fn allows(&self, host: &str) -> bool {
        self.allowed.iter().any(|a| a.eq_ignore_ascii_case(host))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_with_the_port_only() {
        let hosts = Hosts::for_bound("127.0.0.1:7878".parse().unwrap());
        for ok in [
            "127.0.0.1:7878",
            "localhost:7878",
            "LOCALHOST:7878",
            "[::1]:7878",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for bad in [
            "127.0.0.1",
            "localhost",
            "127.0.0.1:7879",
            "localhost.:7878",
            "evil.example:7878",
            "127.0.0.1.nip.io:7878",
            "7f000001.rbndr.us:7878",
            "",
        ] {
            assert!(!hosts.allows(bad), "{bad}");
        }
    }

    #[test]
    fn the_bound_address_and_port_80() {
        let v6 = Hosts::for_bound("[::1]:9000".parse().unwrap());
        assert!(v6.allows("[::1]:9000") && v6.allows("localhost:9000"));
        let lan = Hosts::for_bound("192.168.1.20:8080".parse().unwrap());
        assert!(lan.allows("192.168.1.20:8080") && lan.allows("127.0.0.1:8080"));
        assert!(!lan.allows("192.168.1.21:8080"));
        let web = Hosts::for_bound("127.0.0.1:80".parse().unwrap());
        assert!(web.allows("localhost") && web.allows("127.0.0.1:80"));
    }
}
