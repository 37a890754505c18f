#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The 自评表 exported as XLSX reads back to the same scores, for every
//! fixture; the blank template has the form's layout.

mod common;

use jixiao::render::xlsx;
use jixiao::report::decision::Flag;
use jixiao::report::{FindingKind, ProjectResult, Status};
use jixiao::score_for_export as scored;
use jixiao::{Profile, ReadOptions};

/// What must survive the round trip: the figures and every row's score.
fn essentials(p: &ProjectResult) -> String {
    let e = &p.execution;
    let mut s = format!(
        "{:?}|{:?}|{:?}|total {}|{}|prov {}|wsum {}|exec {:?} {:?} {:?} {} {}|errors {}\n",
        p.name,
        p.department,
        p.implementer,
        p.total.normalize(),
        p.grade,
        p.provisional,
        p.weight_sum.normalize(),
        e.budget.map(|d| d.normalize()),
        e.executed.map(|d| d.normalize()),
        e.rate,
        e.weight.normalize(),
        e.score.normalize(),
        p.errors.len()
    );
    for r in &p.rows {
        // S33: the form has a 偏差原因 column the source may lack; a shortfall
        // with that cell blank is then S24's review flag, the only difference.
        let status = if r.status == Status::Review && r.flags.iter().all(|f| *f == Flag::NoReason) {
            Status::Ok
        } else {
            r.status
        };
        s.push_str(&format!(
            "  {}/{}/{} [{}→{}] {:?} w{} s{} {:?} {:?}\n",
            r.level1,
            r.level2,
            r.name,
            r.target,
            r.actual,
            r.direction,
            r.weight.normalize(),
            r.score.normalize(),
            r.level,
            status
        ));
    }
    for g in &p.goals {
        s.push_str(&format!("  goal {} / {}\n", g.expected, g.actual));
    }
    s
}

