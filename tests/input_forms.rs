#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 9, the reading side: the minimal inputs of items 1–4, 8–11, 15 and
//! 18, the ignored list and the column mapping (INPUT.md; SCORING S30).

mod common;

use std::collections::BTreeMap;

use common::{d, project, row, score};
use jixiao::report::Status;
use jixiao::{FileError, Profile, ReadOptions, ScoreOptions};

fn read_err(bytes: &[u8], name: &str) -> FileError {
    jixiao::read_input(bytes, name, &ReadOptions::default()).unwrap_err()
}

fn mapped(text: &str, map: &[(&str, &str)]) -> Result<jixiao::Report, FileError> {
    let columns: BTreeMap<String, String> = map.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let opts = ScoreOptions { read: ReadOptions { columns, ..Default::default() }, ..Default::default() };
    jixiao::score_bytes(text.as_bytes(), "t.csv", &Profile::default_profile().unwrap(), &opts)
}

const TABLE: &str = "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,x,≥10个,10个,90\n";

/// Item 1: budget key/value rows below the table are read, with or without
/// a 项目名称 column, and make no phantom project.
#[test]
fn item1_budget_rows_below_the_table() {
    for csv in [
        format!("{TABLE}全年预算数,100\n全年执行数,90\n"),
        "项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\nP,产出指标,数量指标,x,≥10个,10个,90\n全年预算数,100\n全年执行数,90\n"
            .to_owned(),
    ] {
        let r = score(csv.as_bytes());
        assert_eq!(r.projects.len(), 1, "{csv}: {:?}", r.projects.iter().map(|p| &p.name).collect::<Vec<_>>());
        let p = &r.projects[0];
        assert_eq!(p.execution.rate, Some(d("90")), "{csv}");
        assert_eq!(p.execution.score, d("9"));
        assert_eq!(p.total, d("99"));
        assert!(p.ignored.is_empty(), "{:?}", p.ignored);
    }
}

/// Item 2: header names of published forms, exact and by key word.
#[test]
fn item2_header_vocabulary() {
    let csv = "一级指标,二级指标,三级指标,年初目标值(A),全年实际完成值,指标权重(分),单项指标得分,符号,未完成原因及拟采取的改进措施\n\
               产出指标,数量指标,x,10,9,90,81,≥,天气原因\n";
    let p = project(csv);
    let x = row(&p, "x");
    assert_eq!((x.target.as_str(), x.actual.as_str()), ("10", "9"));
    assert_eq!(x.weight, d("90"));
    assert_eq!(x.score, d("81"));
    assert_eq!(x.stated_score, Some(d("81")));
    assert_eq!(x.direction.map(|d| d.symbol()), Some("≥"));
    assert!(!x.direction_inferred);
    // key words: a cell containing 完成值 is the actual, 原因 the reason
    let p = project("三级指标,本年度指标值,年终实际完成值(B),权重占比(%),偏差原因说明\nx,≥10,12,100,\n");
    assert_eq!(row(&p, "x").actual, "12");
    // 自评总分 is the stated total; 专项资金名称 the name
    let p = project(&format!("专项资金名称,农村公路养护\n{TABLE}自评总分,,,,,88\n"));
    assert_eq!(p.name.as_deref(), Some("农村公路养护"));
    assert_eq!(p.stated_total, Some(d("88")));
}

/// Item 2: a 部门整体 table without 一级/二级 columns reads under 未分级,
/// with a warning, when every row has its 分值.
#[test]
fn item2_tables_without_levels() {
    let p = project(
        "指标名称,指标值,指标权重(分),全年完成值,指标得分(分)\n办件数,≥100件,50,120件,50\n满意度,≥90%,40,95%,40\n",
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.rows.iter().all(|r| r.level1 == "未分级"));
    assert_eq!(p.total, d("90"));
    assert!(p.warnings.iter().any(|w| w.message.contains("未分级")), "{:?}", p.warnings);
    assert!(!p.warnings.iter().any(|w| w.message.contains("不是规则配置中的一级指标")), "{:?}", p.warnings);
    // without 分值 the rows cannot be weighted: an error that says why
    let p = project("指标名称,指标值,全年完成值\n办件数,≥100件,120件\n");
    assert_eq!(p.rows[0].status, Status::Error);
    assert!(p.errors[0].message.contains("没有一级指标列"), "{:?}", p.errors);
}

