//! The page's exports (feature `wasm-exports`, on by default): read, score,
//! summarize and open, edits, labels, profiles. Gated here once, so nothing
//! the page alone needs (the reader above all) reaches the writers' module,
//! which links the library without this feature.

use wasm_bindgen::prelude::*;

use serde::Serialize;

use super::{from_js, input_arg, into_error, options, to_js};
use crate::render::Summary;
use crate::{Edit, Input, Profile};

/// The profile and scoring options an options object asks for.
fn scoring(options: JsValue) -> Result<(Profile, crate::ScoreOptions), JsError> {
    let opts = self::options(options)?;
    let profile = opts.profile().map_err(into_error)?;
    let read = opts.read();
    Ok((profile, crate::ScoreOptions { read, edits: opts.edits, current_year: current_year() }))
}

/// Read and score a file: bytes → `Report`.
#[wasm_bindgen(js_name = score, unchecked_return_type = "JixiaoReport")]
pub fn score(
    bytes: &[u8],
    file_name: &str,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (profile, score_opts) = scoring(options)?;
    let report = crate::score_bytes(bytes, file_name, &profile, &score_opts).map_err(into_error)?;
    to_js(&report)
}

/// Read and score a file for the overview: `{projects, rows, name: string[],
/// total: Float64Array, grade: Uint8Array (index into grades), grades:
/// string[], rate: Float64Array (NaN: none), provisional: Uint8Array,
/// status: Uint32Array (ok, review, pending, error per project), issues:
/// Uint32Array (errors, warnings, findings per project)}`. No sentences are
/// written and no row crosses into JS, so it is much faster than `score`.
#[wasm_bindgen(js_name = summarize, unchecked_return_type = "JixiaoSummary")]
pub fn summarize(
    bytes: &[u8],
    file_name: &str,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (profile, score_opts) = scoring(options)?;
    let summary = crate::summarize_bytes(bytes, file_name, &profile, &score_opts).map_err(into_error)?;
    summary_to_js(&summary)
}

/// A scored file kept in wasm memory (`jixiao.open`): the overview at once,
/// one project's rows with their sentences when the page opens it, one
/// project scored again with new edits (`rescore`). Nothing but the figures
/// is written until asked; `free()` releases it.
#[wasm_bindgen]
pub struct Scored {
    /// The file as read (no edits applied), for `rescore`.
    input: Input,
    report: crate::Report,
    profile: Profile,
    current_year: Option<i32>,
}

/// Read and score a file and keep the result here (see [`Scored`]).
#[wasm_bindgen(js_name = open)]
pub fn open(
    bytes: &[u8],
    file_name: &str,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<Scored, JsError> {
    let (profile, score_opts) = scoring(options)?;
    let (input, report) = crate::open_bytes(bytes, file_name, &profile, &score_opts).map_err(into_error)?;
    Ok(Scored { input, report, profile, current_year: score_opts.current_year })
}

#[wasm_bindgen]
impl Scored {
    /// The overview, as `summarize` returns it.
    #[wasm_bindgen(unchecked_return_type = "JixiaoSummary")]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        summary_to_js(&Summary::of(&self.report))
    }

    /// Project `index` as in `score`'s report (rows, sentences, findings).
    #[wasm_bindgen(unchecked_return_type = "JixiaoProjectResult")]
    pub fn project(&self, index: usize) -> Result<JsValue, JsError> {
        let project = crate::explained_project(&self.report, index).ok_or_else(|| no_project(index))?;
        to_js(&project)
    }

    /// Score project `index` again with `edits` (that project's: the
    /// options' `Edit[]`, others ignored), keeping every other project as
    /// it is; returns its overview line (`summary`'s shape, one project).
    #[wasm_bindgen(unchecked_return_type = "JixiaoSummary")]
    pub fn rescore(
        &mut self,
        index: usize,
        #[wasm_bindgen(unchecked_param_type = "JixiaoEdit[]")] edits: JsValue,
    ) -> Result<JsValue, JsError> {
        let edits: Vec<Edit> = from_js(edits, "修改")?;
        let project =
            crate::rescore_project(&self.input, &mut self.report, index, &edits, &self.profile, self.current_year)
                .ok_or_else(|| no_project(index))?;
        summary_to_js(&Summary::one(project))
    }
}

/// The error for a project index the file does not have (counted from 1 in words).
fn no_project(index: usize) -> JsError {
    JsError::new(&format!("没有第 {} 个项目", index.saturating_add(1)))
}

/// The summary's columns as typed arrays (one copy each, no per-value calls).
fn summary_to_js(s: &Summary) -> Result<JsValue, JsError> {
    let strings = |items: &[String]| items.iter().map(|t| JsValue::from_str(t)).collect::<js_sys::Array>();
    let floats = |v: &[f64]| JsValue::from(js_sys::Float64Array::from(v));
    let fields: [(&str, JsValue); 15] = [
        ("projects", JsValue::from(u32::try_from(s.projects).unwrap_or(u32::MAX))),
        ("rows", JsValue::from(u32::try_from(s.rows).unwrap_or(u32::MAX))),
        ("name", strings(&s.name).into()),
        ("department", strings(&s.department).into()),
        ("sheet", strings(&s.sheet).into()),
        ("budget", floats(&s.budget)),
        ("executed", floats(&s.executed)),
        ("stated", floats(&s.stated)),
        ("total", js_sys::Float64Array::from(s.total.as_slice()).into()),
        ("grade", js_sys::Uint8Array::from(s.grade.as_slice()).into()),
        ("grades", strings(&s.grades).into()),
        ("rate", js_sys::Float64Array::from(s.rate.as_slice()).into()),
        ("provisional", js_sys::Uint8Array::from(s.provisional.as_slice()).into()),
        ("status", js_sys::Uint32Array::from(s.status.as_slice()).into()),
        ("issues", js_sys::Uint32Array::from(s.issues.as_slice()).into()),
    ];
    let object = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), &value).map_err(|_| JsError::new("无法生成结果对象"))?;
    }
    Ok(object.into())
}

