use super::*;

#[test]
fn one_project_with_numbers_or_strings() {
    let a = read(r#"{"name":"p","budget":{"adjusted":60,"executed":"59.33"},"indicators":[{"level1":"产出指标","level2":"数量指标","name":"x","target":"≥20 名","actual":25,"weight":12.5}]}"#.as_bytes()).unwrap();
    let p = &a.projects[0];
    assert_eq!(p.budget.executed, Some("59.33".parse().unwrap()));
    assert_eq!(p.budget.adjusted, Some(60.into()));
    assert_eq!(p.indicators[0].actual, "25");
    assert_eq!(p.indicators[0].weight.as_deref(), Some("12.5"));
}

#[test]
fn round_trip_of_the_export() {
    let a = read(br#"[{"name":"p","indicators":[{"level1":"a","level2":"b","name":"c","target":"1","actual":"2"}]}]"#)
        .unwrap();
    let text = serde_json::to_vec(&a).unwrap();
    assert_eq!(read(&text).unwrap(), a);
}

#[test]
fn deep_nesting_is_a_chinese_error() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = read(deep.as_bytes()).unwrap_err();
    assert!(matches!(&e, FileError::Json(m) if m.contains("JSON 嵌套层数过多")), "{e:?}");
    let obj = format!("{{\"projects\":{}{}}}", "[".repeat(200), "]".repeat(200));
    let e = read(obj.as_bytes()).unwrap_err();
    assert!(matches!(&e, FileError::Json(m) if m.contains("JSON 嵌套层数过多")), "{e:?}");
}

#[test]
fn errors_are_chinese_with_position() {
    let e = read(b"{\n\"projects\": [").unwrap_err();
    assert!(matches!(&e, FileError::Json(m) if m.contains("第 2 行")), "{e:?}");
    assert!(matches!(read(br#"{"a":1}"#), Err(FileError::Json(_))));
}

/// The key lists cover every field the model writes (a new field is not
/// warned about as unknown when an export is read back).
#[test]
fn key_lists_cover_the_model() {
    use crate::model::{Goal, Ignored, LevelWeight, Stated};
    let issue = Issue::at(None, Some(1), None, "x");
    let p = ProjectInput {
        name: Some("p".into()),
        department: Some("d".into()),
        implementer: Some("i".into()),
        sheet: Some("s".into()),
        budget: Budget {
            initial: Some(1.into()),
            adjusted: Some(1.into()),
            executed: Some(1.into()),
            weight: Some(1.into()),
            row: Some(1),
            ..Default::default()
        },
        indicators: vec![IndicatorInput {
            row: Some(1),
            weight: Some("1".into()),
            score: Some("1".into()),
            symbol: Some("≥".into()),
            unit: Some("个".into()),
            level: Some("达成".into()),
            deduction: Some("1".into()),
            reason: Some("r".into()),
            ..Default::default()
        }],
        stated: Stated { total: Some(1.into()), ..Default::default() },
        goals: vec![Goal::default()],
        errors: vec![issue.clone()],
        warnings: vec![issue],
        level_weights: vec![LevelWeight::default()],
        ignored: vec![Ignored::default()],
        draft: crate::model::DraftFields { background: "b".into(), ..Default::default() },
    };
    let v = serde_json::to_value(&p).unwrap();
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    for k in keys(&v) {
        assert!(PROJECT_KEYS.contains(&k.as_str()), "project key {k}");
    }
    for k in keys(&v["budget"]) {
        assert!(BUDGET_KEYS.contains(&k.as_str()), "budget key {k}");
    }
    for k in keys(&v["indicators"][0]) {
        assert!(INDICATOR_KEYS.contains(&k.as_str()), "indicator key {k}");
    }
    // and an export reads back with no warning
    let back = read(&serde_json::to_vec(&Input { projects: vec![p] }).unwrap()).unwrap();
    assert!(!back.projects[0].warnings.iter().any(|w| w.message.contains("不认识")), "{:?}", back.projects[0].warnings);
}
