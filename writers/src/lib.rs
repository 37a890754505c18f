//! The page's second WebAssembly module: the writers (rust_xlsxwriter and
//! docx-rs roughly double the core module) and the report draft they share. The page loads the core at
//! open and compiles this one on the first export (www/loader.js), so
//! opening the page costs what it did before the writers. The arguments and
//! errors are those of the core's exports (`jixiao::wasm`).
#![cfg(target_arch = "wasm32")]

use jixiao::wasm::{from_js, into_error, scored, to_js};
use wasm_bindgen::prelude::*;

/// The 项目支出绩效自评表 of an `Input` (edits applied, scored) as XLSX bytes.
#[wasm_bindgen(js_name = exportXlsx)]
pub fn export_xlsx(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<Vec<u8>, JsError> {
    let (input, report, _) = scored(input, options)?;
    jixiao::render::xlsx::form(&input, &report).map_err(into_error)
}

/// The page's overview of a collection (`{file, name, department, budget,
/// executed, rate, total, stated, grade, provisional, errors, review}[]`,
/// missing figures `null`) as an XLSX workbook of one 汇总 sheet.
#[wasm_bindgen(js_name = exportOverviewXlsx)]
pub fn export_overview_xlsx(
    #[wasm_bindgen(unchecked_param_type = "JixiaoOverviewLine[]")] lines: JsValue,
) -> Result<Vec<u8>, JsError> {
    let lines: Vec<jixiao::render::xlsx::Line> = from_js(lines, "总览数据")?;
    jixiao::render::xlsx::overview(&lines).map_err(into_error)
}

/// The blank 自评表 template as XLSX bytes.
#[wasm_bindgen(js_name = blankTemplate)]
pub fn blank_template() -> Result<Vec<u8>, JsError> {
    jixiao::render::xlsx::blank_template().map_err(into_error)
}

/// The report drafts as DOCX bytes.
#[wasm_bindgen(js_name = reportDocx)]
pub fn report_docx(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<Vec<u8>, JsError> {
    let (input, report, profile) = scored(input, options)?;
    jixiao::render::docx::write(&jixiao::render::draft::drafts(&input, &report, &profile)).map_err(into_error)
}

/// The 绩效自评报告 drafts (one per project) as a structure the page renders.
#[wasm_bindgen(js_name = reportDraft, unchecked_return_type = "JixiaoDraft[]")]
pub fn report_draft(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (input, report, profile) = scored(input, options)?;
    to_js(&jixiao::render::draft::drafts(&input, &report, &profile))
}

/// The report drafts as plain text.
#[wasm_bindgen(js_name = reportText)]
pub fn report_text(
    #[wasm_bindgen(unchecked_param_type = "JixiaoInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "JixiaoOptions | undefined")] options: JsValue,
) -> Result<String, JsError> {
    let (input, report, profile) = scored(input, options)?;
    Ok(jixiao::render::draft_text::render(&jixiao::render::draft::drafts(&input, &report, &profile)))
}
