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
