//! The IRI scheme: how ties names reports, the entities shared across reports, and roles.
//!
//! `rdf` mints every IRI with these functions; readers (`network`) may use them to look an
//! entity up by the name it would have. Nothing parses an IRI back into a kind: the kind of an
//! entity is its `rdf:type` in the graph. This module knows no store and no query.

use crate::model::EntityKind;
use crate::vocab::DATA_NS;
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};
use std::path::Path;

/// A lowercase ASCII slug: accents folded, anything else than letters and digits made a hyphen.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// The IRI of the report read from `path` (canonicalised): its file name made a slug (for
/// people), then 128 bits of the SHA-256 of the path's bytes as 32 hex digits (for
/// uniqueness), so two `index.html` in two folders stay apart, two names that differ only in
/// bytes that are not UTF-8 stay apart, and ingesting the same file again finds the same
/// graph. (Before, the tag was 32 bits of the path read as lossy UTF-8: [`is_old_report_iri`].)
pub fn report_iri(path: &Path) -> NamedNode {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let digest = Sha256::digest(path_bytes(path));
    let tag: String = digest[..REPORT_TAG_BYTES]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    NamedNode::new_unchecked(format!("{DATA_NS}{REPORTS}{}-{tag}", slug(&stem)))
}

/// Bytes of the path's hash that tag a report IRI: 128 bits, so that no two paths of any
/// archive share one (a collision among a billion paths has a chance of about 10^-21).
const REPORT_TAG_BYTES: usize = 16;

/// The path as the system names it: its bytes on Unix (names need not be UTF-8), its UTF-16
/// units on Windows.
fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        path.as_os_str()
            .encode_wide()
            .flat_map(u16::to_le_bytes)
            .collect()
    }
    #[cfg(not(any(unix, windows)))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// True when `iri` names a report graph by the scheme before 128-bit tags (a slug then eight
/// hex digits): a graph an ingest of the same file moves to its new IRI.
pub fn is_old_report_iri(iri: &str) -> bool {
    iri.strip_prefix(DATA_NS)
        .and_then(|rest| rest.strip_prefix(REPORTS))
        .and_then(|rest| rest.rsplit_once('-'))
        .is_some_and(|(_, tag)| tag.len() == 8 && tag.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Where report graphs are named, after `DATA_NS`.
const REPORTS: &str = "report/";

/// True when `iri` is in the namespace ties names report graphs in (a report ingested, or one
/// that may be): what an RDF file may not write into. This tells no kind of node; it guards
/// the graphs ties owns.
pub fn in_report_namespace(iri: &str) -> bool {
    iri.strip_prefix(DATA_NS)
        .is_some_and(|rest| rest.starts_with(REPORTS))
}

/// The IRI of an entity that is shared across reports.
pub fn entity_iri(kind: EntityKind, name: &str) -> NamedNode {
    let folder = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Place => "place",
        EntityKind::Event => "event",
    };
    NamedNode::new_unchecked(format!("{DATA_NS}{folder}/{}", slug(name)))
}

/// The IRIs a name would have as a shared person, organisation or place: where to look for an
/// entity named on the command line when no label in the store matches it.
pub fn shared_entity_iris(name: &str) -> impl Iterator<Item = String> + '_ {
    [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ]
    .into_iter()
    .map(move |kind| entity_iri(kind, name).as_str().to_owned())
}

/// The IRI of a role, one per label as written: "chair" and "Chair" are two nodes, so that
/// each keeps one `rdfs:label` (a capitalised label gets a short hash of itself).
pub fn role_iri(label: &str) -> NamedNode {
    if label.chars().any(char::is_uppercase) {
        let digest = Sha256::digest(label.as_bytes());
        NamedNode::new_unchecked(format!(
            "{DATA_NS}role/{}-{:02x}{:02x}",
            slug(label),
            digest[0],
            digest[1]
        ))
    } else {
        NamedNode::new_unchecked(format!("{DATA_NS}role/{}", slug(label)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("Tomás Ó Súilleabháin"), "tomas-o-suilleabhain");
        assert_eq!(slug("  Workers’ Federation (WF) "), "workers-federation-wf");
        assert_eq!(slug("!!!"), "x");
    }

    #[test]
    fn each_role_label_has_its_own_node() {
        assert_eq!(role_iri("chair"), role_iri("chair"));
        assert_ne!(role_iri("chair"), role_iri("Chair"));
        assert!(role_iri("General Secretary")
            .as_str()
            .starts_with("urn:ties:role/general-secretary-"));
    }

    #[test]
    fn entities_merge_by_name_but_reports_stay_apart() {
        assert_eq!(
            entity_iri(EntityKind::Person, "Ana Ruiz"),
            entity_iri(EntityKind::Person, "Ana  Ruiz")
        );
        assert_ne!(
            report_iri(Path::new("/a/index.html")),
            report_iri(Path::new("/b/index.html"))
        );
        let iri = report_iri(Path::new("/a/My Report.txt"));
        let tag = iri
            .as_str()
            .strip_prefix("urn:ties:report/my-report-")
            .expect("the slug of the file name");
        assert_eq!(tag.len(), 32, "128 bits: {iri}");
        assert!(!is_old_report_iri(iri.as_str()));
        assert!(is_old_report_iri("urn:ties:report/my-report-0a1b2c3d"));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_get_their_own_iri() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let ff = Path::new(OsStr::from_bytes(b"/a/r\xff.md"));
        let fe = Path::new(OsStr::from_bytes(b"/a/r\xfe.md"));
        assert_eq!(ff.to_string_lossy(), fe.to_string_lossy());
        assert_ne!(report_iri(ff), report_iri(fe));
    }
}
