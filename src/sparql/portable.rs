//! Standard SPARQL 1.1 from ties' queries, for a remote engine: the algebra of a query or
//! update, with Oxigraph's extensions rewritten into the standard forms they stand for, written
//! back as text with full IRIs (a remote engine knows none of ties' prefixes).
//!
//! The named queries read optional values `LATERAL { OPTIONAL { … } }` (Oxigraph's SEP-0006),
//! which makes Oxigraph's planner look them up row by row instead of building a table of every
//! optional value first; other engines refuse the keyword. Each LATERAL the library writes has a
//! standard form with the same answers: `LATERAL { OPTIONAL { X } }` is `OPTIONAL { X }`, and a
//! LATERAL of a plain pattern or of a subquery that projects the variables it shares is a join.
//! A LATERAL whose answers depend on being evaluated row by row is refused, and so are
//! `SERVICE` and `LOAD`, which would have the engine reach out to other addresses.
//! This module runs nothing.

use crate::error::{Error, Result};
use spargebra::algebra::GraphPattern;
use spargebra::{GraphUpdateOperation, Query, Update};

/// The query as standard SPARQL 1.1 text.
pub fn query_text(mut query: Query) -> Result<String> {
    let pattern = match &mut query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    let taken = std::mem::replace(
        pattern,
        GraphPattern::Bgp {
            patterns: Vec::new(),
        },
    );
    *pattern = standard(taken)?;
    Ok(query.to_string())
}

/// The update as standard SPARQL 1.1 text.
pub fn update_text(mut update: Update) -> Result<String> {
    for op in &mut update.operations {
        match op {
            GraphUpdateOperation::Load { .. } => return Err(refused("LOAD")),
            GraphUpdateOperation::DeleteInsert { pattern, .. } => {
                let taken = std::mem::replace(
                    pattern.as_mut(),
                    GraphPattern::Bgp {
                        patterns: Vec::new(),
                    },
                );
                **pattern = standard(taken)?;
            }
            _ => {}
        }
    }
    Ok(update.to_string())
}

fn refused(what: &str) -> Error {
    Error::Refused(format!(
        "{what} is refused: ties has no engine fetch other addresses on its behalf; fetch the data yourself and ingest it"
    ))
}

// The algebra holds its children in boxes; this takes them as they come.
#[allow(clippy::boxed_local)]
fn boxed(pattern: Box<GraphPattern>) -> Result<Box<GraphPattern>> {
    Ok(Box::new(standard(*pattern)?))
}

/// The pattern with every LATERAL in its standard form.
fn standard(pattern: GraphPattern) -> Result<GraphPattern> {
    use GraphPattern as P;
    Ok(match pattern {
        P::Lateral { left, right } => lateral(boxed(left)?, standard(*right)?)?,
        P::Join { left, right } => P::Join {
            left: boxed(left)?,
            right: boxed(right)?,
        },
        P::LeftJoin {
            left,
            right,
            expression,
        } => P::LeftJoin {
            left: boxed(left)?,
            right: boxed(right)?,
            expression,
        },
        P::Union { left, right } => P::Union {
            left: boxed(left)?,
            right: boxed(right)?,
        },
        P::Minus { left, right } => P::Minus {
            left: boxed(left)?,
            right: boxed(right)?,
        },
        P::Filter { expr, inner } => P::Filter {
            expr,
            inner: boxed(inner)?,
        },
        P::Graph { name, inner } => P::Graph {
            name,
            inner: boxed(inner)?,
        },
        P::Extend {
            inner,
            variable,
            expression,
        } => P::Extend {
            inner: boxed(inner)?,
            variable,
            expression,
        },
        P::OrderBy { inner, expression } => P::OrderBy {
            inner: boxed(inner)?,
            expression,
        },
        P::Project { inner, variables } => P::Project {
            inner: boxed(inner)?,
            variables,
        },
        P::Distinct { inner } => P::Distinct {
            inner: boxed(inner)?,
        },
        P::Reduced { inner } => P::Reduced {
            inner: boxed(inner)?,
        },
        P::Slice {
            inner,
            start,
            length,
        } => P::Slice {
            inner: boxed(inner)?,
            start,
            length,
        },
        P::Group {
            inner,
            variables,
            aggregates,
        } => P::Group {
            inner: boxed(inner)?,
            variables,
            aggregates,
        },
        P::Service { .. } => return Err(refused("SERVICE")),
        other @ (P::Bgp { .. } | P::Path { .. } | P::Values { .. }) => other,
    })
}

