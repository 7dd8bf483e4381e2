//! Where a remote engine answers and how to log in: its URLs (query, update, Graph Store), the
//! credentials for HTTP basic authentication (given as values, or read from a netrc file's
//! text), the size of update requests, and how to read a media type off a Content-Type (for
//! the engine's answers and for `serve`'s requests alike). It sends nothing.

use crate::error::{Error, Result};

/// Where a remote engine answers, and how to log in.
#[derive(Clone)]
pub struct Endpoint {
    /// The SPARQL 1.1 Protocol query URL (`…/sparql`).
    pub query: String,
    /// The update URL, when the engine has its own (most answer updates at `query`).
    pub update: Option<String>,
    /// The Graph Store Protocol URL, when the engine has one (`…/sparql-graph-crud` on
    /// Virtuoso, `…/rdf-graphs/service` on GraphDB): a report's graph is then written by one
    /// PUT, which engines load faster than an INSERT DATA (Virtuoso: 3 to 10 times).
    pub graph_store: Option<String>,
    /// HTTP basic authentication.
    pub credentials: Option<Credentials>,
    /// The largest update body sent at once: reports are batched up to it.
    pub batch_bytes: usize,
}

/// Reports' updates are batched up to this many bytes per request. Virtuoso compiles an
/// INSERT DATA in time that grows faster than its size (20 generated reports: 2.2 s in
/// requests of 16 KiB, 5.2 s in 64 KiB, 19 s in 1 MiB), so requests stay small.
pub const BATCH_BYTES: usize = 16 << 10;

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("query", &self.query)
            .field("update", &self.update)
            .field("graph_store", &self.graph_store)
            .field("credentials", &self.credentials)
            .field("batch_bytes", &self.batch_bytes)
            .finish()
    }
}

impl Endpoint {
    /// An endpoint answering queries and updates at `url` (http or https).
    pub fn new(url: &str) -> Result<Endpoint> {
        check_url(url)?;
        Ok(Endpoint {
            query: url.to_owned(),
            update: None,
            graph_store: None,
            credentials: None,
            batch_bytes: BATCH_BYTES,
        })
    }

    pub(crate) fn update_url(&self) -> &str {
        self.update.as_deref().unwrap_or(&self.query)
    }

    /// The host of the query URL, to look up credentials (a netrc file's `machine`).
    pub fn host(&self) -> &str {
        host_of(&self.query)
    }
}

/// A user name and password for HTTP basic authentication; the password is never printed.
#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials {{ user: {:?}, password: … }}", self.user)
    }
}

impl Credentials {
    /// The `login` and `password` a netrc file gives for `host` (or its `default` entry).
    pub fn from_netrc(text: &str, host: &str) -> Option<Credentials> {
        // Sections: 1 the host's `machine`, 2 `default`, 0 another machine.
        let (mut section, mut host_seen) = (0u8, false);
        let mut found: [[Option<&str>; 2]; 3] = [[None; 2]; 3];
        let mut words = text.split_whitespace();
        while let Some(word) = words.next() {
            match word {
                "machine" => {
                    let name = words.next();
                    section = u8::from(name == Some(host));
                    host_seen |= section == 1;
                }
                "default" => section = 2,
                "login" | "password" => {
                    found[usize::from(section)][usize::from(word == "password")] = words.next();
                }
                _ => {}
            }
        }
        let [user, password] = found[if host_seen { 1 } else { 2 }];
        Some(Credentials {
            user: user?.to_owned(),
            password: password?.to_owned(),
        })
    }

    pub(crate) fn header(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub(crate) fn check_url(url: &str) -> Result<()> {
    let ok =
        (url.starts_with("http://") || url.starts_with("https://")) && !host_of(url).is_empty();
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "{url:?} is not an endpoint address: give the engine's SPARQL URL, e.g. http://localhost:8890/sparql"
        )))
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    }
}

/// The media type of a Content-Type value, lowercase and without parameters:
/// "Application/SPARQL-Results+JSON; charset=utf-8" gives "application/sparql-results+json".
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netrc_gives_the_host_s_login_or_the_default() {
        let text = "machine other login a password b\n\
                    machine db.example.org login ties password s3cret\ndefault login anon password x";
        let c = Credentials::from_netrc(text, "db.example.org").expect("found");
        assert_eq!((c.user.as_str(), c.password.as_str()), ("ties", "s3cret"));
        let d = Credentials::from_netrc(text, "elsewhere").expect("the default");
        assert_eq!(d.user, "anon");
        assert!(Credentials::from_netrc("machine x login a password b", "y").is_none());
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn basic_authentication_is_base64() {
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn endpoints_are_http_addresses() {
        assert!(Endpoint::new("http://127.0.0.1:8890/sparql").is_ok());
        assert_eq!(
            Endpoint::new("https://u@db.example.org:443/sparql")
                .expect("ok")
                .host(),
            "db.example.org"
        );
        for bad in ["ftp://x/sparql", "localhost:8890", "http:///sparql"] {
            assert!(Endpoint::new(bad).is_err(), "{bad}");
        }
    }
}
