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
