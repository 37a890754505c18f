//! jixiao (绩效): grading of 项目支出绩效自评表 by the national rules
//! (财预〔2020〕10号), as a pure-Rust core: bytes in, values out.
//!
//! The pipeline, one module per step; data flows one way and no step
//! calls a later one (tests/architecture.rs checks it):
//!
//! ```text
//! bytes ─read─▶ sheets ─layout─▶ Input ─score─▶ Report ─audit─▶ findings ─explain─▶ text ─render─▶ text/CSV
//!                 (JSON input joins here ▲)      (figures, typed decisions)          (S27)
//! ```
//!
//! Leaves every step may use: [`error`], [`num`], [`grid`], [`model`],
//! [`profile`], [`expr`] and [`report`] (the result types).

// Unit tests may unwrap; the library itself may not (checked by clippy on the non-test build).
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod error;
pub mod expr;
pub mod grid;
pub mod model;
pub mod num;
pub mod profile;
pub mod report;

pub mod audit;
pub mod explain;
pub mod layout;
pub mod read;
pub mod render;
pub mod score;

/// The WebAssembly exports (public so `tests/wasm.rs` can call them).
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::FileError;
pub use model::{Edit, Input};
pub use profile::Profile;
pub use read::{Encoding, ReadOptions};
pub use report::Report;

/// What a caller passes besides the bytes.
#[derive(Debug, Clone, Default)]
pub struct ScoreOptions {
    pub read: ReadOptions,
    pub edits: Vec<Edit>,
    /// The current year, from the caller's clock (the core reads none): a
    /// date written without a year, in a row and project without one,
    /// takes the year before it (S28). `None`: such dates stay without a year.
    pub current_year: Option<i32>,
}

/// Steps 1–2: read a file (any supported format) into the normalised input.
pub fn read_input(bytes: &[u8], file_name: &str, opts: &ReadOptions) -> Result<Input, FileError> {
    laid_out(read::read(bytes, file_name, opts)?, opts)
}

/// [`read_input`] for a caller that hands over the file's bytes: they are
/// freed once read, before layout (the sheets hold their own text), so a
/// big file's bytes and its input are not alive together (the CLI).
pub fn read_input_owned(bytes: Vec<u8>, file_name: &str, opts: &ReadOptions) -> Result<Input, FileError> {
    let source = read::read(&bytes, file_name, opts)?;
    drop(bytes);
    laid_out(source, opts)
}

/// Step 2: the sheets read laid out into the input (JSON input is one already).
fn laid_out(source: read::Source, opts: &ReadOptions) -> Result<Input, FileError> {
    match source {
        read::Source::Sheets(sheets) => layout::read_sheets_mapped(&sheets, &layout::Mapping::parse(&opts.columns)?),
        read::Source::Input(input) => Ok(input),
    }
}

/// The row most like an indicator header and each field's guessed column:
/// what the page prefills its column-mapping panel with when the header is
/// not recognised. `None` for JSON and for sheets without text.
pub fn guess_header(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Option<layout::HeaderGuess>, FileError> {
    match read::read(bytes, file_name, opts)? {
        read::Source::Sheets(sheets) => Ok(layout::guess(&sheets, &layout::Mapping::parse(&opts.columns)?)),
        read::Source::Input(_) => Ok(None),
    }
}

/// Steps 3–5: score an input with the page's edits, audit it, explain it.
pub fn score_input(input: &Input, profile: &Profile, edits: &[Edit]) -> Report {
    score_input_in_year(input, profile, edits, None)
}

/// [`score_input`] knowing the current year (see [`ScoreOptions::current_year`]).
pub fn score_input_in_year(input: &Input, profile: &Profile, edits: &[Edit], current_year: Option<i32>) -> Report {
    let mut report = scored_and_audited(input, edits, profile, current_year);
    explain::explain(&mut report);
    report
}

/// Steps 3–4: score an input with edits and audit it (no sentences yet).
fn scored_and_audited(input: &Input, edits: &[Edit], profile: &Profile, current_year: Option<i32>) -> Report {
    let mut report = score::score_in_year(input, edits, profile, current_year);
    audit::audit(input, &mut report, profile);
    report
}

/// Steps 1–4 (read, layout, score, audit) without `explain`: the figures
/// and typed decisions of every project, no sentences yet. Explain the
/// projects that are shown with [`explained_project`]; the overview needs
/// none ([`render::Summary::of`]).
pub fn score_bytes_unexplained(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
    opts: &ScoreOptions,
) -> Result<Report, FileError> {
    // The input is not kept: its rows move into the report instead of being copied.
    let mut input = read_input(bytes, file_name, &opts.read)?;
    let projects = audited_projects(&mut input, &opts.edits, profile, opts.current_year).collect();
    Ok(Report { profile: profile.id.clone(), projects })
}

/// Steps 1–4 like [`score_bytes_unexplained`], keeping the input (unedited)
/// beside the report, so that one project can be scored again with other
/// edits without reading the file again ([`rescore_project`]).
pub fn open_bytes(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
    opts: &ScoreOptions,
) -> Result<(Input, Report), FileError> {
    let input = read_input(bytes, file_name, &opts.read)?;
    let report = scored_and_audited(&input, &opts.edits, profile, opts.current_year);
    Ok((input, report))
}

/// Score and audit project `index` of `input` again with `edits` (those of
/// other projects are ignored) and put it into `report` in place of the old
/// result: the same as scoring the whole input with those edits, for one
/// project. `None` (and `report` unchanged): no such project.
pub fn rescore_project<'r>(
    input: &Input,
    report: &'r mut Report,
    index: usize,
    edits: &[Edit],
    profile: &Profile,
    current_year: Option<i32>,
) -> Option<&'r report::ProjectResult> {
    let slot = report.projects.get_mut(index)?;
    *slot = scored_one(input, index, edits, profile, current_year)?;
    Some(slot)
}