/// `left LATERAL right` in a standard form with the same answers, or a refusal.
fn lateral(left: Box<GraphPattern>, right: GraphPattern) -> Result<GraphPattern> {
    use GraphPattern as P;
    match right {
        // LATERAL { OPTIONAL { X } }: X is looked up for each row of the left side.
        P::LeftJoin {
            left: empty,
            right,
            expression,
        } if matches!(&*empty, P::Bgp { patterns } if patterns.is_empty()) => Ok(P::LeftJoin {
            left,
            right,
            expression,
        }),
        // A plain pattern, or a subquery: a subquery sees the left side's values only through
        // the variables it projects, which a join matches all the same.
        right @ (P::Bgp { .. } | P::Path { .. } | P::Project { .. } | P::Distinct { .. }) => {
            if let P::Distinct { inner } = &right {
                if !matches!(&**inner, P::Project { .. }) {
                    return Err(not_portable());
                }
            }
            Ok(P::Join {
                left,
                right: Box::new(right),
            })
        }
        _ => Err(not_portable()),
    }
}

fn not_portable() -> Error {
    Error::Usage(
        "this LATERAL has no standard SPARQL 1.1 form ties knows, so a remote engine cannot run it: write it with OPTIONAL, a join or a subquery".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portable(text: &str) -> String {
        query_text(super::super::bind::parse(text).expect("parses")).expect("portable")
    }

    #[test]
    fn lateral_optionals_become_optionals_and_subqueries_joins() {
        let text = portable(
            "SELECT * WHERE { GRAPH ?g { ?m org:member ?p . LATERAL { OPTIONAL { ?m org:role ?r } } } }",
        );
        assert!(!text.contains("LATERAL"), "{text}");
        assert!(text.contains("OPTIONAL"), "{text}");
        assert!(text.contains("<http://www.w3.org/ns/org#role>"), "{text}");
        let text = portable(
            "SELECT * WHERE { ?a org:memberOf ?o LATERAL { SELECT DISTINCT ?o ?b WHERE { ?b org:memberOf ?o } } }",
        );
        assert!(
            !text.contains("LATERAL") && text.contains("SELECT DISTINCT"),
            "{text}"
        );
    }

    #[test]
    fn every_named_query_has_a_standard_form() {
        for (name, text) in crate::queries::NAMED.iter().chain(crate::queries::SCANS) {
            let out = portable(text);
            assert!(!out.contains("LATERAL"), "{name}: {out}");
            assert!(
                spargebra::SparqlParser::new().parse_query(&out).is_ok(),
                "{name}: {out}"
            );
        }
    }

    #[test]
    fn service_load_and_row_by_row_laterals_are_refused() {
        let q = super::super::bind::parse("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
            .expect("parses");
        assert!(matches!(query_text(q), Err(Error::Refused(_))));
        let u = spargebra::SparqlParser::new()
            .parse_update("LOAD <http://x/>")
            .expect("parses");
        assert!(matches!(update_text(u), Err(Error::Refused(_))));
        let q = super::super::bind::parse(
            "SELECT * WHERE { ?s ?p ?o LATERAL { ?s ?q ?x FILTER(?x != ?o) } }",
        )
        .expect("parses");
        assert!(matches!(query_text(q), Err(Error::Usage(_))));
    }
}
