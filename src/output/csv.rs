//! CSV that is safe to open in a spreadsheet.
//!
//! Columns are the keys of the JSON result, in the same order, so CSV never
//! lags behind the other formats. Lists of strings become `a; b`, other
//! nested values compact JSON. Every text cell is guarded against formula
//! injection by [`crate::text::for_csv_cell`]; numbers are written as numbers.

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

/// A cell's text; only text that came from a person is guarded, so a
/// score of -1.6 stays a number a spreadsheet can sum.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => for_csv_cell(s).into_owned(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            let joined = items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; ");
            for_csv_cell(&joined).into_owned()
        }
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => for_csv_cell(&other.to_string()).into_owned(),
    }
}

/// The `csv` crate wraps I/O errors so that their kind is lost; a closed
/// pipe must stay a closed pipe, which the binary treats as a clean exit.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> Writer for CsvWriter<W> {
    fn write(&mut self, row: &Row) -> io::Result<()> {
        let object = row.to_object();
        let columns = match &self.columns {
            Some(columns) => columns,
            None => {
                let columns: Vec<String> = object.keys().cloned().collect();
                self.out.write_record(&columns).map_err(io_error)?;
                self.columns.insert(columns)
            }
        };
        let cells = columns.iter().map(|c| cell(object.get(c)));
        self.out.write_record(cells).map_err(io_error)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
