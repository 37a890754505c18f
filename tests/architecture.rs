#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The pipeline's shape (BRIEF, issue 8): data flows one way,
//! read → layout → score → audit → explain → render, and no module refers to
//! a later step. This test reads every `src/**/*.rs`, collects each
//! `crate::<name>` (and, in main.rs, `jixiao::<name>`) reference, maps it to
//! a top-level module, and fails when
//! - a module refers to a module of a later step (or of the same rank that
//!   is not itself), or
//! - top-level modules refer to each other in a cycle.
//!
//! Ranks: the leaves (rank 0: `error`, `num`, `grid`, `model`, `profile`,
//! `expr`, and `report` — the result *types*, which score fills, audit and
//! explain complete and render reads, so every step needs them and they
//! need no step) may refer to each other, but not in a cycle; then the
//! steps in pipeline order; then `lib` (the pipeline), then the bindings
//! `main` (the CLI) and `wasm`, which call it. Full-line
//! comments are skipped (doc links are not dependencies).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LEAVES: [&str; 7] = ["error", "num", "grid", "model", "profile", "expr", "report"];
const STEPS: [&str; 6] = ["read", "layout", "score", "audit", "explain", "render"];
/// `lib` runs the steps; the bindings (`main`, the CLI, and `wasm`) call `lib`.
const TOP: [&str; 3] = ["lib", "main", "wasm"];

/// References to later steps tolerated for a while (none today). Each must
/// still exist, so the list cannot outlive the code it excuses.
const KNOWN_UNTIL_MERGED: [(&str, &str); 0] = [];

fn rank(module: &str) -> Option<usize> {
    if LEAVES.contains(&module) {
        return Some(0);
    }
    if let Some(i) = STEPS.iter().position(|s| *s == module) {
        return Some(i + 1);
    }
    match module {
        "lib" => Some(STEPS.len() + 1),
        _ => TOP.contains(&module).then_some(STEPS.len() + 2),
    }
}

/// The names a source text refers to as `prefix<name>` (`crate::score`,
/// `crate::{num::show, report}` → `score`, `num`, `report`).
fn references(src: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in src.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(i) = rest.find(prefix) {
            let after = &rest[i + prefix.len()..];
            if let Some(group) = after.strip_prefix('{') {
                let mut depth = 0;
                let mut item = String::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.insert(leading_ident(&item));
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
                out.insert(leading_ident(&item));
            } else {
                out.insert(leading_ident(after));
            }
            rest = after;
        }
    }
    out.remove("");
    out
}

fn leading_ident(s: &str) -> String {
    s.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// `pub use model::{Edit, Input};` in lib.rs: root names and the module they come from.
fn root_aliases(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else { continue };
        let Some((module, names)) = rest.trim_end_matches(';').split_once("::") else { continue };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            out.insert(leading_ident(name), module.to_owned());
        }
    }
    out
}

/// Map each referenced name to a top-level module: a module itself, a root
/// re-export's module, or `lib` for anything else at the root.
fn resolve(name: &str, aliases: &BTreeMap<String, String>) -> String {
    if rank(name).is_some() {
        return name.to_owned();
    }
    aliases.get(name).cloned().unwrap_or_else(|| "lib".to_owned())
}

/// The problems in a module graph (module → modules it refers to).
fn check(graph: &BTreeMap<String, BTreeSet<String>>, allowed: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (from, tos) in graph {
        let Some(rf) = rank(from) else {
            problems.push(format!("{from}: not a known module (add it to LEAVES, STEPS or TOP)"));
            continue;
        };
        for to in tos.iter().filter(|t| *t != from) {
            let later = match rank(to) {
                None => true,
                Some(rt) => rt > rf || (rt == rf && rf != 0),
            };
            if later && !allowed.contains(&(from.as_str(), to.as_str())) {
                problems.push(format!("{from} refers to {to}, a later step"));
            }
        }
    }
    problems.extend(cycles(graph).into_iter().map(|c| format!("cycle: {}", c.join(" → "))));
    problems
}

