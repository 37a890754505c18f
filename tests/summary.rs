#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `summarize_bytes` (the page's overview, without `explain`) says what the
//! full, explained report says about every project: name, total, grade,
//! execution rate, row status counts, and how many errors, warnings and
//! audit findings the report lists.

mod common;

use common::fixture;
use jixiao::render::Summary;
use jixiao::report::Status;
use jixiao::{Profile, Report, ScoreOptions};
use rust_decimal::prelude::ToPrimitive;

fn both(bytes: &[u8], name: &str) -> (Summary, Report) {
    let profile = Profile::default_profile().unwrap();
    let opts = ScoreOptions::default();
    let s = jixiao::summarize_bytes(bytes, name, &profile, &opts).unwrap();
    let r = jixiao::score_bytes(bytes, name, &profile, &opts).unwrap();
    (s, r)
}

fn agree(bytes: &[u8], name: &str) {
    let (s, r) = both(bytes, name);
    assert_eq!(s.projects, r.projects.len(), "{name}");
    assert_eq!(s.rows, r.projects.iter().map(|p| p.rows.len()).sum::<usize>(), "{name}");
    for (i, p) in r.projects.iter().enumerate() {
        assert_eq!(s.name[i], p.name.clone().unwrap_or_default(), "{name} #{i}");
        assert_eq!(s.total[i], p.total.to_f64().unwrap(), "{name} #{i}");
        assert_eq!(s.grades[usize::from(s.grade[i])], p.grade, "{name} #{i}");
        match p.execution.rate {
            Some(rate) => assert_eq!(s.rate[i], rate.to_f64().unwrap(), "{name} #{i}"),
            None => assert!(s.rate[i].is_nan(), "{name} #{i}"),
        }
        assert_eq!(s.provisional[i] == 1, p.provisional, "{name} #{i}");
        let dept = p.department.clone().or_else(|| p.implementer.clone()).unwrap_or_default();
        assert_eq!((&s.department[i], &s.sheet[i]), (&dept, &p.sheet.clone().unwrap_or_default()), "{name} #{i}");
        let same = |got: f64, want: Option<rust_decimal::Decimal>| match want {
            Some(d) => got == d.to_f64().unwrap(),
            None => got.is_nan(),
        };
        assert!(same(s.budget[i], p.execution.budget), "{name} #{i} budget");
        assert!(same(s.executed[i], p.execution.executed), "{name} #{i} executed");
        assert!(same(s.stated[i], p.stated_total), "{name} #{i} stated");
        let count = |st: Status| u32::try_from(p.rows.iter().filter(|r| r.status == st).count()).unwrap();
        let want = [count(Status::Ok), count(Status::Review), count(Status::Pending), count(Status::Error)];
        assert_eq!(s.status[4 * i..4 * i + 4], want, "{name} #{i}");
        let n = |v: usize| u32::try_from(v).unwrap();
        assert_eq!(
            s.issues[3 * i..3 * i + 3],
            [n(p.errors.len()), n(p.warnings.len()), n(p.audit.len())],
            "{name} #{i}"
        );
    }
}

#[test]
fn the_overview_agrees_with_the_report_on_every_fixture() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for sub in ["", "regressions"] {
        for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.ends_with(".csv") || name.ends_with(".xls") || name.ends_with(".xlsx")) {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let profile = Profile::default_profile().unwrap();
            if jixiao::score_bytes(&bytes, &name, &profile, &ScoreOptions::default()).is_err() {
                continue; // unreadable on purpose (encrypted, …)
            }
            agree(&bytes, &name);
            seen += 1;
        }
    }
    assert!(seen >= 10, "only {seen} fixtures read");
}

#[test]
fn errors_warnings_and_statuses_are_counted() {
    // Row 2 has no number in its actual (error), row 3 a shortfall without a
    // reason (review: the form has a 偏差原因 column, S33), row 4 a
    // qualitative actual that cannot be read (pending).
    let csv = "项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,偏差原因\n\
               甲,产出指标,数量指标,培训人次,≥100人次,无法统计,30,\n\
               甲,产出指标,质量指标,合格率,≥95%,90%,30,\n\
               甲,效益指标,社会效益指标,群众生活,有效提升,见附件,30,\n\
               乙,产出指标,数量指标,培训人次,≥100人次,120人次,90,\n";
    agree(csv.as_bytes(), "t.csv");
    let (s, _) = both(csv.as_bytes(), "t.csv");
    assert_eq!(s.name, ["甲", "乙"]);
    assert_eq!(s.status[..4], [0, 1, 1, 1]);
    assert_eq!(s.status[4..].iter().sum::<u32>(), 1);
    assert!(s.issues[0] >= 1 && s.issues[1] >= 1, "{:?}", s.issues);
    assert_eq!(s.provisional, [1, 0]);
}

#[test]
fn fixture_baiyun() {
    let (s, _) = both(&fixture("baiyun-xinfang-2023.csv"), "baiyun.csv");
    assert_eq!((s.projects, s.total[0], s.grades[usize::from(s.grade[0])].as_str()), (1, 99.89, "优"));
}

