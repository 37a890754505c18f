//! The report draft as a Word document (docx-rs, without its `image`
//! feature): A4 portrait, the title, headings 一 to 六 as Word headings
//! (levels 1 and 2, so the navigation pane lists them), the indicator table
//! with 一级/二级 cells merged, page numbers in the footer (第 N 页，共 M 页).
//! Fields the user has not written are highlighted 【待填写：…】; items
//! drafted from the findings sit under a grey note. Several projects: one
//! report after another, each from a new page.

use docx_rs::{
    AlignmentType, Docx, Footer, NumPages, PageMargin, PageNum, Paragraph, Run, RunFonts, Style, StyleType, Table,
    TableCell, TableRow, VMergeType, WidthType,
};

use super::draft::{Block, Draft, TableRow as Line, TABLE_HEADER};
use super::draft_text::{blank_field, DRAFTED_NOTE};
use super::ExportError;

/// Column widths of the indicator table, in twentieths of a point (sum ≈ the text width).
const GRID: [usize; 7] = [900, 1100, 1900, 1700, 1700, 700, 744];
/// Sizes in half-points: 二号 title, 三号 body, 五号 table.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TABLE_SIZE: usize = 21;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii("Times New Roman").hi_ansi("Times New Roman")
}

fn styles(doc: Docx) -> Docx {
    doc.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(TITLE_SIZE)
            .fonts(fonts("方正小标宋简体"))
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .size(BODY_SIZE)
            .fonts(fonts("黑体"))
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .size(BODY_SIZE)
            .fonts(fonts("楷体_GB2312"))
            .outline_lvl(1),
    )
}

fn footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(28)
            .add_run(Run::new().add_text("第 "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" 页，共 "))
            .add_num_pages(NumPages::new())
            .add_run(Run::new().add_text(" 页")),
    )
}

/// A body paragraph (first line indented two characters).
fn body(run: Run) -> Paragraph {
    Paragraph::new().first_line_chars(200).add_run(run)
}

/// The drafts as one DOCX.
pub fn write(drafts: &[Draft]) -> Result<Vec<u8>, ExportError> {
    let margin = PageMargin { top: 1440, left: 1588, bottom: 1440, right: 1474, header: 851, footer: 992, gutter: 0 };
    let mut doc = styles(Docx::new())
        .page_size(11906, 16838)
        .page_margin(margin)
        .default_fonts(fonts("仿宋_GB2312"))
        .default_size(BODY_SIZE)
        .footer(footer());
    for (i, d) in drafts.iter().enumerate() {
        doc = doc.add_paragraph(
            Paragraph::new().style("Title").page_break_before(i > 0).add_run(Run::new().add_text(&d.title)),
        );
        for s in &d.sections {
            doc = doc.add_paragraph(
                Paragraph::new().style("Heading1").keep_next(true).add_run(Run::new().add_text(&s.heading)),
            );
            let mut noted = false;
            for b in &s.blocks {
                doc = match b {
                    Block::Subheading { text } => doc.add_paragraph(
                        Paragraph::new().style("Heading2").keep_next(true).add_run(Run::new().add_text(text)),
                    ),
                    Block::Computed { text } => doc.add_paragraph(body(Run::new().add_text(text))),
                    Block::Field { label, text, .. } if text.is_empty() => {
                        doc.add_paragraph(body(Run::new().add_text(blank_field(label)).highlight("yellow")))
                    }
                    Block::Field { text, .. } => text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .fold(doc, |doc, l| doc.add_paragraph(body(Run::new().add_text(l.trim())))),
                    Block::Drafted { text } => {
                        if !noted {
                            noted = true;
                            doc = doc.add_paragraph(body(
                                Run::new().add_text(DRAFTED_NOTE).italic().color("808080").size(24),
                            ));
                        }
                        doc.add_paragraph(body(Run::new().add_text(text)))
                    }
                    Block::Table { rows } => doc.add_table(table(rows)),
                    Block::List { items } => {
                        items.iter().fold(doc, |doc, t| doc.add_paragraph(body(Run::new().add_text(t))))
                    }
                };
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(|e| ExportError(e.to_string()))?;
    Ok(out.into_inner())
}

fn cell(text: &str, width: usize, bold: bool) -> TableCell {
    let run = Run::new().add_text(text).size(TABLE_SIZE);
    let run = if bold { run.bold() } else { run };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run))
}

/// The indicator table: header, then a line per row, 一级/二级 merged down their runs.
/// The header row does not repeat on each page in Word: docx-rs (0.4.22, the
/// newest) has no `w:tblHeader` (its `TableRowProperty` writes only grid and
/// width before/after, height, `cantSplit` and tracked changes), and the XML
/// is not written by hand. The page's print view repeats it (a `<thead>`).
fn table(rows: &[Line]) -> Table {
    let header =
        TableRow::new(TABLE_HEADER.iter().zip(GRID).map(|(h, w)| cell(h, w, true)).collect::<Vec<_>>()).cant_split();
    let mut out = vec![header];
    for (i, r) in rows.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| rows.get(j));
        let same1 = prev.is_some_and(|p| p.level1 == r.level1);
        let same2 = same1 && prev.is_some_and(|p| p.level2 == r.level2);
        let merged = |text: &str, w: usize, same: bool| {
            if same {
                TableCell::new().width(w, WidthType::Dxa).vertical_merge(VMergeType::Continue)
            } else {
                cell(text, w, false).vertical_merge(VMergeType::Restart)
            }
        };
        let [w1, w2, w3, w4, w5, w6, w7] = GRID;
        out.push(
            TableRow::new(vec![
                merged(&r.level1, w1, same1),
                merged(&r.level2, w2, same2),
                cell(&r.name, w3, false),
                cell(&r.target, w4, false),
                cell(&r.actual, w5, false),
                cell(&r.weight, w6, false),
                cell(&r.score, w7, false),
            ])
            .cant_split(),
        );
    }
    Table::new(out).set_grid(GRID.to_vec())
}
