//! The `jixiao` command line: score and audit indicator files.

use std::cell::{Cell, RefCell};
use std::process::ExitCode;

use jixiao::render::{render_audit_text, render_text};
use jixiao::{Encoding, Profile, ReadOptions, Report};

const USAGE: &str = "用法：
  jixiao score FILE... [--format text|json|csv] [--profile NAME|PATH] [--encoding auto|utf8|gbk|utf16le|utf16be]
  jixiao audit FILE... [--format text|json] [--profile NAME|PATH] [--encoding …]
  jixiao summarize FILE [--profile NAME|PATH] [--encoding …]   总览（JSON：每个项目的部门、工作表、预算、执行数、总分、填报总分、等级、执行率、各状态行数）
  jixiao read FILE [--encoding …]        输出读入的数据（JSON，可再次读入）
  --map 字段=表头 或 --map 字段=D（可重复）：表头认不出时指定各列，如 --map 年度指标值=年初目标值(A)
  jixiao profile [NAME]                  列出规则配置，或输出一个配置（JSON，可修改后用 --profile 载入）
  jixiao report FILE [--format docx|text] [-o OUT]   绩效自评报告草稿（docx 须给出 -o）
  jixiao export FILE [--format xlsx] -o OUT          项目支出绩效自评表（XLSX）
  jixiao template [--format xlsx|csv] -o OUT          空白自评表模板（XLSX 或 CSV）

退出码（score）：0 全部指标已计分；1 有指标行出错（输出仍完整）；2 文件无法读取
退出码（audit）：0 未发现问题；1 有复核发现或指标行出错；2 有文件无法读取";

#[derive(PartialEq)]
enum Format {
    Text,
    Json,
    Csv,
    Docx,
    Xlsx,
}

struct Args {
    command: String,
    files: Vec<String>,
    format: Format,
    profile: Option<String>,
    encoding: Encoding,
    out: Option<String>,
    /// `--map 字段=表头` / `--map 字段=D` (INPUT.md "When the header is not recognised").
    columns: std::collections::BTreeMap<String, String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or_else(|| USAGE.to_owned())?;
    let mut a = Args {
        command,
        files: vec![],
        format: Format::Text,
        profile: None,
        encoding: Encoding::Auto,
        out: None,
        columns: Default::default(),
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--format" => {
                a.format = match it.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("csv") => Format::Csv,
                    Some("docx") => Format::Docx,
                    Some("xlsx") => Format::Xlsx,
                    other => {
                        return Err(format!(
                            "--format 只能是 text、json、csv、docx 或 xlsx，而不是 {}",
                            other.unwrap_or("（空）")
                        ))
                    }
                }
            }
            "-o" | "--output" => a.out = Some(it.next().ok_or("-o 需要一个输出文件名")?),
            "--profile" => a.profile = Some(it.next().ok_or("--profile 需要一个名称或文件")?),
            "--encoding" => {
                let v = it.next().unwrap_or_default();
                a.encoding = serde_json::from_value(serde_json::Value::String(v.clone()))
                    .map_err(|_| format!("--encoding 不认识“{v}”（可用 auto utf8 gbk utf16le utf16be）"))?;
            }
            "--map" => {
                let v = it.next().unwrap_or_default();
                let Some((field, column)) = v.split_once('=') else {
                    return Err(format!("--map 需要“字段=表头”或“字段=列号”（如 --map 年度指标值=D），而不是“{v}”"));
                };
                a.columns.insert(field.trim().to_owned(), column.trim().to_owned());
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            f if f.starts_with("--") => return Err(format!("不认识的选项 {f}\n\n{USAGE}")),
            f => a.files.push(f.to_owned()),
        }
    }
    Ok(a)
}

fn load_profile(spec: Option<&str>) -> Result<Profile, String> {
    match spec {
        None => Profile::default_profile().map_err(|e| e.to_string()),
        Some(s) if jixiao::profile::builtin_ids().contains(&s) => Profile::builtin(s).map_err(|e| e.to_string()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("无法读取规则配置文件 {path}：{e}"))?;
            Profile::from_json(&text).map_err(|e| format!("{path}：{e}"))
        }
    }
}