#[test]
fn scoring_that_moves_the_rows_gives_the_same_report() {
    let profile = Profile::default_profile().unwrap();
    let edits = vec![
        jixiao::Edit {
            project: 0,
            row: 2,
            level: Some("部分达成".into()),
            score: None,
            weight: None,
            ..Default::default()
        },
        jixiao::Edit {
            project: 0,
            row: 3,
            level: None,
            score: Some("5".into()),
            weight: Some("12".into()),
            ..Default::default()
        },
    ];
    for name in ["baiyun-xinfang-2023.csv", "campus-safety-form-2024.csv", "form-variants.csv"] {
        let input = jixiao::read_input(&fixture(name), name, &Default::default()).unwrap();
        let mut moved = input.clone();
        let a = jixiao::score::score(&input, &edits, &profile);
        let b = jixiao::score::score_taking(&mut moved, &edits, &profile, None);
        assert_eq!(a, b, "{name}");
        assert!(moved.projects.iter().all(|p| p.indicators.is_empty()), "{name}");
    }
}

#[test]
fn a_project_explained_on_demand_equals_the_explained_report() {
    let profile = Profile::default_profile().unwrap();
    let opts = ScoreOptions::default();
    for name in ["baiyun-xinfang-2023.csv", "campus-safety-form-2024.xls", "form-variants.csv"] {
        let bytes = fixture(name);
        let full = jixiao::score_bytes(&bytes, name, &profile, &opts).unwrap();
        let kept = jixiao::score_bytes_unexplained(&bytes, name, &profile, &opts).unwrap();
        for (i, p) in full.projects.iter().enumerate() {
            assert_eq!(jixiao::explained_project(&kept, i).as_ref(), Some(p), "{name} #{i}");
        }
        assert!(kept.projects.iter().all(|p| p.rows.iter().all(|r| r.explanation.is_empty())), "{name}");
        assert_eq!(jixiao::explained_project(&kept, full.projects.len()), None);
    }
}

#[test]
fn one_project_scored_again_equals_the_whole_file_scored_with_those_edits() {
    let profile = Profile::default_profile().unwrap();
    let level = |project: usize, row: u32, level: &str| jixiao::Edit {
        project,
        row,
        level: Some(level.into()),
        ..Default::default()
    };
    let score = |project: usize, row: u32, score: &str| jixiao::Edit {
        project,
        row,
        score: Some(score.into()),
        ..Default::default()
    };
    for name in ["baiyun-xinfang-2023.csv", "campus-safety-form-2024.xls", "form-variants.csv"] {
        let bytes = fixture(name);
        let first = vec![level(0, 5, "部分达成"), score(1, 3, "1")];
        let opts = ScoreOptions { edits: first.clone(), ..ScoreOptions::default() };
        let (input, mut report) = jixiao::open_bytes(&bytes, name, &profile, &opts).unwrap();
        assert_eq!(report, jixiao::score_bytes_unexplained(&bytes, name, &profile, &opts).unwrap(), "{name}");
        for i in 0..input.projects.len() {
            let rows: Vec<u32> =
                input.projects[i].indicators.iter().enumerate().map(|(k, r)| r.row_number(k)).collect();
            // this project's new edits (any other project's in the list are ignored)
            let mine =
                vec![level(i, rows[rows.len() / 2], "未达成"), score(i, rows[0], "0"), level(i + 1, rows[0], "达成")];
            let line = jixiao::rescore_project(&input, &mut report, i, &mine, &profile, None).unwrap().clone();
            let mut all: Vec<jixiao::Edit> = first.iter().filter(|e| e.project != i).cloned().collect();
            all.extend(mine.iter().filter(|e| e.project == i).cloned());
            let whole = jixiao::score_bytes_unexplained(
                &bytes,
                name,
                &profile,
                &ScoreOptions { edits: all.clone(), ..ScoreOptions::default() },
            )
            .unwrap();
            assert_eq!(line, whole.projects[i], "{name} #{i}");
            assert_eq!(report, whole, "{name} after #{i}");
            // (Debug text: NaN, a figure the file does not state, is not == itself)
            let one = format!("{:?}", Summary::one(&line));
            assert_eq!(one, format!("{:?}", Summary::of(&Report { projects: vec![line.clone()], ..whole.clone() })));
            // back to the file's own state for the next project
            let back: Vec<jixiao::Edit> = first.iter().filter(|e| e.project == i).cloned().collect();
            jixiao::rescore_project(&input, &mut report, i, &back, &profile, None).unwrap();
        }
        let n = input.projects.len();
        assert!(jixiao::rescore_project(&input, &mut report, n, &[], &profile, None).is_none(), "{name}");
        assert_eq!(report, jixiao::score_bytes_unexplained(&bytes, name, &profile, &opts).unwrap(), "{name}");
    }
}