/// Item 3: a two-row header in CSV (the Yunnan form).
#[test]
fn item3_two_row_header_in_csv() {
    let csv = "绩效指标,,,年度指标值,,,实际完成值,分值,得分\n\
               一级指标,二级指标,三级指标,指标性质,指标值,度量单位,,,\n\
               产出指标,数量指标,x,≥,10,个,10,90,90\n";
    for text in [csv.to_owned(), csv.replace(',', "\t")] {
        let p = project(&text);
        let x = row(&p, "x");
        assert_eq!(x.row, 3);
        assert_eq!((x.target.as_str(), x.actual.as_str()), ("10", "10"));
        assert_eq!(x.direction.map(|d| d.symbol()), Some("≥"));
        assert_eq!((x.weight, x.score), (d("90"), d("90")));
        assert!(p.ignored.is_empty(), "{:?}", p.ignored);
    }
}

/// Item 4 / S30: weights in 一级 cells win over the profile's defaults.
#[test]
fn item4_weights_in_level_cells() {
    let p = project(
        "一级指标,二级指标,三级指标,年度指标值,实际完成值,得分\n\
         产出指标（60分）,数量指标,x,≥10个,10个,30\n,,y,≥10个,10个,30\n\
         效益指标 30分,社会效益,z,≥1,1,30\n",
    );
    assert_eq!(row(&p, "x").level1, "产出指标");
    assert_eq!(row(&p, "x").weight, d("30"));
    assert_eq!(row(&p, "y").weight, d("30"));
    assert_eq!(row(&p, "z").weight, d("30"));
    assert_eq!(row(&p, "z").level1, "效益指标");
    // the stated 得分 of 30 is right: no finding
    assert!(!p.audit.iter().any(|f| matches!(f.kind.id(), "over_weight" | "row_score")), "{:#?}", p.audit);
    // a 一级 row of its own with a 分值 gives the weight too
    let p = project(
        "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,,,,,40\n,数量指标,a,≥1,1,\n,,b,≥1,1,\n",
    );
    assert_eq!(row(&p, "a").weight, d("20"));
    assert_eq!(row(&p, "b").weight, d("20"));
}

/// Item 8: a unit in the value cell.
#[test]
fn item8_unit_in_the_value_cell() {
    let p = project(&format!("全年预算数,100\n全年执行数,346400元\n{TABLE}"));
    assert_eq!(p.execution.executed, Some(d("34.64")));
    assert_eq!(p.execution.rate, Some(d("34.64")));
    let p = project(&format!("全年预算数,1.2亿元\n全年执行数,5.8万\n{TABLE}"));
    assert_eq!(p.execution.budget, Some(d("12000")));
    assert_eq!(p.execution.executed, Some(d("5.8")));
}

/// Item 9: a blank spending figure in 年度资金总额 comes from 当年财政拨款.
#[test]
fn item9_blank_figure_from_the_appropriation_row() {
    let p = project(&format!(
        "项目资金（万元）,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n\
         年度资金总额,100,100,,10,,\n其中：当年财政拨款,100,100,80,,,\n上年结转资金,0,0,0,,,\n{TABLE}"
    ));
    assert_eq!(p.execution.budget, Some(d("100")));
    assert_eq!(p.execution.executed, Some(d("80")));
    let w = p.warnings.iter().find(|w| w.message.contains("当年财政拨款")).expect("a warning");
    assert!(w.message.contains("全年执行数") && !w.message.contains("全年预算数"), "{}", w.message);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
}

const BAD_JSON: &str = r#"{"projects":[
 {"name":"坏","budget":{"adjusted":"abc","executed":5},"indicators":[{"row":-1,"level1":3,"level2":"数量指标","name":"x","target":"≥1","actual":"1","weight":90,"foo":1}]},
 {"name":"好","budget":{"adjusted":10,"executed":9},"indicators":[{"level1":"产出指标","level2":"数量指标","name":"y","target":"≥1","actual":"1","weight":90}]}
]}"#;