fn round_trip(name: &str, bytes: &[u8]) -> Option<(String, String)> {
    let profile = Profile::default_profile().unwrap();
    let input = jixiao::read_input(bytes, name, &ReadOptions::default()).ok()?;
    let (edited, before) = scored(&input, &profile, &[]);
    // A stated 得分 outside its level's band is an error (S16, a `band`
    // finding); the form written has the rules' score there instead, so it
    // reads back scored: not the same scores, by design.
    if before.projects.iter().any(|p| p.audit.iter().any(|f| f.kind == FindingKind::Band)) {
        return None;
    }
    let book = xlsx::form(&edited, &before).unwrap();
    let again = jixiao::read_input(&book, "form.xlsx", &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: exported workbook does not read: {e}"));
    let after = jixiao::score_input(&again, &profile, &[]);
    let a: String = before.projects.iter().map(essentials).collect();
    let b: String = after.projects.iter().map(essentials).collect();
    Some((a, b))
}

fn fixtures() -> Vec<String> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![];
    for sub in ["", "/regressions"] {
        for e in std::fs::read_dir(format!("{dir}{sub}")).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.extension().is_none_or(|x| x != "py") {
                out.push(p.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_reads_back_with_the_same_scores() {
    let mut checked = 0;
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let Some((a, b)) = round_trip(&path, &bytes) else { continue };
        assert_eq!(a, b, "{path}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures read");
}

fn input_of(name: &str) -> jixiao::Input {
    jixiao::read_input(&common::fixture(name), name, &ReadOptions::default()).unwrap()
}

fn sheets(book: &[u8]) -> Vec<jixiao::grid::Sheet> {
    jixiao::read::workbook::read(book, &ReadOptions::default()).unwrap()
}

fn zip_text(book: &[u8], path: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut s = String::new();
    z.by_name(path).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn a_collection_gets_a_summary_sheet_and_one_sheet_per_project() {
    let profile = Profile::default_profile().unwrap();
    let mut input = input_of("baiyun-xinfang-2023.csv");
    input.projects.extend(input_of("campus-safety-form-2024.csv").projects);
    let (edited, before) = scored(&input, &profile, &[]);
    let book = xlsx::form(&edited, &before).unwrap();
    let s = sheets(&book);
    let names: Vec<&str> = s.iter().map(|s| s.name.as_deref().unwrap()).collect();
    assert_eq!(names, ["汇总", "2023年度广州市白云区信访局部门重点项目", "中小学校园安全设施改造"]);
    let summary = &s[0];
    assert_eq!(summary.cell(2, 1), "2023年度广州市白云区信访局部门重点项目");
    assert_eq!((summary.cell(2, 6), summary.cell(2, 7), summary.cell(2, 8)), ("98.88%", "99.89", "优"));
    assert_eq!((summary.cell(3, 6), summary.cell(3, 7)), ("95.00%", "92.07"));
    // the summary is not read as a project
    let after =
        jixiao::score_input(&jixiao::read_input(&book, "x.xlsx", &ReadOptions::default()).unwrap(), &profile, &[]);
    let a: Vec<String> = before.projects.iter().map(essentials).collect();
    let b: Vec<String> = after.projects.iter().map(essentials).collect();
    assert_eq!(a, b);
}

#[test]
fn the_form_has_numbers_percent_formats_merges_and_print_setup() {
    let profile = Profile::default_profile().unwrap();
    let (edited, report) = scored(&input_of("campus-safety-form-2024.csv"), &profile, &[]);
    let book = xlsx::form(&edited, &report).unwrap();
    let s = &sheets(&book)[0];
    assert_eq!(s.cell(0, 0), "项目支出绩效自评表");
    assert_eq!((s.cell(2, 0), s.cell(2, 2)), ("项目名称", "中小学校园安全设施改造"));
    assert_eq!((s.cell(3, 5), s.cell(3, 7)), ("实施单位", "某县教育局"));
    // funds: numbers; the rate in a percent format (the reader shows it as the user sees it)
    assert_eq!((s.cell(5, 3), s.cell(5, 4), s.cell(5, 6), s.cell(5, 7)), ("150", "142.5", "95.00%", "9.5"));
    let xml = zip_text(&book, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"<c r="D6" s="#) && xml.contains("<v>150</v>"), "budget is a number");
    assert!(!xml.contains(r#"t="s"><v>150"#));
    let styles = zip_text(&book, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.00%""#) || styles.contains(r#"numFmtId="10""#), "{styles}");
    // the indicator header, 一级 merged over its rows
    let h = (0..s.rows_len()).find(|&r| s.cell(r, 1) == "一级指标").unwrap();
    assert_eq!(s.cell(h, 0), "绩效指标");
    assert_eq!(s.cell(h, 8), "偏差原因分析及改进措施");
    assert_eq!(s.cell(h + 1, 1), "产出指标");
    assert!(s.merged.contains(&(h + 2, 1)) && s.merged.contains(&(h + 4, 1)), "产出指标 spans 4 rows");
    assert!(!s.merged.contains(&(h + 5, 1)), "效益指标 starts a new merge");
    assert_eq!((s.cell(h + 1, 6), s.cell(h + 1, 7)), ("20", "18.33"));
    let total = h + 8;
    assert_eq!((s.cell(total, 0), s.cell(total, 6), s.cell(total, 7)), ("总分", "100", "92.07"));
    assert_eq!((s.cell(total + 1, 0), s.cell(total + 1, 6)), ("自评等级", "优"));
    assert!(s.rows().flat_map(|r| r.iter()).any(|c| c == "单位负责人："));
    // print setup: A4 portrait, one page wide, page numbers, header row repeated
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="portrait""#), "{xml}");
    assert!(xml.contains(r#"fitToHeight="0""#) && xml.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    assert!(xml.contains("&amp;P") && xml.contains("&amp;N"));
    let wb = zip_text(&book, "xl/workbook.xml");
    assert!(wb.contains("_xlnm.Print_Titles") && wb.contains(&format!("${0}:${0}", h + 1)), "{wb}");
}

#[test]
fn edits_are_written_into_the_form() {
    let profile = Profile::default_profile().unwrap();
    let input = input_of("baiyun-xinfang-2023.csv");
    // the first row (信访形势, qualitative) judged 部分达成 in the page
    let edits = vec![jixiao::Edit { project: 0, row: 5, level: Some("部分达成".into()), ..Default::default() }];
    let (edited, before) = scored(&input, &profile, &edits);
    assert!(before.projects[0].total < rust_decimal::Decimal::from(99));
    let book = xlsx::form(&edited, &before).unwrap();
    let after =
        jixiao::score_input(&jixiao::read_input(&book, "x.xlsx", &ReadOptions::default()).unwrap(), &profile, &[]);
    assert_eq!(essentials(&before.projects[0]), essentials(&after.projects[0]));
}

/// The CSV template (下载空白模板 CSV, `jixiao template --format csv`): the
/// plain table's header and the XLSX template's 一级/二级 rows; filled in,
/// it scores.
#[test]
fn the_csv_template_is_the_plain_table_with_the_levels_and_reads_when_filled() {
    let bytes = jixiao::render::csv::blank_template();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 10);
    assert!(lines[0].starts_with("项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值"));
    assert_eq!(lines[1], ",,,产出指标,数量指标,,,,,,,");
    assert_eq!(lines[9], ",,,满意度指标,服务对象满意度指标,,,,,,,");
    let mut filled: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    filled[1] = "甲项目,100,90,产出指标,数量指标,培训人数,≥100 人,120 人,,60,,".into();
    filled[9] = ",,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,,30,,".into();
    let input = jixiao::read_input(filled.join("\n").as_bytes(), "模板.csv", &ReadOptions::default()).unwrap();
    let report = jixiao::score_input(&input, &Profile::default_profile().unwrap(), &[]);
    let p = &report.projects[0];
    assert_eq!(p.name.as_deref(), Some("甲项目"));
    assert_eq!(p.rows.len(), 2);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
}

#[test]
fn the_blank_template_has_the_layout_and_nothing_filled() {
    let book = xlsx::blank_template().unwrap();
    let s = &sheets(&book)[0];
    assert_eq!(s.cell(0, 0), "项目支出绩效自评表");
    for label in [
        "项目名称",
        "主管部门",
        "实施单位",
        "年度资金总额",
        "年初预算数",
        "执行率",
        "年度总体目标",
        "偏差原因分析及改进措施",
        "总分",
        "填表人：",
    ] {
        assert!(s.rows().flat_map(|r| r.iter()).any(|c| c == label), "{label}");
    }
    let h = (0..s.rows_len()).find(|&r| s.cell(r, 1) == "一级指标").unwrap();
    let l2: Vec<&str> = (h + 1..h + 10).map(|r| s.cell(r, 2)).collect();
    assert_eq!(l2[0], "数量指标");
    assert_eq!(l2[8], "服务对象满意度指标");
    assert!((h + 1..h + 10).all(|r| s.cell(r, 3).is_empty() && s.cell(r, 7).is_empty()));
    assert_eq!(s.cell(5, 3), "");
}

#[test]
fn a_blank_label_value_is_not_the_next_label() {
    // 主管部门 left blank beside 实施单位: the department is not "实施单位"
    let csv = "项目名称,培训项目\n主管部门,,实施单位,某区人社局\n全年预算数,10\n全年执行数,10\n一级指标,二级指标,三级指标,年度指标值,实际完成值\n产出指标,数量指标,培训人数,≥100 人,120 人\n";
    let input = jixiao::read_input(csv.as_bytes(), "t.csv", &ReadOptions::default()).unwrap();
    let p = &input.projects[0];
    assert_eq!((p.department.as_deref(), p.implementer.as_deref()), (None, Some("某区人社局")));
}

#[test]
fn the_overview_of_a_collection_is_one_summary_sheet_with_its_columns() {
    let line = |file: &str, name: &str, total: f64, grade: &str| xlsx::Line {
        file: file.into(),
        name: name.into(),
        department: "信访局".into(),
        budget: Some(120.5),
        executed: Some(100.25),
        rate: Some(83.2),
        total: Some(total),
        grade: grade.into(),
        ..Default::default()
    };
    let lines = vec![
        line("甲.xlsx · Sheet1", "项目一", 91.5, "优"),
        xlsx::Line {
            stated: Some(95.0),
            provisional: true,
            errors: 2,
            review: 3,
            ..line("乙.csv", "项目二", 72.25, "中")
        },
        xlsx::Line { budget: None, rate: None, total: None, ..line("丙.json", "项目三", 0.0, "") },
    ];
    let book = xlsx::overview(&lines).unwrap();
    let s = sheets(&book);
    assert_eq!(s.len(), 1);
    let sheet = &s[0];
    assert_eq!(sheet.name.as_deref(), Some("汇总"));
    assert_eq!(sheet.cell(0, 0), "项目支出绩效自评汇总表");
    let heads: Vec<&str> = (0..12).map(|c| sheet.cell(1, c)).collect();
    assert_eq!(
        heads,
        [
            "序号",
            "文件",
            "项目名称",
            "主管部门/实施单位",
            "全年预算数（万元）",
            "全年执行数（万元）",
            "执行率",
            "总分",
            "填报总分",
            "等级",
            "错误",
            "复核"
        ]
    );
    let row = |r: usize| (0..12).map(|c| sheet.cell(r, c)).collect::<Vec<&str>>();
    // (numbers read back as numbers; the percent format as shown)
    assert_eq!(
        row(2),
        ["1", "甲.xlsx · Sheet1", "项目一", "信访局", "120.5", "100.25", "83.20%", "91.5", "", "优", "", ""]
    );
    assert_eq!(
        row(3),
        ["2", "乙.csv", "项目二", "信访局", "120.5", "100.25", "83.20%", "72.25", "95", "中（暂定）", "2", "3"]
    );
    assert_eq!(row(4), ["3", "丙.json", "项目三", "信访局", "", "100.25", "", "", "", "", "", ""]);
    // A4, landscape (twelve columns), the header repeated on every page
    let setup = zip_text(&book, "xl/worksheets/sheet1.xml");
    assert!(setup.contains("paperSize=\"9\"") && setup.contains("orientation=\"landscape\""), "{setup}");
}
