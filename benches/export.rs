//! Export of a generated network: 10,000 nodes (people, organisations, events) and about
//! 25,000 ties, to DOT, GraphML and the built-in SVG layout. The graph is deterministic (a fixed
//! linear congruential sequence), so runs compare.

use criterion::{criterion_group, criterion_main, Criterion};
use ties::export::{self, Format};
use ties::network::{EdgeKind, Evidence, Network, Node, NodeKind};

/// A network of `n` nodes: two people in three, one organisation in five, the rest events;
/// each person holds one or two memberships and takes part in one or two events.
pub fn generated(n: usize) -> Network {
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut net = Network::default();
    let (mut people, mut orgs, mut events) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let (kind, list) = match i % 15 {
            0..=9 => (NodeKind::Person, &mut people),
            10..=12 => (NodeKind::Organization, &mut orgs),
            _ => (NodeKind::Event, &mut events),
        };
        let idx = net.add_node(Node {
            id: format!("urn:ties:x/{i}"),
            kind,
            label: format!("{} {i}", kind.name()),
        });
        list.push(idx);
    }
    for &p in &people {
        for _ in 0..1 + next() % 2 {
            let o = orgs[next() % orgs.len()];
            let ev = Evidence {
                report: "urn:ties:report/generated".into(),
                sentence: format!(
                    "Person {} is a member of organisation {}.",
                    p.index(),
                    o.index()
                ),
            };
            net.add_edge(p, o, EdgeKind::Membership, "member", Some(ev));
        }
        for _ in 0..1 + next() % 2 {
            let e = events[next() % events.len()];
            net.add_edge(p, e, EdgeKind::Participation, "speaker", None);
        }
    }
    net
}

fn exports(c: &mut Criterion) {
    let big = generated(10_000);
    let mut group = c.benchmark_group("export 10k nodes");
    group.sample_size(10);
    for (name, format) in [("dot", Format::Dot), ("graphml", Format::Graphml)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(8 << 20);
                export::export(&big, format, &mut out).expect("export");
                out.len()
            })
        });
    }
    group.finish();
    let small = generated(1_000);
    let mut group = c.benchmark_group("export 1k nodes");
    group.sample_size(10);
    group.bench_function("svg (built-in layout)", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            export::layout::write_svg(&small, &mut out).expect("svg");
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
