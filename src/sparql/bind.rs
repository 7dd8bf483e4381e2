//! Binding `VAR=VALUE`: a query with one of its variables replaced by a constant before Oxigraph
//! plans it.
//!
//! Oxigraph can also substitute a variable at run time, but its planner then does not know the
//! value and may start from the wrong pattern: on a store of 100,000 reports, one person's
//! affiliations took minutes that way and milliseconds with the name written into the pattern.
//! So the query is parsed into the SPARQL algebra (spargebra, which Oxigraph itself uses), the
//! variable is replaced by the term in every pattern and expression, and the variable comes
//! back into the results through a BIND just under the projection. No crate does this rewrite;
//! it is short because the algebra is a plain enum. `Binder::pattern` is one long `match` over
//! that enum, one arm per kind of pattern, and reads better whole than cut up. This module does
//! not run queries.

use crate::error::{Error, Result};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};
use spargebra::{Query, SparqlParser};

/// `text` with `variable` fixed to `value`, as SPARQL text (full IRIs, no prefixes).
pub fn bind(text: &str, variable: &Variable, value: &Term) -> Result<String> {
    let mut query = parse(text)?;
    bind_query(&mut query, variable, value)?;
    Ok(query.to_string())
}

/// Parses a query into the algebra, with ties' prefixes predeclared.
pub fn parse(text: &str) -> Result<Query> {
    super::limits::check_nesting(text)?;
    let parser = crate::vocab::with_prefixes(SparqlParser::new(), |p, prefix, iri| {
        p.with_prefix(prefix, iri)
    });
    parser.parse_query(text).map_err(Error::syntax)
}

/// Fixes `variable` to `value` in a parsed query.
pub fn bind_query(query: &mut Query, variable: &Variable, value: &Term) -> Result<()> {
    let binder = Binder { variable, value };
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    if !binder.mentions(pattern) {
        return Err(Error::Usage(format!(
            "the query has no variable ?{} to bind",
            variable.as_str()
        )));
    }
    *pattern = binder.pattern(std::mem::replace(
        pattern,
        GraphPattern::Bgp {
            patterns: Vec::new(),
        },
    ))?;
    if let Query::Construct { template, .. } = query {
        for triple in template {
            binder.triple(triple);
        }
    }
    Ok(())
}

struct Binder<'a> {
    variable: &'a Variable,
    value: &'a Term,
}

