//! The JSON form (README): `{"projects": [...]}`, one project object, or an
//! array of project objects, with the fields of [`crate::model::ProjectInput`].
//! Cells may be strings or numbers. This is also what the page exports, so an
//! export reads back unchanged.
//!
//! Each field is read on its own: a bad one (`"adjusted": "abc"`, `"row": -1`,
//! a numeric `level1`) is an error naming the project, the row and the field,
//! and everything else still reads; unknown keys are warned about. A file with
//! no indicator at all is one error (INPUT.md, issue 9 items 10–11).

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::model::{Budget, IndicatorInput, Input, Issue, ProjectInput};
use crate::FileError;

/// Keys of a project object, an indicator and a budget (the model's fields).
const PROJECT_KEYS: [&str; 13] = [
    "name",
    "department",
    "implementer",
    "sheet",
    "budget",
    "indicators",
    "stated",
    "goals",
    "errors",
    "warnings",
    "level_weights",
    "ignored",
    "draft",
];
const INDICATOR_KEYS: [&str; 13] = [
    "row",
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "weight",
    "score",
    "symbol",
    "unit",
    "level",
    "deduction",
    "reason",
];
const BUDGET_KEYS: [&str; 5] = ["initial", "adjusted", "executed", "weight", "row"];

const NO_INDICATORS: &str = "没有指标，无法计分";

/// Read the JSON form.
pub fn read(bytes: &[u8]) -> Result<Input, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Parse to a value first: its errors name line and column.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        if is_too_deep(&e) {
            return FileError::Json(format!(
                "第 {} 行第 {} 列：JSON 嵌套层数过多（超过 {MAX_DEPTH} 层）",
                e.line(),
                e.column()
            ));
        }
        FileError::Json(format!("第 {} 行第 {} 列：{}", e.line(), e.column(), kind(&e)))
    })?;
    let items: Vec<Value> = match value {
        Value::Object(mut o) if o.contains_key("projects") => match o.remove("projects") {
            Some(Value::Array(a)) => a,
            _ => return Err(FileError::Json("「projects」应为项目的数组（格式见 README）".into())),
        },
        Value::Object(o) if o.contains_key("indicators") => vec![Value::Object(o)],
        Value::Array(a) if a.iter().all(|p| p.get("indicators").is_some()) => a,
        _ => return Err(FileError::Json("没有找到 projects 或 indicators 字段（格式见 README）".into())),
    };
    let projects: Vec<ProjectInput> = items.into_iter().enumerate().map(|(i, v)| project(i + 1, v)).collect();
    if projects.iter().all(|p| p.indicators.is_empty()) {
        let errors: Vec<&str> = projects
            .iter()
            .flat_map(|p| &p.errors)
            .filter(|e| e.column.as_deref() != Some("indicators") || !e.message.ends_with(NO_INDICATORS))
            .map(|e| e.message.as_str())
            .collect();
        if errors.is_empty() {
            return Err(FileError::NoIndicators);
        }
        return Err(FileError::Json(format!("没有可计分的项目：{}", errors.join("；"))));
    }
    Ok(Input { projects })
}

/// How a project is named in messages.
fn project_label(i: usize, o: &Map<String, Value>) -> String {
    match o.get("name").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("项目「{n}」"),
        None => format!("第 {i} 个项目"),
    }
}

