//! The named queries of `queries/`, built into the binary so `ties query people` works from any
//! folder. The files stay the source: edit them, rebuild, and the names follow.

use crate::error::{Error, Result};
use crate::sparql::Dataset;

/// (name, SPARQL text), one per file in `queries/`.
pub const NAMED: &[(&str, &str)] = &[
    ("affiliations", include_str!("../queries/affiliations.rq")),
    ("claims", include_str!("../queries/claims.rq")),
    ("co-members", include_str!("../queries/co-members.rq")),
    ("events", include_str!("../queries/events.rq")),
    ("organisations", include_str!("../queries/organisations.rq")),
    ("participation", include_str!("../queries/participation.rq")),
    ("people", include_str!("../queries/people.rq")),
    ("quotes", include_str!("../queries/quotes.rq")),
    ("reports", include_str!("../queries/reports.rq")),
];

/// The named queries that read the listing index (`crate::store::listing`), and their scanning
/// forms in `queries/scan/`: the same rows from the report graphs, for a store whose index is
/// not whole (a remote engine, an interrupted ingest, a store written by an older ties).
pub const SCANS: &[(&str, &str)] = &[
    ("co-members", include_str!("../queries/scan/co-members.rq")),
    (
        "organisations",
        include_str!("../queries/scan/organisations.rq"),
    ),
    ("people", include_str!("../queries/scan/people.rq")),
];

pub fn named(name: &str) -> Option<&'static str> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, q)| *q)
}

/// Named queries whose index form reads from one end, and the variable that, fixed by
/// `--bind`, is the other end: there the scanning form, which starts from it, runs instead.
/// `co-members` reads the index from a person's name (0.08 s for one person of the 100,000
/// generated reports); fixed to an organisation, Oxigraph would still start from every person
/// (1.1 s), where the scanning form starts from the organisation's name (0.05 s). Oxigraph
/// plans a GRAPH block's patterns in the order they are written, so one text cannot start from
/// whichever end is fixed.
const STARTS_FROM_ONE_END: &[(&str, &str)] = &[("co-members", "organisation")];

/// The text of a named query as it runs on `dataset`: the scanning form of a listing when the
/// store's listing index is not whole.
pub fn named_on(dataset: &Dataset, name: &str) -> Result<Option<&'static str>> {
    named_bound_on(dataset, name, &[])
}

/// `named_on` for a query run with the variables `bound` fixed: the scanning form also where
/// one of them is the end the index form does not start from (`STARTS_FROM_ONE_END`).
pub fn named_bound_on(
    dataset: &Dataset,
    name: &str,
    bound: &[&str],
) -> Result<Option<&'static str>> {
    if let Some((_, scan)) = SCANS.iter().find(|(n, _)| *n == name) {
        let other_end = STARTS_FROM_ONE_END
            .iter()
            .any(|(n, var)| *n == name && bound.contains(var));
        if other_end || !dataset.listing_is_complete()? {
            return Ok(Some(scan));
        }
    }
    Ok(named(name))
}

/// Resolves what the user typed as QUERY for `dataset`, to run with the variables `bound`
/// fixed: `@file.rq`, the name of a named query (`named_bound_on`), or SPARQL text.
pub fn resolve_on(dataset: &Dataset, arg: &str, bound: &[&str]) -> Result<String> {
    if let Some(q) = named_bound_on(dataset, arg, bound)? {
        return Ok(q.to_owned());
    }
    resolve(arg)
}

/// Resolves what the user typed as QUERY: `@file.rq`, the name of a named query, or SPARQL text.
pub fn resolve(arg: &str) -> Result<String> {
    if let Some(file) = arg.strip_prefix('@') {
        return std::fs::read_to_string(file).map_err(|e| Error::read(file, e));
    }
    if let Some(q) = named(arg) {
        return Ok(q.to_owned());
    }
    let looks_like_a_name = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if looks_like_a_name {
        let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
        return Err(Error::Usage(format!(
            "no named query {arg:?}; the named queries are: {}",
            names.join(", ")
        )));
    }
    Ok(arg.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_parses() {
        for (name, text) in NAMED.iter().chain(SCANS) {
            if let Err(e) = crate::sparql::prepare(text, None, None) {
                panic!("queries/{name}.rq: {e}");
            }
        }
    }

    #[test]
    fn listings_read_the_index_only_when_it_is_whole() {
        let store = crate::store::Store::in_memory().expect("a store");
        let dataset = Dataset::new(store.clone());
        // A store never written has no index yet: the scanning forms run.
        assert!(named_on(&dataset, "people")
            .unwrap()
            .unwrap()
            .contains("GRAPH ?report"));
        dataset
            .update(
                "INSERT DATA { GRAPH <urn:r> { <urn:p> a schema:Person ; schema:name \"Ana\" } }",
            )
            .unwrap();
        let people = named_on(&dataset, "people").unwrap().unwrap();
        assert!(people.contains("urn:ties:listing"), "{people}");
        let co = named_on(&dataset, "co-members").unwrap().unwrap();
        assert!(co.contains("urn:ties:listing"), "{co}");
        let by_person = named_bound_on(&dataset, "co-members", &["person"]);
        assert_eq!(by_person.unwrap().unwrap(), co);
        // Fixed to an organisation, the form that starts from the organisation runs.
        let by_organisation = named_bound_on(&dataset, "co-members", &["organisation"]);
        assert!(by_organisation.unwrap().unwrap().contains("GRAPH ?g1"));
        assert_eq!(named_on(&dataset, "reports").unwrap(), named("reports"));
    }

    #[test]
    fn resolves_names_files_and_text() {
        assert!(resolve("people").unwrap().contains("schema:Person"));
        assert!(resolve("SELECT * WHERE { ?s ?p ?o }")
            .unwrap()
            .starts_with("SELECT"));
        assert!(resolve("peeple")
            .unwrap_err()
            .to_string()
            .contains("people"));
    }
}
