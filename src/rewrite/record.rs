//! Rewriting one JSON Lines record: the text field is rewritten and the
//! object gains `rewritten` and `findings`. Shared by `rewrite --jsonl`
//! and its benchmark, so the benchmark measures what users run.

use super::{Engine, Rewritten};
use serde_json::{Map, Value};

/// The object on `line` with `rewritten` and `findings` added, or what is
/// wrong with the line (for a message naming its line number).
pub fn rewrite_record(
    engine: &Engine,
    line: &[u8],
    field: &str,
) -> Result<(Map<String, Value>, Rewritten), String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("not UTF-8 at byte {}", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
    if !value.is_object() {
        return Err("expected a JSON object".into());
    }
    let draft = crate::input::get_path(&value, field)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("no text in field {field:?}; choose another with --field NAME"))?;
    let result = engine.rewrite(draft);
    let Value::Object(mut object) = value else {
        return Err("expected a JSON object".into());
    };
    object.insert("rewritten".into(), Value::String(result.text.clone()));
    object.insert(
        "findings".into(),
        serde_json::to_value(&result.findings).unwrap_or(Value::Null),
    );
    Ok((object, result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_gain_rewritten_and_findings() {
        let engine = Engine::builtin();
        let (object, _) =
            rewrite_record(engine, br#"{"id":7,"r":{"t":"No problem!"}}"#, "r.t").unwrap();
        assert_eq!(object["rewritten"], "Happy to help!");
        assert_eq!(object["findings"][0]["rule"], "no-problem-alone");
        assert_eq!(object["id"], 7);
        assert!(rewrite_record(engine, b"[1]", "text")
            .unwrap_err()
            .contains("object"));
        assert!(rewrite_record(engine, br#"{"x":1}"#, "text")
            .unwrap_err()
            .contains("--field"));
        assert!(rewrite_record(engine, b"\xff", "text")
            .unwrap_err()
            .contains("UTF-8"));
    }
}
