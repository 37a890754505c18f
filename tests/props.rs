#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Property tests: S13 (0 ≤ score ≤ W), S25 (total = Σ rounded rows +
//! execution score), and no input makes the readers or the scorer panic.

mod common;

use common::score;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[≥≤=<>＞＜≧≦]?[0-9]{1,6}(\\.[0-9]{1,3})?[ ]?(%|个|天|万元|元|分)?",
        "-?[0-9]{1,4}",
        "(不低于|控制在|零|无)?[0-9]{0,3}(以上|以内|投诉|事故)?",
        "[0-9]{1,2}(\\.[0-9]{1,2})? ?分（满分 ?[0-9]{1,2} ?分）",
        "[0-9]{2}%[-～][0-9]{3}%",
        "(达成|部分达成|未完成|基本完成|已完成|有效提升|情况不明)",
        "\\PC{0,12}",
    ]
}

fn csv_cell(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// S13 and S25 on random rows.
    #[test]
    fn s13_s25_scores_bounded_and_total_is_sum(
        rows in prop::collection::vec((value(), value(), 0u32..4000, 0usize..4), 1..8),
        budget in 0u32..1000, spent in 0u32..1200,
    ) {
        let levels = ["产出指标", "效益指标", "满意度指标", "成本指标"];
        let mut csv = format!("全年预算数,{budget}\n全年执行数,{spent}\n一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n");
        for (i, (t, a, w, l)) in rows.iter().enumerate() {
            csv.push_str(&format!("{},x,r{i},{},{},{}\n", levels[*l], csv_cell(t), csv_cell(a), Decimal::new(i64::from(*w), 2)));
        }
        let r = score(csv.as_bytes());
        for p in &r.projects {
            let mut sum = p.execution.score;
            for row in &p.rows {
                prop_assert!(row.score >= Decimal::ZERO && row.score <= row.weight, "{row:?}");
                prop_assert_eq!(row.score, row.score.round_dp(2));
                sum += row.score;
            }
            prop_assert_eq!(p.total, sum);
            prop_assert!(p.execution.score >= Decimal::ZERO && p.execution.score <= p.execution.weight);
        }
    }

    /// No text, in any arrangement, makes the pipeline panic.
    #[test]
    fn no_text_input_panics(text in "(.|\n|,|\t|\"){0,200}") {
        let _ = jixiao::score_bytes(text.as_bytes(), "x.csv", &jixiao::Profile::default_profile().unwrap(), &Default::default());
    }

    #[test]
    fn no_bytes_input_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = jixiao::score_bytes(&bytes, "x", &jixiao::Profile::default_profile().unwrap(), &Default::default());
    }

    /// Tables with a real header and random cells never panic either.
    #[test]
    fn no_table_panics(cells in prop::collection::vec(prop::collection::vec(".{0,10}", 0..8), 0..12)) {
        let mut csv = String::from("项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,计算符号,计量单位,完成情况,扣减分数\n");
        for row in cells {
            csv.push_str(&row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
            csv.push('\n');
        }
        let _ = jixiao::score_bytes(csv.as_bytes(), "x.csv", &jixiao::Profile::default_profile().unwrap(), &Default::default());
    }

    /// Grids of form words (headers, labels, leftovers, numbers, 元 amounts)
    /// never panic, and every non-empty row is read or ignored, never both.
    #[test]
    fn form_words_are_read_or_ignored(cells in prop::collection::vec(prop::collection::vec(form_word(), 0..9), 0..14)) {
        let sheet = jixiao::grid::Sheet::from_rows(None, cells);
        if let Ok((input, read)) = jixiao::layout::read_sheets_traced(std::slice::from_ref(&sheet), &Default::default()) {
            let ignored: Vec<u32> = input.projects.iter().flat_map(|p| &p.ignored).map(|i| i.row).collect();
            for (r, row) in sheet.rows().enumerate() {
                let filled = row.iter().any(|c| !c.trim().is_empty());
                let is_read = read[0].contains(&r);
                let is_ignored = ignored.contains(&jixiao::grid::row_number(r));
                prop_assert!(!filled || is_read != is_ignored, "row {}: read {is_read}, ignored {is_ignored}: {row:?}", r + 1);
            }
        }
    }
}

fn form_word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "一级指标",
            "二级指标",
            "三级指标",
            "指标名称",
            "年度指标值",
            "年初目标值(A)",
            "实际完成值",
            "全年完成值",
            "分值",
            "指标权重(分)",
            "得分",
            "自评得分",
            "绩效指标",
            "指标性质",
            "度量单位",
            "偏差原因",
            "项目名称",
            "全年预算数",
            "全年执行数",
            "年初预算数",
            "调整后预算数",
            "预算执行数",
            "执行率",
            "年度资金总额",
            "其中：当年财政拨款",
            "总分",
            "合计",
            "自评总分",
            "年度总体目标",
            "……",
            "——",
            "略",
            "产出指标（60分）",
            "效益指标 30分",
            "项目支出绩效自评表",
            "预算执行情况（万元）（20分）",
            "346400元",
            "5.8万",
            "≥10个",
            "",
        ])
        .prop_map(str::to_owned),
        "[0-9]{1,4}(\\.[0-9]{1,2})?%?",
        "\\PC{0,6}",
    ]
}
