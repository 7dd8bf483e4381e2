//! Learned linear models: weights as data (`ontology/models/`), read once, and the
//! probability they give a set of named features. What the features are is each model's own
//! business (`pairs`, `presence`); this module knows only names and weights.
//!
//! Written by hand: a logistic regression's inference is a sum and a sigmoid, and the weights
//! are a few hundred lines of text; no crate would make that shorter or clearer.

use rustc_hash::FxHashMap as HashMap;

/// A logistic regression over named binary features, with the threshold its claims need.
pub(crate) struct Model {
    pub bias: f32,
    pub threshold: f32,
    weights: HashMap<&'static str, f32>,
}

impl Model {
    /// Parses weights written as `name<TAB>value` lines after `#` comments; the names `bias`
    /// and `threshold` are the model's own, every other name is a feature.
    pub fn parse(text: &'static str) -> Model {
        let mut m = Model {
            bias: 0.0,
            threshold: 1.0,
            weights: HashMap::default(),
        };
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, value)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(value) = value.parse::<f32>() else {
                continue;
            };
            match name {
                "bias" => m.bias = value,
                "threshold" => m.threshold = value,
                _ => {
                    m.weights.insert(name, value);
                }
            }
        }
        m
    }

    /// The probability the model gives a set of features (a feature it never learned weighs 0).
    pub fn probability<S: AsRef<str>>(&self, features: &[S]) -> f32 {
        self.probability_of_sum(features.iter().map(|f| self.weight(f.as_ref())).sum())
    }

    /// The weight of one feature (0 for one it never learned).
    pub fn weight(&self, feature: &str) -> f32 {
        self.weights.get(feature).copied().unwrap_or(0.0)
    }

    /// The probability for a sum of feature weights: the sigmoid of it plus the bias.
    pub fn probability_of_sum(&self, weights: f32) -> f32 {
        1.0 / (1.0 + (-(self.bias + weights)).exp())
    }

    /// How many features have a weight.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.weights.len()
    }
}

/// Where a model's features go: into a list (for training and inspection), or straight into
/// the sum of their weights, each written into one reused buffer, so that scoring a candidate
/// allocates nothing per feature.
pub(crate) enum Sink<'m> {
    List(Vec<String>),
    Score {
        model: &'m Model,
        sum: f32,
        buf: String,
    },
}

impl<'m> Sink<'m> {
    /// A sink that keeps the features' names.
    pub fn list() -> Sink<'m> {
        Sink::List(Vec::new())
    }

    /// A sink that only sums their weights under `model`.
    pub fn score(model: &'m Model) -> Sink<'m> {
        Sink::Score {
            model,
            sum: 0.0,
            buf: String::new(),
        }
    }

    /// One feature, written as `format_args!` gives it.
    pub fn put(&mut self, feature: std::fmt::Arguments) {
        use std::fmt::Write;
        match self {
            Sink::List(v) => v.push(feature.to_string()),
            Sink::Score { model, sum, buf } => {
                buf.clear();
                // Writing into a String cannot fail.
                let _ = buf.write_fmt(feature);
                *sum += model.weight(buf);
            }
        }
    }

    /// The features kept and the probability `model` gives them.
    pub fn finish(self, model: &Model) -> (Vec<String>, f32) {
        match self {
            Sink::List(v) => {
                let p = model.probability(&v);
                (v, p)
            }
            Sink::Score { sum, .. } => (Vec::new(), model.probability_of_sum(sum)),
        }
    }
}

/// The lines of a weights file that are not comments or blank: its features, bias and threshold.
#[cfg(test)]
pub(crate) fn entries(text: &str) -> usize {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_summed_through_a_sigmoid() {
        let m = Model::parse("# a test\nbias\t-1\nthreshold\t0.6\nPO\t1\nOP\t-2\n");
        assert_eq!(m.threshold, 0.6);
        assert_eq!(m.len(), 2);
        assert!((m.probability(&["PO"]) - 0.5).abs() < 1e-6);
        assert!((m.probability(&["PO", "unknown"]) - 0.5).abs() < 1e-6);
        assert!(m.probability(&["OP"]) < 0.05);
        for kept in [true, false] {
            let mut sink = if kept { Sink::list() } else { Sink::score(&m) };
            sink.put(format_args!("P{}", "O"));
            sink.put(format_args!("unknown"));
            let (names, p) = sink.finish(&m);
            assert!((p - 0.5).abs() < 1e-6);
            assert_eq!(names.len(), if kept { 2 } else { 0 });
        }
    }
}
