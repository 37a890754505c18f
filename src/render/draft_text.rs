//! The report draft as plain text (the CLI's `report --format text`, the
//! page's preview): headings, sentences, the table as ` | `-separated lines,
//! user fields as 【待填写：…】 while empty, drafted items under a note.

use super::draft::{Block, Draft, TABLE_HEADER};

/// The mark of a field the user has not written yet.
pub fn blank_field(label: &str) -> String {
    format!("【待填写：{label}】")
}

/// The note over items drafted from the findings.
pub const DRAFTED_NOTE: &str = "（以下根据评分结果草拟，请核实修改）";

pub fn render(drafts: &[Draft]) -> String {
    let mut o = String::new();
    for (i, d) in drafts.iter().enumerate() {
        if i > 0 {
            o.push_str("\n\n");
        }
        draft(&mut o, d);
    }
    o
}

fn draft(o: &mut String, d: &Draft) {
    o.push_str(&d.title);
    o.push_str("\n\n");
    for s in &d.sections {
        o.push_str(&s.heading);
        o.push('\n');
        let mut noted = false;
        for b in &s.blocks {
            match b {
                Block::Subheading { text } | Block::Computed { text } => line(o, text),
                Block::Field { label, text, .. } if text.is_empty() => line(o, &blank_field(label)),
                Block::Field { text, .. } => line(o, text),
                Block::Drafted { text } => {
                    if !noted {
                        line(o, DRAFTED_NOTE);
                        noted = true;
                    }
                    line(o, text);
                }
                Block::Table { rows } => {
                    line(o, &TABLE_HEADER.join(" | "));
                    for r in rows {
                        let cells = [&r.level1, &r.level2, &r.name, &r.target, &r.actual, &r.weight, &r.score];
                        line(o, &cells.map(|c| c.as_str()).join(" | "));
                    }
                }
                Block::List { items } => items.iter().for_each(|i| line(o, i)),
            }
        }
        o.push('\n');
    }
}

fn line(o: &mut String, text: &str) {
    o.push_str(text);
    o.push('\n');
}
