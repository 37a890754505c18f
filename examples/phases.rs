#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! CPU time of each pipeline step on one file, three times (Linux: reads
//! /proc/self/schedstat, so time spent waiting for a core on a busy machine
//! is not counted). Used for docs/performance.md:
//!
//!     cargo run --release --example phases -- bench/data/full/csv_100k.csv

use std::time::Duration;

fn cpu() -> Duration {
    let s = std::fs::read_to_string("/proc/self/schedstat").expect("Linux /proc/self/schedstat");
    Duration::from_nanos(s.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: phases FILE");
    let bytes = std::fs::read(&path).unwrap();
    let profile = jixiao::Profile::default_profile().unwrap();
    for _ in 0..3 {
        let t0 = cpu();
        let source = jixiao::read::read(&bytes, &path, &Default::default()).unwrap();
        let t_read = cpu();
        let mut input = match source {
            jixiao::read::Source::Sheets(s) => jixiao::layout::read_sheets(s).unwrap(),
            jixiao::read::Source::Input(i) => i,
        };
        let t_layout = cpu();
        let mut report = jixiao::score::score_taking(&mut input, &[], &profile, None);
        let t_score = cpu();
        jixiao::audit::audit(&input, &mut report, &profile);
        let t_audit = cpu();
        let summary = jixiao::render::Summary::of(&report);
        let t_summary = cpu();
        jixiao::explain::explain(&mut report);
        let t_explain = cpu();
        drop(report);
        drop(input);
        let t_drop = cpu();
        let t_whole = cpu();
        let whole = jixiao::summarize_bytes(&bytes, &path, &profile, &Default::default()).unwrap();
        // the same overview as the one from the whole report (JSON: NaN is null)
        assert_eq!(serde_json::to_string(&whole).unwrap(), serde_json::to_string(&summary).unwrap());
        let t_whole = cpu() - t_whole;
        println!(
            "summarize_bytes {} (project by project) · read {}  layout {}  score {}  audit {}  summary {}  (explain {})  drop {}  — summarize path {}, {} projects",
            ms(t_whole),
            ms(t_read - t0),
            ms(t_layout - t_read),
            ms(t_score - t_layout),
            ms(t_audit - t_score),
            ms(t_summary - t_audit),
            ms(t_explain - t_summary),
            ms(t_drop - t_explain),
            ms(t_drop - t0 - (t_explain - t_summary)),
            summary.projects
        );
    }
}