/// Read a file into the normalised `Input` (for export and local storage).
#[wasm_bindgen(js_name = readInput, unchecked_return_type = "JixiaoInput")]
pub fn read_input(
    bytes: &[u8],
    file_name: &str,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = self::options(options)?;
    let input = crate::read_input(bytes, file_name, &opts.read()).map_err(into_error)?;
    to_js(&input)
}

/// The best guess at the indicator header of a file whose header was not
/// recognised (the mapping panel's prefill), or `null`.
#[wasm_bindgen(js_name = guessHeader, unchecked_return_type = "JixiaoHeaderGuess | null")]
pub fn guess_header(
    bytes: &[u8],
    file_name: &str,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let opts = self::options(options)?;
    to_js(&crate::guess_header(bytes, file_name, &opts.read()).map_err(into_error)?)
}

/// Re-score an `Input` with the options' edits and profile, without re-reading.
#[wasm_bindgen(js_name = scoreInput, unchecked_return_type = "JixiaoReport")]
pub fn score_input(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let input = input_arg(input)?;
    let opts = self::options(options)?;
    let profile = opts.profile().map_err(into_error)?;
    to_js(&crate::score_input_in_year(&input, &profile, &opts.edits, current_year()))
}

/// Score an `Input` like `scoreInput` and return the CSV export (UTF-8 with
/// BOM, formula cells neutralised) as bytes.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<Vec<u8>, JsError> {
    let input = input_arg(input)?;
    let opts = self::options(options)?;
    let profile = opts.profile().map_err(into_error)?;
    Ok(crate::render::to_csv(&crate::score_input_in_year(&input, &profile, &opts.edits, current_year())))
}

/// The blank 自评表 as CSV (UTF-8 with BOM): here, not with the writers, as
/// the CSV writer is already in this module (`exportCsv`).
#[wasm_bindgen(js_name = blankTemplateCsv)]
pub fn blank_template_csv() -> Vec<u8> {
    crate::render::csv::blank_template()
}

/// The current year from the browser's clock (S28).
fn current_year() -> Option<i32> {
    i32::try_from(js_sys::Date::new_0().get_full_year()).ok()
}

/// The input with the edits written into it (`Input::apply_edits`), for the
/// JSON export and later exports.
#[wasm_bindgen(js_name = applyEdits, unchecked_return_type = "JixiaoInput")]
pub fn apply_edits(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let mut input = input_arg(input)?;
    input.apply_edits(&self::options(options)?.edits);
    to_js(&input)
}

/// The words for statuses, levels, directions, finding kinds and the
/// options' profile's grades (`explain::labels`).
#[wasm_bindgen(js_name = labels, unchecked_return_type = "JixiaoLabels")]
pub fn labels(
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let profile = self::options(options)?.profile().map_err(into_error)?;
    to_js(&crate::explain::labels::labels(&profile))
}

/// S14: the bands of the qualitative levels for a row of weight `weight`, in words.
#[wasm_bindgen(js_name = bands, unchecked_return_type = "string[]")]
pub fn bands(
    weight: f64,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let profile = self::options(options)?.profile().map_err(into_error)?;
    let w = rust_decimal::Decimal::try_from(weight).map_err(into_error)?;
    to_js(&crate::explain::labels::bands(&profile, w))
}

/// The built-in rule profiles.
#[wasm_bindgen(js_name = profiles, unchecked_return_type = "JixiaoProfile[]")]
pub fn profiles() -> Result<JsValue, JsError> {
    to_js(&crate::profile::builtins())
}

/// S36: the rule editor's check of an edited profile: `[]` when it can be
/// used, else each refused setting as `{field: "levels.0.weight", message}`
/// (`Profile::from_value`, as `--profile FILE` reads it).
#[wasm_bindgen(js_name = checkProfile, unchecked_return_type = "JixiaoProfileIssue[]")]
pub fn check_profile(
    #[wasm_bindgen(unchecked_param_type = "JixiaoProfile")] profile: JsValue,
) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Issue {
        field: String,
        message: String,
    }
    let issues = match edited_profile(profile) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| Issue { field: e.field.path(), message: e.message() }).collect(),
    };
    to_js(&issues)
}

/// The editor's copy of a profile (id `custom`, named 自定义（基于 …）).
#[wasm_bindgen(js_name = customProfile, unchecked_return_type = "JixiaoProfile")]
pub fn custom_profile(
    #[wasm_bindgen(unchecked_param_type = "JixiaoProfile")] profile: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&edited_profile(profile).map_err(profile_error)?.customized())
}

/// A profile file's text read as `--profile FILE` reads it.
#[wasm_bindgen(js_name = readProfile, unchecked_return_type = "JixiaoProfile")]
pub fn read_profile(text: &str) -> Result<JsValue, JsError> {
    to_js(&Profile::from_json(text).map_err(into_error)?)
}

fn edited_profile(value: JsValue) -> Result<Profile, Vec<crate::profile::ProfileError>> {
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(value).map_err(|e| vec![crate::profile::ProfileError::unreadable(e)])?;
    Profile::from_value(value)
}

fn profile_error(errors: Vec<crate::profile::ProfileError>) -> JsError {
    JsError::new(&crate::profile::refusals(&errors))
}

/// The crate version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