/// The current year from the system clock (S28: dates with no year anywhere
/// take the year before it).
fn current_year() -> Option<i32> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(secs / 86_400).ok()?;
    Some(jixiao::expr::Ymd::from_unix_days(days).year)
}

/// A file error, with the `--map` hint when the header was not recognised.
fn file_error(e: &jixiao::FileError) -> String {
    match e {
        jixiao::FileError::NoIndicatorTable(_) => {
            format!("{e}\n可用 --map 指定各列对应的表头或列号，如 --map 年度指标值=年初目标值(A) --map 实际完成值=E")
        }
        _ => e.to_string(),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{}", jixiao::render::escape::visible(&msg));
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let args = parse_args()?;
    let read_opts = ReadOptions { encoding: args.encoding, columns: args.columns.clone(), ..Default::default() };
    match args.command.as_str() {
        "profile" => {
            match args.files.first() {
                None => {
                    for p in jixiao::profile::builtins() {
                        println!("{}\t{}", p.id, p.name);
                    }
                }
                Some(id) => {
                    let p = load_profile(Some(id))?;
                    println!("{}", serde_json::to_string_pretty(&p).map_err(|e| e.to_string())?);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "read" => {
            let [file] = args.files.as_slice() else { return Err(format!("read 需要一个文件\n\n{USAGE}")) };
            let bytes = std::fs::read(file).map_err(|e| format!("{file}：无法读取文件（{e}）"))?;
            let input =
                jixiao::read_input_owned(bytes, file, &read_opts).map_err(|e| format!("{file}：{}", file_error(&e)))?;
            print_json(&input)?;
            Ok(ExitCode::SUCCESS)
        }
        "summarize" => {
            let [file] = args.files.as_slice() else { return Err(format!("summarize 需要一个文件\n\n{USAGE}")) };
            let profile = load_profile(args.profile.as_deref())?;
            let bytes = std::fs::read(file).map_err(|e| format!("{file}：无法读取文件（{e}）"))?;
            let opts = jixiao::ScoreOptions { read: read_opts, edits: vec![], current_year: current_year() };
            let input = jixiao::read_input_owned(bytes, file, &opts.read).map_err(|e| format!("{file}：{e}"))?;
            let summary = jixiao::summarize_input(input, &profile, &opts);
            print_json(&summary)?;
            Ok(ExitCode::SUCCESS)
        }
        "score" | "audit" => score_files(&args, read_opts),
        "report" | "export" | "template" => write_document(&args, &read_opts),
        other => Err(format!("不认识的命令 {other}\n\n{USAGE}")),
    }
}

/// `score` and `audit`: every file read first (the unreadable ones named on
/// stderr; none readable: exit 2 and nothing on stdout), then each project
/// scored, audited and explained in turn. The JSON is written project by
/// project as they are scored: the report of a 100,000-row file is never
/// held whole.
fn score_files(args: &Args, read: ReadOptions) -> Result<ExitCode, String> {
    if args.files.is_empty() {
        return Err(format!("请给出要计分的文件\n\n{USAGE}"));
    }
    let profile = load_profile(args.profile.as_deref())?;
    // --encoding applies to every file scored or audited, as to `read`.
    let opts = jixiao::ScoreOptions { read, current_year: current_year(), ..Default::default() };
    let mut inputs = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let input = std::fs::read(file)
            .map_err(|e| format!("无法读取文件（{e}）"))
            .and_then(|b| jixiao::read_input_owned(b, file, &opts.read).map_err(|e| file_error(&e)));
        match input {
            Ok(input) => inputs.push((file, input)),
            Err(msg) => eprintln!("{}", jixiao::render::escape::visible(&format!("{file}：{msg}"))),
        }
    }
    if inputs.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let all_read = inputs.len() == args.files.len();
    let (scored, findings) = (Cell::new(true), Cell::new(false));
    let projects = inputs.iter_mut().flat_map(|(file, input)| {
        jixiao::explained_projects(input, &opts.edits, &profile, opts.current_year).map(|mut p| {
            p.file = Some((*file).clone());
            scored.set(scored.get() && p.is_scored());
            findings.set(findings.get() || !p.audit.is_empty());
            p
        })
    });
    if args.format == Format::Json {
        print_json(&Streamed { profile: &profile.id, projects: RefCell::new(Some(projects)) })?;
    } else {
        let report = Report { profile: profile.id.clone(), projects: projects.collect() };
        if args.format == Format::Csv {
            use std::io::Write;
            std::io::stdout().write_all(&jixiao::render::to_csv(&report)).map_err(|e| e.to_string())?;
        } else if args.command == "audit" {
            print!("{}", render_audit_text(&report));
        } else {
            print!("{}", render_text(&report));
        }
        // The process ends here: its memory goes back at once, not freed
        // row by row (about a tenth of the CPU time of a 100k-row file).
        std::mem::forget(report);
    }
    std::mem::forget(inputs);
    Ok(if args.command == "audit" {
        // 0 clean, 1 findings (or rows in error), 2 a file unreadable:
        // a script can sort a folder of forms by it.
        ExitCode::from(match (all_read, findings.get() || !scored.get()) {
            (true, false) => 0,
            (true, true) => 1,
            _ => 2,
        })
    } else if scored.get() && all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A [`Report`] whose projects are serialised as the iterator yields them
/// (the same JSON as the report's).
struct Streamed<'a, I> {
    profile: &'a str,
    projects: RefCell<Option<I>>,
}

impl<I: Iterator<Item = jixiao::report::ProjectResult>> serde::Serialize for Streamed<'_, I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut report = s.serialize_struct("Report", 2)?;
        report.serialize_field("profile", self.profile)?;
        report.serialize_field("projects", &Projects(&self.projects))?;
        report.end()
    }
}

struct Projects<'r, I>(&'r RefCell<Option<I>>);

impl<I: Iterator<Item = jixiao::report::ProjectResult>> serde::Serialize for Projects<'_, I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.borrow_mut().take().into_iter().flatten())
    }
}

