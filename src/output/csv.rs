//! CSV that is safe to open in a spreadsheet.
//!
//! Columns are the keys of the JSON result, in the same order, so CSV never
//! lags behind the other formats. Lists of strings become `a; b`, other
//! nested values compact JSON. Every cell is guarded against formula
//! injection by [`crate::text::for_csv_cell`].

use super::{Row, Writer};
use crate::text::for_csv_cell;
use serde_json::Value;
use std::io::{self, Write};

pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    columns: Option<Vec<String>>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter {
            out: csv::Writer::from_writer(out),
            columns: None,
        }
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

impl<W: Write> Writer for CsvWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        let object = row.to_object();
        let columns = match &self.columns {
            Some(columns) => columns,
            None => {
                let columns: Vec<String> = object.keys().cloned().collect();
                self.out.write_record(&columns)?;
                self.columns.insert(columns)
            }
        };
        let cells = columns
            .iter()
            .map(|c| for_csv_cell(&cell(object.get(c))).into_owned());
        self.out.write_record(cells)?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