/// Item 10: a bad JSON field is an error naming project, row and field; the
/// valid project beside it still scores; unknown keys are warned about.
#[test]
fn item10_json_bad_fields() {
    let r = score(BAD_JSON.as_bytes());
    assert_eq!(r.projects.len(), 2);
    let bad = &r.projects[0];
    let msgs: Vec<&str> = bad.errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("项目「坏」") && m.contains("budget.adjusted") && m.contains("abc")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("第 1 个指标") && m.contains("「row」")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("「level1」") && m.contains("应为文字")), "{msgs:?}");
    assert!(bad.warnings.iter().any(|w| w.message.contains("indicators.foo")), "{:?}", bad.warnings);
    assert_eq!(r.projects[1].total, d("99"));
    assert!(!r.all_scored());
    // an indicator with a good row number is named by it
    let r = score(r#"{"name":"p","indicators":[{"row":7,"name":"x","level1":"产出指标","target":"1","actual":"1","weight":[1]}]}"#.as_bytes());
    assert!(r.projects[0].errors.iter().any(|e| e.row == Some(7) && e.message.contains("第 7 行「weight」")));
    // nothing readable: one error
    let e = read_err(br#"{"projects":[{"name":"p","budget":{"adjusted":"x"},"indicators":[]}]}"#, "a.json");
    assert!(matches!(&e, FileError::Json(m) if m.contains("budget.adjusted")), "{e}");
}

/// Item 11: no indicators is one clear message.
#[test]
fn item11_empty_tables() {
    for (bytes, name) in [
        (&b"{\"projects\":[]}"[..], "a.json"),
        (br#"{"name":"p","indicators":[]}"#, "b.json"),
        ("一级指标,二级指标,三级指标,年度指标值,实际完成值\n".as_bytes(), "c.csv"),
        ("项目名称,x\n一级指标,二级指标,三级指标,年度指标值,实际完成值\n总分,90\n".as_bytes(), "d.csv"),
    ] {
        assert_eq!(read_err(bytes, name), FileError::NoIndicators, "{name}");
    }
}

/// Item 15: funds blocks in other wordings; header cells are never values;
/// the weight in the block title.
#[test]
fn item15_funds_block_wordings() {
    let p = project(&format!(
        "项目名称,某项目\n预算执行情况（万元）（20分）\n预算执行情况,年初预算,调整后预算数,预算执行数,预算执行率,权重,得分\n\
         年度资金总额,100,120,108,90%,,\n{}",
        TABLE.replace(",90\n", ",80\n")
    ));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.execution.budget, Some(d("120")));
    assert_eq!(p.execution.executed, Some(d("108")));
    assert_eq!(p.execution.weight, d("20"));
    assert_eq!(p.execution.score, d("18"));
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
    let p = project(&format!(
        "资金情况,转移支付预算数(A),转移支付执行数(B),执行率(B/A),分值,得分\n年度资金总额,200,150,75%,10,7.5\n{TABLE}"
    ));
    assert_eq!((p.execution.budget, p.execution.executed), (Some(d("200")), Some(d("150"))));
    assert!(p.audit.is_empty(), "{:#?}", p.audit);
    // only 年初预算数: it is the budget, with a warning
    let p = project(&format!("年初预算数,50\n全年执行数,45\n{TABLE}"));
    assert_eq!(p.execution.rate, Some(d("90")));
    assert!(p.warnings.iter().any(|w| w.message.contains("只有年初预算数")));
}

/// Item 18: template leftovers and a repeated header.
#[test]
fn item18_leftovers_and_repeated_headers() {
    let csv = "项目名称,P\n一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n\
               产出指标,数量指标,x,≥10个,10个,45,45\n……,……,……,……,……,,\n\
               一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n\
               效益指标,社会效益,y,≥1,1,45,45\n合计,,,,,90,\n";
    let r = score(csv.as_bytes());
    assert_eq!(r.projects.len(), 1, "a repeated header continues the project");
    let p = &r.projects[0];
    assert_eq!(p.name.as_deref(), Some("P"));
    assert_eq!(p.rows.len(), 2);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.stated_total, None, "a 合计 of 分值 is not a stated total");
    let ignored: Vec<u32> = p.ignored.iter().map(|i| i.row).collect();
    assert_eq!(ignored, [4, 7]);
    assert!(p.ignored[1].message.starts_with("第 7 行未使用：「合计」"), "{}", p.ignored[1].message);
    // a 合计 row with a number in the 得分 column states the total
    let p = project(&format!("{}合计,,,,,90,88\n", csv.lines().take(3).collect::<Vec<_>>().join("\n") + "\n"));
    assert_eq!(p.stated_total, Some(d("88")));
}

