#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The `jixiao` binary: outputs and exit codes.

use std::process::Command;

fn jixiao(args: &[&str]) -> (i32, String, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_jixiao")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn score_text_explains_every_row() {
    let (code, out, _) = jixiao(&["score", "tests/fixtures/baiyun-xinfang-2023.csv"]);
    assert_eq!(code, 0);
    assert!(out.contains("总分：99.89  等级：优"), "{out}");
    assert!(out.contains("预算执行率：98.88%  得分 9.89 / 10"));
    for name in ["信访形势", "区领导重点约访", "满意度评价"] {
        assert!(out.contains(name));
    }
    assert_eq!(out.matches("得满分").count(), 9, "{out}");
}

#[test]
fn score_json_has_the_stable_keys() {
    let (code, out, _) = jixiao(&["score", "--format", "json", "tests/fixtures/baiyun-xinfang-2023.csv"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = &v["projects"][0];
    assert_eq!(p["total"], serde_json::json!(99.89));
    assert_eq!(p["grade"], "优");
    assert_eq!(p["provisional"], false);
    assert!(p["stated_total"].is_null());
    assert_eq!(p["execution"]["rate"], serde_json::json!(98.88));
    for k in ["budget", "executed", "rate", "weight", "score"] {
        assert!(p["execution"].get(k).is_some(), "execution.{k}");
    }
    let row = &p["rows"][1];
    for k in [
        "row",
        "level1",
        "level2",
        "name",
        "target",
        "actual",
        "direction",
        "direction_inferred",
        "weight",
        "score",
        "level",
        "status",
        "explanation",
        "warnings",
    ] {
        assert!(row.get(k).is_some(), "rows[].{k}");
    }
    assert_eq!(row["status"], "review");
    assert!(p["errors"].as_array().unwrap().is_empty());
    assert!(p["subtotals"].is_array() && p["warnings"].is_array() && p["audit"].is_array());
}

#[test]
fn exit_codes() {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.csv");
    std::fs::write(&broken, "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,a,≥1 个,1 个,十二\n,,b,≥1 个,1 个,40\n").unwrap();
    let (code, out, _) = jixiao(&["score", broken.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("第 2 行「分值」"), "{out}");
    let png = dir.join("x.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n....").unwrap();
    let (code, out, err) = jixiao(&["score", png.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("无法识别的文件"), "{err}");
    let (code, _, err) = jixiao(&["score", "no/such/file.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("无法读取文件"));
}

#[test]
fn profile_prints_json_that_loads_back_edited() {
    let (code, out, _) = jixiao(&["profile", "mof-2020"]);
    assert_eq!(code, 0);
    let mut v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "mof-2020");
    v["grades"][0]["min"] = serde_json::json!("99.9");
    let path = std::env::temp_dir().join(format!("jixiao-profile-{}.json", std::process::id()));
    std::fs::write(&path, v.to_string()).unwrap();
    let (code, out, _) =
        jixiao(&["score", "--profile", path.to_str().unwrap(), "tests/fixtures/baiyun-xinfang-2023.csv"]);
    assert_eq!(code, 0);
    assert!(out.contains("总分：99.89  等级：良"), "{out}");
}

#[test]
fn audit_lists_findings() {
    let (code, out, _) = jixiao(&["audit", "tests/fixtures/form-variants.csv"]);
    assert_eq!(code, 1); // the form has a row in error
    assert!(out.contains("[row_score] 第 15 行「补助发放及时率」"), "{out}");
    let (code, out, _) = jixiao(&["audit", "tests/fixtures/campus-safety-form-2024.csv"]);
    assert_eq!(code, 0);
    assert!(out.contains("复核：填报数字与规则计算一致"), "{out}");
}

/// `--encoding` is honoured by `score` and `audit`, not only by `read`: a
/// UTF-16LE file without a BOM is not recognised by detection, and reads
/// when the encoding is given.
#[test]
fn score_and_audit_honour_encoding() {
    let csv =
        "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,培训人次,≥100 人次,100 人次,90\n";
    let bytes: Vec<u8> = csv.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = std::env::temp_dir().join(format!("jixiao-utf16-{}.csv", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let file = path.to_str().unwrap();
    for command in ["score", "audit"] {
        let (code, _, _) = jixiao(&[command, file]);
        assert_eq!(code, 2, "{command} without --encoding");
        let (code, out, err) = jixiao(&[command, "--encoding", "utf16le", "--format", "json", file]);
        assert_eq!(code, 0, "{command}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["projects"][0]["rows"][0]["name"], "培训人次", "{command}");
        assert_eq!(v["projects"][0]["rows"][0]["score"], serde_json::json!(90.0), "{command}");
    }
}

/// Control and bidi-override characters in cells (issue 9 item 14): the
/// text output shows them as escapes, JSON escapes controls as JSON does.
#[test]
fn control_characters_in_cells_are_shown_as_escapes() {
    let csv = "项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n\
               响铃\u{7}项目,产出指标,数量指标,a\u{1b}[31m红,≥10 个,10 个,90,80\n\
               响铃\u{7}项目,产出指标,数量指标,\u{202e}txt.exe,≥10 个,5 个\r,10,10\n";
    let path = std::env::temp_dir().join(format!("jixiao-controls-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();
    let file = path.to_str().unwrap();
    for command in ["score", "audit"] {
        let (_, out, err) = jixiao(&[command, file]);
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\r'] {
            assert!(!out.contains(bad) && !err.contains(bad), "{command}: {bad:?} in {out}");
        }
        assert!(out.contains("响铃\\x07项目"), "{command}: {out}");
    }
    let (_, out, _) = jixiao(&["score", file]);
    assert!(out.contains("a\\x1b[31m红"), "{out}");
    assert!(out.contains("\\u{202e}txt.exe"), "{out}");
    let (_, json, _) = jixiao(&["score", "--format", "json", file]);
    assert!(json.contains("a\\u001b[31m红") && !json.contains('\u{1b}'), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["projects"][0]["rows"][0]["name"], "a\u{1b}[31m红");
    assert_eq!(v["projects"][0]["rows"][1]["name"], "\u{202e}txt.exe");
}

/// Issue 9 item 5 through the CLI: deadlines are dates (S28); a date
/// without a year takes the year before the clock's.
#[test]
fn deadlines_in_the_cli() {
    let csv = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n\
               产出指标,时效指标,t1,9月前,7月,25\n\
               产出指标,时效指标,t2,2021年12月31日前,2022年1月15日,25\n\
               产出指标,时效指标,t3,2022年3月,2021年12月,40\n";
    let path = std::env::temp_dir().join(format!("jixiao-deadlines-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();
    let (_, out, _) = jixiao(&["score", "--format", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = &v["projects"][0]["rows"];
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let last_year = jixiao::expr::Ymd::from_unix_days((secs / 86_400) as i64).year - 1;
    assert_eq!(rows[0]["score"], serde_json::json!(25.0));
    let t1 = rows[0]["explanation"].as_str().unwrap();
    assert!(t1.contains(&format!("取上一年 {last_year} 年")), "{t1}");
    assert_eq!(rows[1]["score"], serde_json::json!(24.01));
    assert!(rows[1]["explanation"].as_str().unwrap().contains("第 380 天 / 第 365 天"));
    assert_eq!(rows[2]["score"], serde_json::json!(40.0));
    assert_eq!(rows[2]["direction"], "≤");
}

/// Issue 10: `jixiao audit` exits 0 clean, 1 findings, 2 unreadable, and
/// prints the summary and the verdict line.
#[test]
fn audit_exit_status_sorts_forms() {
    let (code, out, _) = jixiao(&["audit", "tests/fixtures/audit-planted-2024.csv"]);
    assert_eq!(code, 1);
    assert!(out.contains("填报总分 98.62，规则计算总分 75.62"), "{out}");
    assert!(out.contains("复核意见：填报得分偏高 23 分"), "{out}");
    assert!(out.contains("[over_budget]") && out.contains("[exec_score]"), "{out}");
    for clean in ["audit-clean-no-weights-2023.csv", "audit-clean-no-reason-2022.csv", "audit-clean-rounded-2024.csv"] {
        let (code, out, _) = jixiao(&["audit", &format!("tests/fixtures/{clean}")]);
        assert_eq!(code, 0, "{clean}: {out}");
        assert!(out.contains("未发现问题"), "{out}");
    }
    let (code, _, err) = jixiao(&["audit", "tests/fixtures/audit-clean-rounded-2024.csv", "no/such.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such.csv"), "{err}");
    let (code, out, _) = jixiao(&["audit", "--format", "json", "tests/fixtures/audit-planted-2024.csv"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = &v["projects"][0];
    assert_eq!(p["audit_summary"]["difference"], serde_json::json!(23.0));
    assert!(p["audit_summary"]["verdict"].as_str().unwrap().starts_with("填报得分偏高"));
    assert_eq!(p["audit"][0]["rule"], "S31");
    assert_eq!(p["audit"][0]["difference"], serde_json::json!(2.0));
}

#[test]
fn summarize_prints_the_overview_columns() {
    let (code, out, _) = jixiao(&["summarize", "tests/fixtures/baiyun-xinfang-2023.csv"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["projects"].clone(), v["rows"].clone()), (serde_json::json!(1), serde_json::json!(9)));
    assert_eq!(v["total"], serde_json::json!([99.89]));
    assert_eq!(v["grades"][v["grade"][0].as_u64().unwrap() as usize], "优");
    assert_eq!(v["rate"], serde_json::json!([98.88]));
    assert_eq!(v["status"].as_array().unwrap().len(), 4);
}

/// `jixiao template`: the XLSX form, or with `--format csv` the CSV table
/// the page's 下载空白模板 CSV gives (the same core function).
#[test]
fn template_writes_xlsx_or_csv() {
    let dir = std::env::temp_dir().join(format!("jixiao-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("t.csv");
    let xlsx = dir.join("t.xlsx");
    let (code, _, err) = jixiao(&["template", "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&csv).unwrap(), jixiao::render::csv::blank_template());
    let (code, _, err) = jixiao(&["template", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let (code, _, err) = jixiao(&["template", "--format", "json", "-o", csv.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("template 不支持"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
