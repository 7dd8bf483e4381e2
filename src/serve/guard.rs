//! Who may ask what of the server: the Host check every request passes (against DNS
//! rebinding), and the write check every SPARQL Update and Graph Store write passes (read-only,
//! loopback, Origin, the per-start token).
//!
//! A writable server makes a random token when it starts (192 bits from the operating system,
//! in hex); the command line prints it, and the page reads it from its own URL (`/?token=…`) and
//! sends it in the `X-Ties-Token` header with each write. A web page on another site cannot know
//! it, and a cross-site form cannot set a header, so no page the user visits can write. Writes
//! that carry an `Origin` other than the server's own are refused whatever they carry.
//!
//! Must not touch: the store.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use subtle::ConstantTimeEq;

/// The header a write carries its token in.
pub const TOKEN_HEADER: &str = "x-ties-token";

/// Random bytes in a token: 192 bits.
const TOKEN_BYTES: usize = 24;

/// A fresh random token, in lower-case hex.
pub(super) fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The host names (with the bound port) a request's `Host` header may give.
#[derive(Debug, Clone)]
pub(super) struct Hosts {
    /// The address the server listens on, as bound (its real port).
    bound: SocketAddr,
    /// Names the owner allowed besides the loopback ones (a reverse proxy's public name), lower
    /// case, with any port.
    extra: Vec<String>,
}

impl Hosts {
    pub(super) fn new(bound: SocketAddr, extra: &[String]) -> Self {
        Hosts {
            bound,
            extra: extra
                .iter()
                .map(|h| h.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    /// True when `host` (a `Host` header) names this server: `localhost`, `127.0.0.1`, `[::1]`
    /// or the bound address, with the bound port; any IP address with the bound port when the
    /// server listens on every address (an address cannot be rebound, a name can); or a name the
    /// owner allowed, with any port.
    pub(super) fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = split_host(&host);
        if self.extra.iter().any(|allowed| allowed == name) {
            return true;
        }
        if port != Some(self.bound.port()) && !(port.is_none() && self.bound.port() == 80) {
            return false;
        }
        let ip = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(name)
            .parse::<IpAddr>()
            .ok();
        if name == "localhost" {
            return true;
        }
        match ip {
            Some(ip) if ip.is_loopback() => true,
            Some(ip) if ip == self.bound.ip() => true,
            Some(_) => self.bound.ip().is_unspecified(),
            None => false,
        }
    }
}

/// `name` and the port of a `Host` value: `example.org:80`, `[::1]:7878`, `localhost`.
fn split_host(host: &str) -> (&str, Option<u16>) {
    if let Some(end) = host.strip_prefix('[').and_then(|_| host.find(']')) {
        let (name, rest) = host.split_at(end + 1);
        return (name, rest.strip_prefix(':').and_then(|p| p.parse().ok()));
    }
    match host.rsplit_once(':') {
        Some((name, port)) => match port.parse() {
            Ok(p) => (name, Some(p)),
            Err(_) => (host, None),
        },
        None => (host, None),
    }
}

/// What the write check needs to know of the server.
#[derive(Debug, Clone)]
pub(super) struct WritePolicy {
    pub read_only: bool,
    pub allow_remote: bool,
    /// The token writes must carry; None on a read-only server.
    pub token: Option<String>,
}

/// Why a write is refused, with what to do.
fn forbidden(message: &str) -> Option<(StatusCode, String)> {
    Some((StatusCode::FORBIDDEN, message.to_owned()))
}

impl WritePolicy {
    /// None when the write may go on; otherwise the status and message to answer.
    pub(super) fn refuse(
        &self,
        peer: SocketAddr,
        headers: &HeaderMap,
    ) -> Option<(StatusCode, String)> {
        if self.read_only {
            return forbidden(
                "this server is read-only: updates are refused (its owner can restart it writable on a loopback address)",
            );
        }
        if !peer.ip().is_loopback() && !self.allow_remote {
            return forbidden("updates are accepted from loopback only on this server");
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let own = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .is_some_and(|host| same_origin(origin.to_str().unwrap_or(""), host));
            if !own {
                return forbidden(
                    "a write from a page of another origin is refused: only this server's own page may write",
                );
            }
        }
        let Some(expected) = self.token.as_deref() else {
            return forbidden("this server takes no writes");
        };
        match headers.get(TOKEN_HEADER) {
            None => forbidden(
                "a write needs the token the server printed when it started, in the X-Ties-Token header (the page sends it when opened from the address the server printed, /?token=…)",
            ),
            Some(given) if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) => None,
            Some(_) => forbidden(
                "wrong token in X-Ties-Token: use the one the server printed when it last started",
            ),
        }
    }
}

/// True when an `Origin` value is the origin of a page served under `host` (http or https).
fn same_origin(origin: &str, host: &str) -> bool {
    let origin = origin.trim().to_ascii_lowercase();
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    authority.is_some_and(|a| a == host.trim().to_ascii_lowercase())
}

/// A 403 for a request whose `Host` names no address of this server.
pub(super) fn wrong_host() -> Response {
    super::error(
        StatusCode::FORBIDDEN,
        "the Host header names no address of this server (open it as localhost or 127.0.0.1 with its port; a reverse proxy's name must be allowed by the server's owner)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn hosts(bound: &str, extra: &[&str]) -> Hosts {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        Hosts::new(bound.parse().unwrap(), &extra)
    }

    #[test]
    fn loopback_names_with_the_bound_port_pass_others_do_not() {
        let h = hosts("127.0.0.1:7878", &[]);
        for ok in [
            "127.0.0.1:7878",
            "localhost:7878",
            "LOCALHOST:7878",
            "[::1]:7878",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:7878",
            "127.0.0.1:7879",
            "localhost",
            "192.168.1.5:7878",
            "127.0.0.1.nip.io:7878",
            "",
            "[::1]",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
        let any = hosts("0.0.0.0:8080", &["ties.example.org"]);
        assert!(any.allows("192.168.1.5:8080"));
        assert!(any.allows("ties.example.org"));
        assert!(!any.allows("evil.example:8080"));
    }

    #[test]
    fn writes_need_the_token_and_the_own_origin() {
        let policy = WritePolicy {
            read_only: false,
            allow_remote: false,
            token: Some("abc123".into()),
        };
        let peer: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:7878"));
        assert!(policy.refuse(peer, &h).is_some(), "no token");
        h.insert(TOKEN_HEADER, HeaderValue::from_static("abc124"));
        assert!(policy.refuse(peer, &h).is_some(), "wrong token");
        h.insert(TOKEN_HEADER, HeaderValue::from_static("abc123"));
        assert!(policy.refuse(peer, &h).is_none());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:7878"),
        );
        assert!(policy.refuse(peer, &h).is_none(), "own origin");
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(policy.refuse(peer, &h).is_some(), "foreign origin");
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(policy.refuse(peer, &h).is_some(), "opaque origin");
    }

    #[test]
    fn tokens_are_long_and_differ() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 2 * TOKEN_BYTES);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