/// Every cycle found by a depth-first search (each reported once per start).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_owned());
            found.push(cycle);
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten().filter(|n| *n != node) {
            visit(next, graph, path, done, found);
        }
        path.pop();
        done.insert(node.to_owned());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's module graph, from the sources.
fn crate_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let aliases = root_aliases(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let prefix = if module == "main" { "jixiao::" } else { "crate::" };
        let refs = references(&text, prefix).into_iter().map(|n| resolve(&n, &aliases));
        graph.entry(module).or_default().extend(refs);
    }
    graph
}

#[test]
fn no_module_refers_to_a_later_step_and_there_is_no_cycle() {
    let graph = crate_graph();
    for step in STEPS.iter().chain(&LEAVES) {
        assert!(graph.contains_key(*step), "no module {step} in src/: {:?}", graph.keys());
    }
    let problems = check(&graph, &KNOWN_UNTIL_MERGED);
    assert!(problems.is_empty(), "{problems:#?}\n\ngraph: {graph:#?}");
    for (from, to) in KNOWN_UNTIL_MERGED {
        let present = graph.get(from).is_some_and(|t| t.contains(to));
        assert!(present, "{from} no longer refers to {to}: remove it from KNOWN_UNTIL_MERGED");
    }
}

#[test]
fn references_are_read_from_paths_and_groups() {
    let src = "use crate::num::{round2, show};\nuse crate::{expr, report::{Level, Status}};\n\
               // crate::render in a comment\nlet x = crate::FileError::Empty; f(crate::score::score(a));";
    let got: Vec<String> = references(src, "crate::").into_iter().collect();
    assert_eq!(got, ["FileError", "expr", "num", "report", "score"]);
    let aliases = root_aliases("pub use error::FileError;\npub use model::{Edit, Input};\n");
    assert_eq!(resolve("FileError", &aliases), "error");
    assert_eq!(resolve("Input", &aliases), "model");
    assert_eq!(resolve("score_bytes", &aliases), "lib");
    assert_eq!(resolve("audit", &aliases), "audit");
}

fn graph(edges: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in edges {
        g.entry((*a).to_owned()).or_default().insert((*b).to_owned());
        g.entry((*b).to_owned()).or_default();
    }
    g
}

#[test]
fn the_checker_accepts_the_pipeline_order() {
    let g = graph(&[
        ("layout", "read"),
        ("score", "num"),
        ("score", "report"),
        ("audit", "report"),
        ("explain", "report"),
        ("render", "report"),
        ("report", "model"),
        ("model", "expr"),
        ("lib", "render"),
        ("main", "lib"),
    ]);
    assert_eq!(check(&g, &[]), Vec::<String>::new());
}

#[test]
fn the_checker_fails_on_a_later_step() {
    // today's fault before issue 8: score called audit
    let problems = check(&graph(&[("score", "audit")]), &[]);
    assert_eq!(problems, ["score refers to audit, a later step"]);
    // a leaf refers to a step
    let problems = check(&graph(&[("num", "score")]), &[]);
    assert_eq!(problems, ["num refers to score, a later step"]);
    // a step refers to the top
    assert_eq!(check(&graph(&[("render", "lib")]), &[]), ["render refers to lib, a later step"]);
    // an unknown module is reported, not ignored
    assert_eq!(check(&graph(&[("read", "nope")]), &[]).len(), 2);
    // an allowed exception is not reported
    assert!(check(&graph(&[("read", "layout")]), &[("read", "layout")]).is_empty());
}

#[test]
fn the_checker_fails_on_a_cycle() {
    // leaves may refer to each other, but not in a circle
    let problems = check(&graph(&[("report", "model"), ("model", "num"), ("num", "report")]), &[]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("cycle: "), "{problems:?}");
    for m in ["report", "model", "num"] {
        assert!(problems[0].contains(m), "{problems:?}");
    }
    // the score → audit → score circle of before issue 8: a later step and a cycle
    let problems = check(&graph(&[("score", "audit"), ("audit", "score")]), &[]);
    assert!(problems.contains(&"score refers to audit, a later step".to_owned()), "{problems:?}");
    assert!(problems.iter().any(|p| p.starts_with("cycle: ")), "{problems:?}");
}