/// `report`, `export` and `template`: a document written to `-o` (text may go to stdout).
fn write_document(args: &Args, read_opts: &ReadOptions) -> Result<ExitCode, String> {
    use jixiao::render::{csv, docx, draft, draft_text, xlsx};
    use jixiao::score_for_export as scored;
    let bytes = if args.command == "template" {
        match args.format {
            Format::Csv => csv::blank_template(),
            Format::Xlsx | Format::Text => xlsx::blank_template().map_err(|e| e.to_string())?,
            _ => return Err(format!("template 不支持这种 --format（xlsx、csv）\n\n{USAGE}")),
        }
    } else {
        let [file] = args.files.as_slice() else {
            return Err(format!("{} 需要一个文件\n\n{USAGE}", args.command));
        };
        let bytes = std::fs::read(file).map_err(|e| format!("{file}：无法读取文件（{e}）"))?;
        let input = jixiao::read_input(&bytes, file, read_opts).map_err(|e| format!("{file}：{e}"))?;
        let profile = load_profile(args.profile.as_deref())?;
        let (input, report) = scored(&input, &profile, &[]);
        match (args.command.as_str(), &args.format) {
            ("export", Format::Xlsx | Format::Text) => xlsx::form(&input, &report).map_err(|e| e.to_string())?,
            ("report", Format::Docx) => {
                docx::write(&draft::drafts(&input, &report, &profile)).map_err(|e| e.to_string())?
            }
            ("report", Format::Text) => draft_text::render(&draft::drafts(&input, &report, &profile)).into_bytes(),
            (cmd, _) => return Err(format!("{cmd} 不支持这种 --format（report：docx、text；export：xlsx）")),
        }
    };
    match &args.out {
        Some(out) => std::fs::write(out, &bytes).map_err(|e| format!("{out}：无法写入（{e}）"))?,
        None if args.format == Format::Text && args.command == "report" => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes).map_err(|e| e.to_string())?;
        }
        None => return Err(format!("请用 -o 给出输出文件名\n\n{USAGE}")),
    }
    Ok(ExitCode::SUCCESS)
}

/// Pretty JSON and a line break on stdout, written as it is produced (a
/// large report is never held as one string).
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| e.to_string())?;
    writeln!(out).and_then(|()| out.flush()).map_err(|e| e.to_string())
}
