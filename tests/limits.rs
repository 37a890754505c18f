#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Limits: oversized files, too many rows, big legal files in bounded time,
//! and files that are no table at all.

use std::time::{Duration, Instant};

use jixiao::{FileError, Profile, ReadOptions, ScoreOptions};

fn read(bytes: &[u8], opts: &ReadOptions) -> Result<jixiao::Input, FileError> {
    jixiao::read_input(bytes, "t.csv", opts)
}

const HEADER: &str = "一级指标,二级指标,三级指标,年度指标值,实际完成值,偏差原因\n";

/// `n` indicator rows (no 分值 column: weights are split per 一级, S2).
fn big_csv(n: usize) -> String {
    let mut s = String::from(HEADER);
    let levels = ["产出指标", "效益指标", "满意度指标", "成本指标"];
    for i in 0..n {
        let l1 = levels[i % levels.len()];
        s.push_str(&format!("{l1},二级{},指标{i},≥{}%,{}%,有\n", i % 7, 90 + i % 10, 85 + i % 15));
    }
    s
}

#[test]
fn too_large_is_a_chinese_error() {
    let opts = ReadOptions { max_bytes: 1024, ..ReadOptions::default() };
    let bytes = big_csv(100);
    assert!(bytes.len() > 1024);
    let e = read(bytes.as_bytes(), &opts).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.starts_with("文件过大") && msg.contains("超过上限"), "{msg}");
    // exactly at the limit is fine
    let ok = &bytes.as_bytes()[..1024];
    let opts_exact = ReadOptions { max_bytes: ok.len(), ..ReadOptions::default() };
    assert!(!matches!(read(ok, &opts_exact), Err(FileError::TooLarge { .. })));
}

#[test]
fn too_many_rows_says_so() {
    let opts = ReadOptions { max_rows: 50, ..ReadOptions::default() };
    let e = read(big_csv(100).as_bytes(), &opts).unwrap_err();
    assert_eq!(e, FileError::TooManyRows { limit: 50 });
    let msg = e.to_string();
    assert!(msg.starts_with("表格行数过多") && msg.contains("超过上限 50 行"), "{msg}");
    // the same file within the limit reads
    assert!(read(big_csv(40).as_bytes(), &opts).is_ok());
}

#[test]
fn big_legal_csv_scores_in_bounded_time() {
    let csv = big_csv(20_000);
    let profile = Profile::default_profile().unwrap();
    let start = Instant::now();
    let report = jixiao::score_bytes(csv.as_bytes(), "big.csv", &profile, &ScoreOptions::default()).unwrap();
    let took = start.elapsed();
    assert_eq!(report.projects.len(), 1);
    assert_eq!(report.projects[0].rows.len(), 20_000);
    // Generous for debug builds; a release build takes well under a second.
    assert!(took < Duration::from_secs(30), "20,000 rows took {took:?}");
}

#[test]
fn big_csv_with_a_project_per_row_is_not_quadratic() {
    // Every row a different project and a different 一级: lookups must not scan.
    let mut s = String::from("项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n");
    for i in 0..20_000 {
        s.push_str(&format!("项目{i},一级{i},二级{i},指标{i},≥90%,95%,10\n"));
    }
    let profile = Profile::default_profile().unwrap();
    let start = Instant::now();
    let report = jixiao::score_bytes(s.as_bytes(), "big.csv", &profile, &ScoreOptions::default()).unwrap();
    let took = start.elapsed();
    assert_eq!(report.projects.len(), 20_000);
    assert!(took < Duration::from_secs(30), "20,000 projects took {took:?}");
}

#[test]
fn one_huge_line_reads_in_bounded_time() {
    let line = "x,".repeat(500_000);
    let start = Instant::now();
    let r = read(format!("{HEADER}{line}\n").as_bytes(), &ReadOptions::default());
    assert!(r.is_ok() || matches!(r, Err(FileError::NoIndicatorTable(_))), "{r:?}");
    assert!(start.elapsed() < Duration::from_secs(30));
}

fn assert_not_a_table(bytes: &[u8]) {
    let e = read(bytes, &ReadOptions::default()).unwrap_err();
    let msg = e.to_string();
    match &e {
        FileError::NotATable(_) => assert!(msg.starts_with("无法识别的文件"), "{msg}"),
        FileError::Empty => assert!(msg.contains("空"), "{msg}"),
        other => panic!("{:?} → {other:?}", &bytes[..bytes.len().min(16)]),
    }
}

#[test]
fn non_tables_are_recognised() {
    assert_not_a_table(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89");
    assert_not_a_table(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    assert_not_a_table(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0");
    assert_not_a_table(b"GIF89a\x01\0\x01\0");
    assert_not_a_table(b"\x1F\x8B\x08\0\0\0\0\0\0\x03");
    assert_not_a_table(b"Rar!\x1a\x07\0");
    assert_not_a_table(b"7z\xBC\xAF\x27\x1C\0\x04");
    // a zip that is not a workbook (empty archive: end-of-central-directory only)
    assert_not_a_table(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
    // binary junk with NUL bytes
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_not_a_table(&junk);
    assert_not_a_table(b"a\0b\0c\0");
}

#[test]
fn empty_files() {
    for bytes in [&b""[..], b"   \n\t\r\n", b",,,\n,,\n", b"\xEF\xBB\xBF", b"\xFF\xFE"] {
        let e = read(bytes, &ReadOptions::default()).unwrap_err();
        assert_eq!(e, FileError::Empty, "{bytes:?}");
        assert_eq!(e.to_string(), "文件是空的");
    }
}
