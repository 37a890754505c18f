//! The JSON form (README): `{"projects": [...]}`, one project object, or an
//! array of project objects, with the fields of [`crate::model::ProjectInput`].
//! Cells may be strings or numbers. This is also what the page exports, so an
//! export reads back unchanged.

use crate::model::{Input, ProjectInput};
use crate::FileError;

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Form {
    Input(Input),
    Many(Vec<ProjectInput>),
    One(Box<ProjectInput>),
}

/// Read the JSON form.
pub fn read(bytes: &[u8]) -> Result<Input, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Parse to a value first: its errors name line and column, which an
    // untagged enum's do not.
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| FileError::Json(format!("第 {} 行第 {} 列：{}", e.line(), e.column(), kind(&e))))?;
    let looks_like_input = value.get("projects").is_some()
        || value.get("indicators").is_some()
        || value.as_array().is_some_and(|a| a.iter().all(|p| p.get("indicators").is_some()));
    if !looks_like_input {
        return Err(FileError::Json("没有找到 projects 或 indicators 字段（格式见 README）".into()));
    }
    let form: Form = serde_json::from_value(value).map_err(|e| FileError::Json(format!("字段内容有误：{e}")))?;
    Ok(match form {
        Form::Input(i) => i,
        Form::Many(v) => Input { projects: v },
        Form::One(p) => Input { projects: vec![*p] },
    })
}

fn kind(e: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "内容不完整（文件被截断？）",
        Category::Syntax => "语法错误",
        Category::Data => "字段类型不符",
        Category::Io => "读取失败",
    }
}

#[cfg(test)]
mod tests {
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
        let a =
            read(br#"[{"name":"p","indicators":[{"level1":"a","level2":"b","name":"c","target":"1","actual":"2"}]}]"#)
                .unwrap();
        let text = serde_json::to_vec(&a).unwrap();
        assert_eq!(read(&text).unwrap(), a);
    }

    #[test]
    fn errors_are_chinese_with_position() {
        let e = read(b"{\n\"projects\": [").unwrap_err();
        assert!(matches!(&e, FileError::Json(m) if m.contains("第 2 行")), "{e:?}");
        assert!(matches!(read(br#"{"a":1}"#), Err(FileError::Json(_))));
    }
}
