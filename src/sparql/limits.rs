//! How deep a query or an update may nest before it is parsed. Oxigraph parses, plans, runs and
//! drops a query by recursion, one stack frame or more per level of its tree: 5,000 nested
//! parentheses, or a chain of 100,000 `+1`, `UNION {}` or `OPTIONAL {}`, overflow any stack and
//! abort the process (one request would kill a server). So before parsing, a cheap scan of the
//! text (outside strings, IRIs and comments) refuses:
//!
//! - brackets `(` `{` `[` nested more than [`MAX_DEPTH`] deep;
//! - more than [`MAX_OPERATORS`] brackets, operators (`+ - * / | ^ ! & = < >`) and the keywords
//!   that chain patterns (`UNION`, `OPTIONAL`, `MINUS`, `BIND`, `FILTER`, `SERVICE`): the tree
//!   of a text is at most that deep whatever its shape.
//!
//! Both bounds hold on a thread with [`STACK_SIZE`] bytes of stack: the server's threads and the
//! command line's have it. Bulk data goes through the Graph Store Protocol or `ingest`, which
//! parse RDF without recursion, so an `INSERT DATA` needs no more.

use crate::error::{Error, Result};

/// Brackets nested deeper than this are refused (no real query comes near).
pub const MAX_DEPTH: usize = 200;

/// Brackets, operators and chaining keywords in one text, at most.
pub const MAX_OPERATORS: usize = 20_000;

/// The stack a thread that parses and runs SPARQL needs for texts within these bounds: texts of
/// 20,000 nested brackets, `+1`, `UNION {}`, `MINUS {}`, `BIND`, `FILTER` or `||` each ran in
/// 64 MB; this is four times that.
pub const STACK_SIZE: usize = 256 << 20;

/// Refuses a query or update text nested deeper than a stack of [`STACK_SIZE`] can take.
///
/// ```
/// use ties::sparql::limits::check_nesting;
/// assert!(check_nesting("ASK { FILTER((1 + 2) = 3) }").is_ok());
/// let deep = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(5000), ")".repeat(5000));
/// assert!(check_nesting(&deep).is_err());
/// ```
pub fn check_nesting(text: &str) -> Result<()> {
    let (depth, operators) = measure(text);
    if depth > MAX_DEPTH {
        return Err(Error::Usage(format!(
            "the SPARQL text nests brackets {depth} deep; at most {MAX_DEPTH} are accepted (write it flatter)"
        )));
    }
    if operators > MAX_OPERATORS {
        return Err(Error::Usage(format!(
            "the SPARQL text has {operators} brackets, operators and UNION/OPTIONAL/MINUS/BIND/FILTER; at most {MAX_OPERATORS} are accepted (split it; load bulk data as an RDF file or through the Graph Store Protocol)"
        )));
    }
    Ok(())
}

/// The deepest nesting of brackets and the count of brackets, operators and chaining keywords,
/// outside strings, IRIs and comments.
fn measure(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut i, mut depth, mut deepest, mut operators) = (0, 0usize, 0, 0usize);
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => i = skip_while(b, i, |c| c != b'\n'),
            b'"' | b'\'' => {
                i = skip_string(b, i);
                // A datatype after a literal is no operator.
                if b[i..].starts_with(b"^^") {
                    i += 2;
                }
            }
            b'<' if iri_end(b, i).is_some() => i = iri_end(b, i).unwrap_or(i + 1),
            b'(' | b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
                operators += 1;
                i += 1;
            }
            b')' | b'}' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'+' | b'-' | b'*' | b'/' | b'|' | b'^' | b'!' | b'&' | b'=' | b'<' | b'>' => {
                operators += 1;
                i += 1;
            }
            b'?' | b'$' => i = skip_while(b, i + 1, |c| c.is_ascii_alphanumeric() || c == b'_'),
            b'@' => i = skip_while(b, i + 1, |c| c.is_ascii_alphanumeric() || c == b'-'),
            b'0'..=b'9' => i = skip_number(b, i),
            c if c.is_ascii_alphabetic() || c == b'_' || c == b':' || c >= 0x80 => {
                let end = skip_while(b, i, |c| {
                    c.is_ascii_alphanumeric()
                        || matches!(c, b'_' | b'-' | b'.' | b':' | b'%' | b'\\')
                        || c >= 0x80
                });
                let word = &text[i..end];
                if ["UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "SERVICE"]
                    .iter()
                    .any(|k| word.eq_ignore_ascii_case(k))
                {
                    operators += 1;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    (deepest, operators)
}

fn skip_while(b: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < b.len() && keep(b[i]) {
        i += 1;
    }
    i
}

/// After a string literal that starts at `i`: '…', "…", '''…''' or """…""", with escapes.
fn skip_string(b: &[u8], i: usize) -> usize {
    let quote = b[i];
    let long = b.len() >= i + 3 && b[i + 1] == quote && b[i + 2] == quote;
    let mut j = if long { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == quote => {
                if !long {
                    return j + 1;
                }
                if b.len() >= j + 3 && b[j + 1] == quote && b[j + 2] == quote {
                    return j + 3;
                }
                j += 1;
            }
            b'\n' if !long => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// After an IRI `<…>` that starts at `i` (no spaces nor `<"{}|^`\` inside), if it is one.
fn iri_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'>' => return Some(j + 1),
            c if c <= b' '
                || matches!(c, b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\') =>
            {
                return None
            }
            _ => j += 1,
        }
    }
    None
}

/// After a number at `i`: digits, a decimal point, an exponent with its sign.
fn skip_number(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' | b'.' => i += 1,
            b'e' | b'E' => {
                i += 1;
                if i < b.len() && matches!(b[i], b'+' | b'-') {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_iris_and_comments_do_not_count() {
        let text = r#"PREFIX ex: <http://ex.org/a-b#>
            # ((((((( a comment
            SELECT * WHERE { ?s ex:p-q "(((+++" ; ex:r """{{{
            ((("""^^xsd:string ; ex:n 1e-5 ; ex:t "x"@en-GB } "#;
        assert_eq!(measure(text), (1, 2), "the brace and SELECT *");
    }

    #[test]
    fn brackets_operators_and_chaining_keywords_count() {
        assert_eq!(measure("ASK { FILTER(((1))) }"), (4, 5));
        assert_eq!(measure("ASK { FILTER(?a-?b < 3 && !?c) }"), (2, 8));
        assert_eq!(measure("ASK { {} UNION {} OPTIONAL {} }"), (2, 6));
        assert_eq!(measure("ASK { ?s <urn:a>/<urn:b>|^<urn:c> ?o }"), (1, 4));
    }

    #[test]
    fn deep_or_long_texts_are_refused_with_what_to_do() {
        let deep = format!(
            "ASK {{ FILTER({}1{}) }}",
            "(".repeat(5000),
            ")".repeat(5000)
        );
        let e = check_nesting(&deep).unwrap_err().to_string();
        assert!(e.contains("5002 deep") && e.contains("at most 200"), "{e}");
        let long = format!("ASK {{ FILTER(1{} = 0) }}", "+1".repeat(100_000));
        let e = check_nesting(&long).unwrap_err().to_string();
        assert!(e.contains("split it"), "{e}");
        let fine = format!("ASK {{ FILTER(1{} = 0) }}", "+1".repeat(1000));
        assert!(check_nesting(&fine).is_ok());
    }
}