impl Binder<'_> {
    fn expression_value(&self) -> Expression {
        match self.value {
            Term::NamedNode(n) => Expression::NamedNode(n.clone()),
            Term::Literal(l) => Expression::Literal(l.clone()),
            // Values come from `parse_binding`: IRIs and literals only.
            _ => Expression::Literal(Literal::new_simple_literal(self.value.to_string())),
        }
    }

    /// Whether the query's WHERE clause uses the variable, projected or not.
    fn mentions(&self, pattern: &GraphPattern) -> bool {
        match pattern {
            GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::OrderBy { inner, .. } => self.mentions(inner),
            _ => {
                let mut found = false;
                pattern.on_in_scope_variable(|v| found |= v == self.variable);
                found
            }
        }
    }

    fn term(&self, term: &mut TermPattern) {
        if matches!(term, TermPattern::Variable(v) if v == self.variable) {
            *term = match self.value {
                Term::NamedNode(n) => TermPattern::NamedNode(n.clone()),
                Term::Literal(l) => TermPattern::Literal(l.clone()),
                _ => return,
            };
        }
    }

    fn named_node(&self, pattern: &mut NamedNodePattern) -> Result<()> {
        if matches!(pattern, NamedNodePattern::Variable(v) if v == self.variable) {
            let Term::NamedNode(n) = self.value else {
                return Err(self.not_an_iri());
            };
            *pattern = NamedNodePattern::NamedNode(NamedNode::clone(n));
        }
        Ok(())
    }

    fn not_an_iri(&self) -> Error {
        Error::Usage(format!(
            "?{} stands for a graph or a predicate: bind it to an IRI (<…>)",
            self.variable.as_str()
        ))
    }

    fn triple(&self, triple: &mut TriplePattern) {
        self.term(&mut triple.subject);
        let _ = self.named_node(&mut triple.predicate);
        self.term(&mut triple.object);
    }

    // The algebra holds its children in boxes; this takes them as they come.
    #[allow(clippy::boxed_local)]
    fn boxed(&self, pattern: Box<GraphPattern>) -> Result<Box<GraphPattern>> {
        Ok(Box::new(self.pattern(*pattern)?))
    }

    fn computed(&self) -> Error {
        Error::Usage(format!(
            "?{} is computed by the query (BIND, VALUES or an aggregate); bind a variable its patterns match",
            self.variable.as_str()
        ))
    }

    fn pattern(&self, pattern: GraphPattern) -> Result<GraphPattern> {
        Ok(match pattern {
            GraphPattern::Bgp { mut patterns } => {
                for triple in &mut patterns {
                    self.triple(triple);
                }
                GraphPattern::Bgp { patterns }
            }
            GraphPattern::Path {
                mut subject,
                path,
                mut object,
            } => {
                self.term(&mut subject);
                self.term(&mut object);
                GraphPattern::Path {
                    subject,
                    path,
                    object,
                }
            }
            GraphPattern::Join { left, right } => GraphPattern::Join {
                left: self.boxed(left)?,
                right: self.boxed(right)?,
            },
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => GraphPattern::LeftJoin {
                left: self.boxed(left)?,
                right: self.boxed(right)?,
                expression: expression.map(|e| self.expression(e)).transpose()?,
            },
            GraphPattern::Lateral { left, right } => GraphPattern::Lateral {
                left: self.boxed(left)?,
                right: self.boxed(right)?,
            },
            GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
                expr: self.expression(expr)?,
                inner: self.boxed(inner)?,
            },
            GraphPattern::Union { left, right } => GraphPattern::Union {
                left: self.boxed(left)?,
                right: self.boxed(right)?,
            },
            GraphPattern::Graph { mut name, inner } => {
                self.named_node(&mut name)?;
                GraphPattern::Graph {
                    name,
                    inner: self.boxed(inner)?,
                }
            }
            GraphPattern::Extend {
                inner,
                variable,
                expression,
            } => {
                if variable == *self.variable {
                    return Err(self.computed());
                }
                GraphPattern::Extend {
                    inner: self.boxed(inner)?,
                    variable,
                    expression: self.expression(expression)?,
                }
            }
            GraphPattern::Minus { left, right } => GraphPattern::Minus {
                left: self.boxed(left)?,
                right: self.boxed(right)?,
            },
            GraphPattern::Values {
                variables,
                bindings,
            } => {
                if variables.contains(self.variable) {
                    return Err(self.computed());
                }
                GraphPattern::Values {
                    variables,
                    bindings,
                }
            }
            GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
                inner: self.boxed(inner)?,
                expression: expression
                    .into_iter()
                    .map(|o| {
                        Ok(match o {
                            OrderExpression::Asc(e) => OrderExpression::Asc(self.expression(e)?),
                            OrderExpression::Desc(e) => OrderExpression::Desc(self.expression(e)?),
                        })
                    })
                    .collect::<Result<_>>()?,
            },
            GraphPattern::Project { inner, variables } => {
                let inner = self.boxed(inner)?;
                // The variable is gone from the patterns; give it back to the results (once:
                // a subquery below may have given it back already).
                let inner = if variables.contains(self.variable) && !self.mentions(&inner) {
                    Box::new(GraphPattern::Extend {
                        inner,
                        variable: self.variable.clone(),
                        expression: self.expression_value(),
                    })
                } else {
                    inner
                };
                GraphPattern::Project { inner, variables }
            }
            GraphPattern::Distinct { inner } => GraphPattern::Distinct {
                inner: self.boxed(inner)?,
            },
            GraphPattern::Reduced { inner } => GraphPattern::Reduced {
                inner: self.boxed(inner)?,
            },
            GraphPattern::Slice {
                inner,
                start,
                length,
            } => GraphPattern::Slice {
                inner: self.boxed(inner)?,
                start,
                length,
            },
            GraphPattern::Group {
                inner,
                variables,
                aggregates,
            } => {
                if aggregates.iter().any(|(v, _)| v == self.variable) {
                    return Err(self.computed());
                }
                let grouped = variables.contains(self.variable);
                let group = GraphPattern::Group {
                    inner: self.boxed(inner)?,
                    variables: variables
                        .into_iter()
                        .filter(|v| v != self.variable)
                        .collect(),
                    aggregates: aggregates
                        .into_iter()
                        .map(|(v, a)| Ok((v, self.aggregate(a)?)))
                        .collect::<Result<_>>()?,
                };
                if grouped {
                    GraphPattern::Extend {
                        inner: Box::new(group),
                        variable: self.variable.clone(),
                        expression: self.expression_value(),
                    }
                } else {
                    group
                }
            }
            GraphPattern::Service {
                mut name,
                inner,
                silent,
            } => {
                self.named_node(&mut name)?;
                GraphPattern::Service {
                    name,
                    inner: self.boxed(inner)?,
                    silent,
                }
            }
        })
    }

    fn aggregate(&self, aggregate: AggregateExpression) -> Result<AggregateExpression> {
        Ok(match aggregate {
            AggregateExpression::FunctionCall {
                name,
                expr,
                distinct,
            } => AggregateExpression::FunctionCall {
                name,
                expr: self.expression(expr)?,
                distinct,
            },
            other => other,
        })
    }

    fn expression(&self, expression: Expression) -> Result<Expression> {
        let b =
            |e: Box<Expression>| -> Result<Box<Expression>> { Ok(Box::new(self.expression(*e)?)) };
        let all = |es: Vec<Expression>| -> Result<Vec<Expression>> {
            es.into_iter().map(|e| self.expression(e)).collect()
        };
        Ok(match expression {
            Expression::Variable(v) if v == *self.variable => self.expression_value(),
            Expression::Bound(v) if v == *self.variable => Expression::Literal(Literal::from(true)),
            Expression::Or(x, y) => Expression::Or(b(x)?, b(y)?),
            Expression::And(x, y) => Expression::And(b(x)?, b(y)?),
            Expression::Equal(x, y) => Expression::Equal(b(x)?, b(y)?),
            Expression::SameTerm(x, y) => Expression::SameTerm(b(x)?, b(y)?),
            Expression::Greater(x, y) => Expression::Greater(b(x)?, b(y)?),
            Expression::GreaterOrEqual(x, y) => Expression::GreaterOrEqual(b(x)?, b(y)?),
            Expression::Less(x, y) => Expression::Less(b(x)?, b(y)?),
            Expression::LessOrEqual(x, y) => Expression::LessOrEqual(b(x)?, b(y)?),
            Expression::In(x, ys) => Expression::In(b(x)?, all(ys)?),
            Expression::Add(x, y) => Expression::Add(b(x)?, b(y)?),
            Expression::Subtract(x, y) => Expression::Subtract(b(x)?, b(y)?),
            Expression::Multiply(x, y) => Expression::Multiply(b(x)?, b(y)?),
            Expression::Divide(x, y) => Expression::Divide(b(x)?, b(y)?),
            Expression::UnaryPlus(x) => Expression::UnaryPlus(b(x)?),
            Expression::UnaryMinus(x) => Expression::UnaryMinus(b(x)?),
            Expression::Not(x) => Expression::Not(b(x)?),
            Expression::Exists(p) => Expression::Exists(self.boxed(p)?),
            Expression::If(x, y, z) => Expression::If(b(x)?, b(y)?, b(z)?),
            Expression::Coalesce(es) => Expression::Coalesce(all(es)?),
            Expression::FunctionCall(f, es) => Expression::FunctionCall(f, all(es)?),
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(name: &str) -> Variable {
        Variable::new_unchecked(name)
    }

    #[test]
    fn a_bound_name_is_written_into_the_pattern_and_comes_back_in_the_results() {
        let text = "SELECT ?person ?org WHERE { GRAPH ?g { ?p schema:name ?person ; org:memberOf ?o . ?o schema:name ?org } } ORDER BY ?person";
        let bound = bind(
            text,
            &var("person"),
            &Literal::new_simple_literal("Ana Ruiz").into(),
        )
        .unwrap();
        assert!(bound.contains("\"Ana Ruiz\""), "{bound}");
        assert!(!bound.contains("schema.org/name> ?person"), "{bound}");
        assert!(bound.contains("AS ?person"), "{bound}");
    }

    #[test]
    fn grouped_variables_are_bound_above_the_group() {
        let text =
            "SELECT ?p (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?p a schema:Person } } GROUP BY ?p";
        let iri = NamedNode::new_unchecked("urn:ties:person/ana-ruiz");
        let bound = bind(text, &var("p"), &iri.into()).unwrap();
        assert!(bound.contains("<urn:ties:person/ana-ruiz>"), "{bound}");
    }

    #[test]
    fn a_variable_left_out_of_the_projection_is_bound_too() {
        let text = "SELECT DISTINCT ?x WHERE { ?x schema:name ?text }";
        let value: Term = Literal::new_simple_literal("Ana Ruiz").into();
        let bound = bind(text, &var("text"), &value).unwrap();
        assert!(bound.contains("\"Ana Ruiz\""), "{bound}");
        assert!(!bound.contains("name> ?text"), "{bound}");
    }

    #[test]
    fn unknown_and_computed_variables_are_refused() {
        let value: Term = Literal::new_simple_literal("x").into();
        let err = bind("SELECT ?a WHERE { ?a ?b ?c }", &var("zzz"), &value).unwrap_err();
        assert!(err.to_string().contains("no variable ?zzz"), "{err}");
        let err = bind(
            "SELECT ?n WHERE { ?a ?b ?c BIND(STR(?c) AS ?n) }",
            &var("n"),
            &value,
        )
        .unwrap_err();
        assert!(err.to_string().contains("computed"), "{err}");
    }
}
