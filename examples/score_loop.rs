#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! CPU time of score + audit + summary alone, repeated on copies of one read
//! file (for profiling those steps):
//!
//!     cargo run --release --example score_loop -- bench/data/full/csv_100k.csv 10

use std::time::Duration;

fn cpu() -> Duration {
    let s = std::fs::read_to_string("/proc/self/schedstat").expect("Linux /proc/self/schedstat");
    Duration::from_nanos(s.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap())
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: score_loop FILE [N]");
    let n: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(&path).unwrap();
    let profile = jixiao::Profile::default_profile().unwrap();
    let input = match jixiao::read::read(&bytes, &path, &Default::default()).unwrap() {
        jixiao::read::Source::Sheets(s) => jixiao::layout::read_sheets(s).unwrap(),
        jixiao::read::Source::Input(i) => i,
    };
    let (mut score, mut audit, mut summary) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for _ in 0..n {
        let mut input = input.clone();
        let t0 = cpu();
        let mut report = jixiao::score::score_taking(&mut input, &[], &profile, None);
        let t1 = cpu();
        jixiao::audit::audit(&input, &mut report, &profile);
        let t2 = cpu();
        let s = jixiao::render::Summary::of(&report);
        let t3 = cpu();
        std::hint::black_box(s);
        score += t1 - t0;
        audit += t2 - t1;
        summary += t3 - t2;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0 / n as f64;
    println!("score {:.1} ms  audit {:.1} ms  summary {:.1} ms (mean of {n})", ms(score), ms(audit), ms(summary));
}
