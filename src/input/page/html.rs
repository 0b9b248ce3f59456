//! One pass of html5ever's tokenizer over a page: the JSON-LD blocks and
//! the microdata items it holds.
//!
//! The tokenizer is the HTML standard's own state machine, so comments,
//! attributes in any quoting, entities, and markup-like text inside
//! `<script>` or `<style>` are read as a browser reads them; no regex ever
//! looks at the HTML. A tokenizer alone does not build a tree, so open
//! elements are tracked here, with HTML's void elements and the common
//! left-out end tags (`<li>a<li>b`): enough for microdata, which hangs on
//! nesting.

use super::jsonld::short_type;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;
use serde_json::{Map, Value};
use std::cell::RefCell;

/// What a page carries in machine-readable form.
pub struct Scan {
    /// The text of each `<script type="application/ld+json">`.
    pub blocks: Vec<String>,
    /// Top-level microdata items as JSON-LD-like objects
    /// (`{"@type": "Review", "author": ...}`).
    pub items: Vec<Value>,
}

pub fn scan(html: &str) -> Scan {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    Scan {
        blocks: state.blocks,
        items: state.found,
    }
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Marks a line break inside captured text (from `<br>` and `<p>`), kept
/// apart from the page's own layout whitespace until the text is folded.
const BREAK: char = '\u{2029}';

/// An element that is open while the page is read.
struct Open {
    name: String,
    opens_item: bool,
    capture: Option<Capture>,
}

/// Text being collected as the value of `itemprop` names.
struct Capture {
    names: Vec<String>,
    text: String,
}

/// A microdata item whose element is still open.
struct Item {
    names: Vec<String>,
    node: Map<String, Value>,
}

#[derive(Default)]
struct State {
    /// Inside `<script type="application/ld+json">`.
    block: Option<String>,
    blocks: Vec<String>,
    open: Vec<Open>,
    items: Vec<Item>,
    /// Top-level microdata items, finished.
    found: Vec<Value>,
}

#[derive(Default)]
struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return state.start(&tag),
            Token::TagToken(tag) => state.end(&tag.name),
            Token::CharacterTokens(text) => state.text(&text),
            Token::EOFToken => state.close_to(0),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let attr = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.to_string())
        };
        self.implied_end(name);
        if name == "br" || name == "p" {
            self.text(&BREAK.to_string());
        }
        let names: Vec<String> = attr("itemprop")
            .map(|p| p.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let scope = attr("itemscope").is_some();
        let mut capture = None;
        if scope {
            let mut node = Map::new();
            if let Some(kind) = attr("itemtype").and_then(|t| {
                t.split_whitespace()
                    .next()
                    .map(|t| short_type(t).to_string())
            }) {
                node.insert("@type".into(), Value::String(kind));
            }
            if let Some(id) = attr("itemid") {
                node.insert("@id".into(), Value::String(id));
            }
            self.items.push(Item { names, node });
        } else if !names.is_empty() && !self.items.is_empty() {
            let value = ["content", "href", "src", "datetime", "data", "value"]
                .iter()
                .find_map(|a| attr(a).filter(|_| value_attr_applies(name, a)));
            match value {
                Some(value) => self.add(&names, Value::String(value.trim().to_string())),
                None if is_void(name) => self.add(&names, Value::String(String::new())),
                None => {
                    capture = Some(Capture {
                        names,
                        text: String::new(),
                    })
                }
            }
        }
        if is_void(name) {
            if scope {
                self.finish_item();
            }
        } else {
            self.open.push(Open {
                name: name.to_string(),
                opens_item: scope,
                capture,
            });
        }
        match name {
            "script" => {
                let is_ld = attr("type").is_some_and(|t| {
                    t.split(';')
                        .next()
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                });
                if is_ld {
                    self.block = Some(String::new());
                }
                TokenSinkResult::RawData(RawKind::ScriptData)
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }

    /// HTML lets some end tags be left out (`<li>a<li>b`): a new `li`
    /// closes the open one, unless a list opened in between.
    fn implied_end(&mut self, name: &str) {
        let (closes, boundary): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "tr" => (&["tr"], &["table", "thead", "tbody", "tfoot"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "p" => (
                &["p"],
                &["div", "section", "article", "li", "td", "blockquote"],
            ),
            _ => return,
        };
        for depth in (0..self.open.len()).rev() {
            let open = self.open[depth].name.as_str();
            if boundary.contains(&open) {
                return;
            }
            if closes.contains(&open) {
                self.close_to(depth);
                return;
            }
        }
    }

    fn end(&mut self, name: &str) {
        if name == "script" {
            if let Some(block) = self.block.take() {
                self.blocks.push(block);
            }
        }
        // An end tag closes its element and whatever was left open inside.
        if let Some(depth) = self.open.iter().rposition(|o| o.name == name) {
            self.close_to(depth);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(block) = &mut self.block {
            block.push_str(text);
            return;
        }
        for open in &mut self.open {
            if let Some(capture) = &mut open.capture {
                capture.text.push_str(text);
            }
        }
    }

    /// Closes open elements down to `depth`, finishing their values.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(open) = self.open.pop() else { break };
            if let Some(capture) = open.capture {
                self.add(&capture.names, Value::String(fold(&capture.text)));
            }
            if open.opens_item {
                self.finish_item();
            }
        }
    }

    fn finish_item(&mut self) {
        let Some(item) = self.items.pop() else { return };
        let node = Value::Object(item.node);
        if item.names.is_empty() || self.items.is_empty() {
            self.found.push(node);
        } else {
            self.add(&item.names, node);
        }
    }

    /// Adds a property to the innermost open item; a repeated name becomes
    /// a list.
    fn add(&mut self, names: &[String], value: Value) {
        let Some(item) = self.items.last_mut() else {
            return;
        };
        for name in names {
            match item.node.get_mut(name) {
                Some(Value::Array(list)) => list.push(value.clone()),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, value.clone()]);
                }
                None => {
                    item.node.insert(name.clone(), value.clone());
                }
            }
        }
    }
}

/// Which attribute holds an element's microdata value (HTML's rules, plus
/// `content` anywhere, which pages use although only `<meta>` should).
fn value_attr_applies(element: &str, attr: &str) -> bool {
    match attr {
        "content" => true,
        "href" => matches!(element, "a" | "area" | "link"),
        "src" => matches!(
            element,
            "audio" | "embed" | "iframe" | "img" | "source" | "track" | "video"
        ),
        "datetime" => element == "time",
        "data" => element == "object",
        "value" => matches!(element, "data" | "meter"),
        _ => false,
    }
}

/// Layout whitespace folded to single spaces; `<br>`/`<p>` breaks kept.
fn fold(text: &str) -> String {
    text.split(BREAK)
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