/// Nothing dropped silently: a row nobody reads is listed with its cells.
#[test]
fn unread_rows_are_listed() {
    let p = project(&format!("备注：本表由财务科填报,,\n{TABLE},,,,,,说明文字\n"));
    let ignored: Vec<(u32, &str)> = p.ignored.iter().map(|i| (i.row, i.message.as_str())).collect();
    assert_eq!(ignored, [(1, "第 1 行未使用：「备注：本表由财务科填报」"), (4, "第 4 行未使用：「说明文字」")]);
}

/// When the header is not recognised: the cells found and what is missing;
/// a mapping by header text or by column letter reads it.
#[test]
fn unrecognised_header_and_mapping() {
    let csv = "序号,指标,计划数,完成数,分值\n1,x,≥10个,10个,90\n";
    let e = read_err(csv.as_bytes(), "m.csv");
    let FileError::NoIndicatorTable(m) = &e else { panic!("{e:?}") };
    assert!(m.contains("「序号」「指标」「计划数」「完成数」「分值」"), "{m}");
    assert!(m.contains("缺少「三级指标」") && m.contains("年初目标值"), "{m}");
    let r = mapped(csv, &[("三级指标", "指标"), ("年度指标值", "C"), ("actual", "完成数")]).unwrap();
    let x = row(&r.projects[0], "x");
    assert_eq!((x.target.as_str(), x.actual.as_str(), x.score), ("≥10个", "10个", d("90")));
    // a paste with no header row, mapped by position
    let paste = "产出指标\t数量指标\tx\t≥10个\t10个\t90\n";
    let map = [
        ("一级指标", "A"),
        ("二级指标", "B"),
        ("三级指标", "C"),
        ("年度指标值", "D"),
        ("实际完成值", "E"),
        ("分值", "F"),
    ];
    let r = mapped(paste, &map).unwrap();
    assert_eq!(r.projects[0].rows[0].row, 1);
    assert_eq!(r.projects[0].total, d("90"));
    // a field nobody knows
    assert!(matches!(mapped(csv, &[("指标x", "A")]), Err(FileError::Mapping(m)) if m.contains("指标x")));
    // the guess the page prefills its panel with
    let sheets = match jixiao::read::read(csv.as_bytes(), "m.csv", &ReadOptions::default()).unwrap() {
        jixiao::read::Source::Sheets(s) => s,
        other => panic!("{other:?}"),
    };
    let g = jixiao::layout::guess(&sheets, &Default::default()).unwrap();
    assert_eq!(g.row, 1);
    assert_eq!(g.missing, ["三级指标", "年度指标值", "实际完成值"]);
    let weight = g.columns.iter().find(|c| c.field == "weight").unwrap();
    assert_eq!(weight.column, Some(4));
}

/// The CLI: `--map`, the ignored list in the text, and the exit codes of
/// items 10 and 11.
#[test]
fn cli_map_ignored_and_exit_codes() {
    let dir = std::env::temp_dir().join(format!("jixiao-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    };
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao")).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let m = write("m.csv", "序号,指标,计划数,完成数,分值\n1,x,≥10个,10个,90\n备注：数据来自年报\n");
    let (code, _, err) = run(&["score", &m]);
    assert_eq!(code, Some(2));
    assert!(err.contains("「序号」「指标」") && err.contains("--map"), "{err}");
    let (code, out, err) =
        run(&["score", &m, "--map", "三级指标=指标", "--map", "年度指标值=C", "--map", "实际完成值=D"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("总分：90.00"), "{out}");
    assert!(out.contains("未使用的行（1 行）：") && out.contains("第 3 行未使用：「备注：数据来自年报」"), "{out}");
    let (code, _, err) = run(&["score", &m, "--map", "年度指标值"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--map 需要"), "{err}");
    let bad = write("bad.json", BAD_JSON);
    assert_eq!(run(&["score", &bad]).0, Some(1));
    let empty = write("empty.json", r#"{"projects":[]}"#);
    let (code, _, err) = run(&["score", &empty]);
    assert_eq!(code, Some(2));
    assert!(err.contains("没有指标"), "{err}");
    let header_only = write("h.csv", "一级指标,二级指标,三级指标,年度指标值,实际完成值\n");
    assert_eq!(run(&["score", &header_only]).0, Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
