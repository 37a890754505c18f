use super::table::strip_name_prefix;
use super::vocab::field_of;
use super::*;

fn sheet(text: &str) -> Sheet {
    Sheet {
        name: None,
        rows: text.lines().map(|l| l.split(',').map(str::to_owned).collect()).collect(),
        merged: Default::default(),
    }
}

#[test]
fn header_labels_are_normalised() {
    assert_eq!(label("全年预算数（元）"), ("全年预算数".into(), true));
    assert_eq!(label("项目资金（万元）"), ("项目资金".into(), false));
    assert_eq!(label(" 实际\n完成值 *"), ("实际完成值".into(), false));
    assert_eq!(field_of("偏差原因分析及改进措施"), Some(Field::Reason));
}

#[test]
fn forward_fill_and_projects() {
    let s = sheet("项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值\nA,产出指标,数量指标,x,1,1\n,,,y,1,1\nB,效益指标,,z,1,1\n,,,w,1,1");
    let i = read_sheets(vec![s]).unwrap();
    assert_eq!(i.projects.len(), 2);
    assert_eq!(i.projects[0].name.as_deref(), Some("A"));
    assert_eq!(i.projects[0].indicators[1].level2, "数量指标");
    assert_eq!(i.projects[1].indicators[1].level1, "效益指标");
    assert_eq!(i.projects[1].indicators[1].row, Some(5));
}

#[test]
fn near_miss_header_is_explained() {
    let s = sheet("一级指标,二级指标,三级指标,年度指标值\n产出指标,数量指标,x,1");
    let e = read_sheets(vec![s]).unwrap_err();
    assert!(matches!(&e, FileError::NoIndicatorTable(m) if m.contains("第 1 行") && m.contains("实际完成值")), "{e}");
}

#[test]
fn name_prefix() {
    assert_eq!(strip_name_prefix("指标1：改造学校数量"), "改造学校数量");
    assert_eq!(strip_name_prefix("指标名称"), "指标名称");
}