/// Steps 3–4 for project `index` of `input` alone (`None`: no such project).
fn scored_one(
    input: &Input,
    index: usize,
    edits: &[Edit],
    profile: &Profile,
    current_year: Option<i32>,
) -> Option<report::ProjectResult> {
    let mut result = score::score_one(input, index, edits, profile, current_year)?;
    audit::audit_into(input.projects.get(index)?, &mut result, profile);
    Some(result)
}

/// Steps 3–4 for each project of `input` in turn, with one scorer for the
/// run (its lookups serve every project); each project's rows and texts
/// move out of `input` into its result.
fn audited_projects<'a>(
    input: &'a mut Input,
    edits: &'a [Edit],
    profile: &'a Profile,
    current_year: Option<i32>,
) -> impl Iterator<Item = report::ProjectResult> + 'a {
    let mut scorer = score::Scorer::new(profile, current_year);
    input.projects.iter_mut().enumerate().map(move |(index, p)| {
        let mut result = scorer.project_taking(p, index, edits);
        audit::audit_into(p, &mut result, profile);
        result
    })
}

/// Steps 3–5 for each project of `input` in turn: the projects of
/// [`score_input_in_year`]'s report, one at a time, for a caller that writes
/// each out as it comes (the CLI's JSON). The rows move out of `input`.
pub fn explained_projects<'a>(
    input: &'a mut Input,
    edits: &'a [Edit],
    profile: &'a Profile,
    current_year: Option<i32>,
) -> impl Iterator<Item = report::ProjectResult> + 'a {
    audited_projects(input, edits, profile, current_year).map(|mut project| {
        explain::explain_project(&mut project);
        project
    })
}

/// Step 5 for one project of a report from [`score_bytes_unexplained`]:
/// a copy of project `index` with its sentences written.
pub fn explained_project(report: &Report, index: usize) -> Option<report::ProjectResult> {
    let mut project = report.projects.get(index)?.clone();
    explain::explain_project(&mut project);
    Some(project)
}

/// The overview of a file ([`render::Summary`]: every project's total,
/// grade, execution rate and row status counts): steps 1–4 without
/// `explain`, since the overview shows no sentences. Each project is
/// scored, audited, added to the overview and dropped: the report of a
/// big file is never held whole.
pub fn summarize_bytes(
    bytes: &[u8],
    file_name: &str,
    profile: &Profile,
    opts: &ScoreOptions,
) -> Result<render::Summary, FileError> {
    Ok(summarize_input(read_input(bytes, file_name, &opts.read)?, profile, opts))
}

/// [`summarize_bytes`] of an input already read (the CLI reads with
/// [`read_input_owned`]); the rows move out of it as they are scored.
pub fn summarize_input(mut input: Input, profile: &Profile, opts: &ScoreOptions) -> render::Summary {
    let mut summary = render::Summary::with_capacity(input.projects.len());
    for result in audited_projects(&mut input, &opts.edits, profile, opts.current_year) {
        summary.push_owned(result);
    }
    summary
}

/// The whole pipeline: bytes → report (render it with [`render`]).
pub fn score_bytes(bytes: &[u8], file_name: &str, profile: &Profile, opts: &ScoreOptions) -> Result<Report, FileError> {
    let mut report = score_bytes_unexplained(bytes, file_name, profile, opts)?;
    explain::explain(&mut report);
    Ok(report)
}

/// What the exports render: the input with the page's edits written into it
/// (a level chosen in the page goes into the exported form), and its report.
pub fn score_for_export(input: &Input, profile: &Profile, edits: &[Edit]) -> (Input, Report) {
    let mut edited = input.clone();
    edited.apply_edits(edits);
    let report = score_input(&edited, profile, &[]);
    (edited, report)
}