/// One project object, field by field.
fn project(i: usize, v: Value) -> ProjectInput {
    let Value::Object(mut o) = v else {
        let e = format!("第 {i} 个项目不是对象（{}），未读取", describe(&v));
        return ProjectInput { errors: vec![Issue::at(None, None, None, &e)], ..Default::default() };
    };
    let who = project_label(i, &o);
    let mut errors = Vec::new();
    let mut unknown = BTreeSet::new();
    let mut indicators = Vec::new();
    let mut budget = Budget::default();
    if let Some(b) = o.remove("budget") {
        match b {
            Value::Object(b) => {
                budget = fields(b, &BUDGET_KEYS, &mut unknown, "budget.", |k, e| {
                    errors.push(issue(&who, None, &format!("budget.{k}"), &e));
                })
            }
            Value::Null => {}
            other => errors.push(issue(&who, None, "budget", &format!("应为对象，而不是{}", describe(&other)))),
        }
    }
    match o.remove("indicators") {
        Some(Value::Array(items)) => {
            for (k, item) in items.into_iter().enumerate() {
                let Value::Object(item) = item else {
                    errors.push(issue(&who, None, "indicators", &format!("第 {} 个指标不是对象，未读取", k + 1)));
                    continue;
                };
                let row = item.get("row").and_then(Value::as_u64).and_then(|r| u32::try_from(r).ok());
                let place = row.map_or_else(|| format!("第 {} 个指标", k + 1), |r| format!("第 {r} 行"));
                let mut ind: IndicatorInput = fields(item, &INDICATOR_KEYS, &mut unknown, "indicators.", |f, e| {
                    let message = format!("{who}{place}「{f}」：{e}");
                    errors.push(Issue { sheet: None, row, column: Some(f.to_owned()), message });
                });
                ind.row = ind.row.or(row);
                indicators.push(ind);
            }
        }
        Some(Value::Null) | None => {}
        Some(other) => errors.push(issue(&who, None, "indicators", &format!("应为数组，而不是{}", describe(&other)))),
    }
    let mut p: ProjectInput = fields(o, &PROJECT_KEYS, &mut unknown, "", |k, e| errors.push(issue(&who, None, k, &e)));
    p.budget = budget;
    p.indicators = indicators;
    if p.indicators.is_empty() {
        errors.push(issue(&who, None, "indicators", NO_INDICATORS));
    }
    p.errors.extend(errors);
    if !unknown.is_empty() {
        let keys: Vec<String> = unknown.iter().map(|k| format!("「{k}」")).collect();
        p.warnings.push(Issue::at(None, None, None, &format!("{who}：不认识的字段{}，已忽略", keys.join(""))));
    }
    p
}

/// `{who}第 N 行「field」：text`.
fn issue(who: &str, row: Option<u32>, field: &str, text: &str) -> Issue {
    let mut i = Issue::at(None, row, Some(field), text);
    i.message = format!("{who}{}", i.message);
    i
}

/// Read an object field by field: each known key is deserialised alone, so
/// a bad one is reported (`bad(key, message)`) and left at its default while
/// the others read; unknown keys are collected.
fn fields<T: DeserializeOwned + Default>(
    object: Map<String, Value>,
    known: &[&str],
    unknown: &mut BTreeSet<String>,
    prefix: &str,
    mut bad: impl FnMut(&str, String),
) -> T {
    let mut good = Map::new();
    for (k, v) in object {
        if !known.contains(&k.as_str()) {
            unknown.insert(format!("{prefix}{k}"));
            continue;
        }
        let mut one = Map::new();
        one.insert(k.clone(), v.clone());
        match serde_json::from_value::<T>(Value::Object(one)) {
            Ok(_) => {
                good.insert(k, v);
            }
            Err(e) => bad(&k, why(&k, &v, &e)),
        }
    }
    serde_json::from_value(Value::Object(good)).unwrap_or_default()
}

/// The Chinese reason a field did not read.
fn why(key: &str, v: &Value, e: &serde_json::Error) -> String {
    let text = e.to_string();
    if let Some(msg) = text.split(" at line").next().filter(|m| m.contains("不是数字")) {
        return msg.to_owned();
    }
    let expected = match key {
        "row" => "正整数",
        "level1" | "level2" | "name" | "symbol" | "unit" | "level" | "reason" | "department" | "implementer"
        | "sheet" => "文字",
        "target" | "actual" | "weight" | "score" | "deduction" => "文字或数字",
        "initial" | "adjusted" | "executed" => "数字",
        _ => "格式见 README",
    };
    format!("{} 无法读取（应为{expected}）", short(v))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 30 {
        format!("{}…", s.chars().take(30).collect::<String>())
    } else {
        s
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "数字",
        Value::String(_) => "文字",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

/// serde_json's nesting limit: deeper arrays/objects are an error, not a stack overflow.
const MAX_DEPTH: usize = 128;

/// serde_json reports its recursion limit only in the message text.
fn is_too_deep(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("recursion limit exceeded")
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
#[path = "json_tests.rs"]
mod tests;
