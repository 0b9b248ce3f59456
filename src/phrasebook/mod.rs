//! The phrasebook: rules that turn "can't" wording into "can" wording,
//! kept as data in `phrasebook/` so anyone can read, extend and test them.
//!
//! The built-in rules are embedded in the binary. A user's directory with
//! the same layout (`rewrite.toml`, `rules/*.toml`) is layered on top: a
//! rule with a built-in id replaces it, `disable = [...]` switches rules
//! off, and macros, idioms and protected names add to the built-in ones.
//! Every problem is found here, before any text is processed.

mod analysed;
mod builtin;
pub mod folded;
pub mod literals;
mod load;
mod model;
pub mod pattern;
pub mod reach;
pub mod template;

pub use model::{Anchor, Category, Example, FixKind, Keep, Rule};
pub use pattern::{Guarded, LazyRegex, Macros};

use crate::error::{Error, Result};
use load::{parse_rules, parse_settings, Source};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded, validated phrasebook.
#[derive(Debug, Clone)]
pub struct Phrasebook {
    /// Every rule, in load order, including disabled ones.
    pub rules: Vec<Rule>,
    /// Ids switched off with `disable = [...]`.
    pub disabled: BTreeSet<String>,
    /// Positive uses never rewritten ("can't wait", "can't recommend ...
    /// enough").
    pub idioms: Vec<Guarded>,
    /// Product and brand names never rewritten, matched literally.
    pub protect: Vec<String>,
    /// By category of limit: added after the limit a suggestion keeps
    /// verbatim ("…, but we can [what we can do instead]").
    pub beside: BTreeMap<Category, String>,
    pub macros: Macros,
    /// The files read, in order.
    pub files: Vec<String>,
}

impl Phrasebook {
    /// The built-in phrasebook. Tests prove it loads.
    pub fn builtin() -> Phrasebook {
        Phrasebook::load(None).expect("the built-in phrasebook is valid (tested)")
    }

    /// The built-in phrasebook with the user's directory layered on top.
    /// The user's patterns are compiled now, so a mistake is reported
    /// before any text is read; built-in ones (proven by tests) compile on
    /// first use, which keeps start-up fast.
    pub fn load(user_dir: Option<&Path>) -> Result<Phrasebook> {
        Phrasebook::load_with(user_dir, false)
    }

    /// Like [`Phrasebook::load`], but compiles every pattern, built-in ones
    /// included: for `phrasebook check` and the tests.
    pub fn load_checked(user_dir: Option<&Path>) -> Result<Phrasebook> {
        Phrasebook::load_with(user_dir, true)
    }

    fn load_with(user_dir: Option<&Path>, eager_builtin: bool) -> Result<Phrasebook> {
        let user = user_dir.map(UserFiles::read).transpose()?;
        let mut settings = Vec::new();
        settings.push((
            builtin::SETTINGS.0.to_string(),
            builtin::SETTINGS.1.to_string(),
            eager_builtin,
        ));
        if let Some((path, text)) = user.as_ref().and_then(|u| u.settings.clone()) {
            settings.push((path, text, true));
        }
        let mut book = Phrasebook {
            rules: Vec::new(),
            disabled: BTreeSet::new(),
            idioms: Vec::new(),
            protect: Vec::new(),
            beside: BTreeMap::new(),
            macros: Macros::new(),
            files: Vec::new(),
        };
        let mut disables = Vec::new();
        for (path, text, eager) in &settings {
            let source = Source::new(path, text);
            let file = parse_settings(&source)?;
            book.beside.extend(file.beside);
            for (name, body) in file.macros {
                book.macros.insert(name, body.into_inner());
            }
            for idiom in file.idioms {
                let guarded = pattern::expand(idiom.get_ref(), &book.macros)
                    .and_then(|p| {
                        let analysis =
                            literals::Analyser::new(&book.macros).analyse(idiom.get_ref())?;
                        let regex = LazyRegex::new(p);
                        if *eager {
                            regex.compile()?;
                        }
                        Ok(Guarded {
                            regex,
                            required: analysis.required,
                        })
                    })
                    .map_err(|e| source.error(idiom.span(), format!("idiom pattern: {e}")))?;
                book.idioms.push(guarded);
            }
            book.protect.extend(
                file.protect
                    .into_iter()
                    .map(|name| name.into_inner().trim().to_string())
                    .filter(|name| !name.is_empty()),
            );
            disables.extend(
                file.disable
                    .into_iter()
                    .map(|d| (path.clone(), text.clone(), d)),
            );
            book.files.push(path.clone());
        }

        // (path, text, from the user)
        let mut rule_files: Vec<(String, String, bool)> = builtin::RULE_FILES
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string(), false))
            .collect();
        if let Some(user) = &user {
            rule_files.extend(user.rules.iter().map(|(p, t)| (p.clone(), t.clone(), true)));
        }
        let mut index: HashMap<String, (usize, bool)> = HashMap::new();
        let analyser = literals::Analyser::new(&book.macros);
        let shared = Arc::new(book.macros.clone());
        for (path, text, is_user) in &rule_files {
            let source = Source::new(path, text);
            let loaded = parse_rules(&source, &analyser, &shared, *is_user || eager_builtin)?;
            for (rule, span) in loaded.rules {
                match index.get(&rule.id) {
                    Some(&(at, from_user)) if from_user == *is_user => {
                        let first = &book.rules[at];
                        return Err(source.error(
                            span,
                            format!(
                                "rule id {:?} is already used at {}:{}; ids must be unique",
                                rule.id, first.file, first.line
                            ),
                        ));
                    }
                    Some(&(at, _)) => {
                        index.insert(rule.id.clone(), (at, true));
                        book.rules[at] = rule;
                    }
                    None => {
                        index.insert(rule.id.clone(), (book.rules.len(), *is_user));
                        book.rules.push(rule);
                    }
                }
            }
            disables.extend(
                loaded
                    .disable
                    .into_iter()
                    .map(|d| (path.clone(), text.clone(), d)),
            );
            book.files.push(path.clone());
        }
        for (path, text, id) in disables {
            if !index.contains_key(id.get_ref()) {
                let source = Source::new(&path, &text);
                return Err(source.error(
                    id.span(),
                    format!(
                        "`disable` names {:?}, which is not a rule; `replywise phrasebook list` shows the ids",
                        id.get_ref()
                    ),
                ));
            }
            book.disabled.insert(id.into_inner());
        }
        Ok(book)
    }

    /// The rules that are switched on.
    pub fn enabled(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| !self.disabled.contains(&r.id))
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Enabled rules per category, in category order.
    pub fn counts(&self) -> Vec<(Category, usize)> {
        Category::ALL
            .iter()
            .map(|&c| (c, self.enabled().filter(|r| r.category == c).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }
}

/// The files of a user's phrasebook directory.
struct UserFiles {
    settings: Option<(String, String)>,
    rules: Vec<(String, String)>,
}

impl UserFiles {
    fn read(dir: &Path) -> Result<UserFiles> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "{}: not a directory; --phrasebook takes a directory laid out like the built-in one (rewrite.toml, rules/*.toml)",
                dir.display()
            )));
        }
        let settings_path = dir.join("rewrite.toml");
        let settings = settings_path
            .is_file()
            .then(|| read_text(&settings_path))
            .transpose()?;
        let rules_dir = dir.join("rules");
        let mut paths: Vec<PathBuf> = Vec::new();
        if rules_dir.is_dir() {
            let entries = std::fs::read_dir(&rules_dir).map_err(|source| Error::Open {
                path: rules_dir.clone(),
                source,
            })?;
            for entry in entries {
                let path = entry
                    .map_err(|source| Error::Open {
                        path: rules_dir.clone(),
                        source,
                    })?
                    .path();
                if path.extension().is_some_and(|e| e == "toml") {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        if settings.is_none() && paths.is_empty() {
            return Err(Error::Usage(format!(
                "{}: no phrasebook here; expected rewrite.toml or rules/*.toml, laid out like the built-in phrasebook",
                dir.display()
            )));
        }
        let rules = paths.iter().map(|p| read_text(p)).collect::<Result<_>>()?;
        Ok(UserFiles { settings, rules })
    }
}

/// A phrasebook file as `(path, text)`; bytes that are not UTF-8 are a
/// located error, not a panic.
fn read_text(path: &Path) -> Result<(String, String)> {
    let bytes = std::fs::read(path).map_err(|source| Error::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let shown = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok((shown, text)),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let (line, column) = crate::text::line_column(good, good.len());
            Err(Error::Phrasebook {
                path: shown,
                line,
                column,
                message: "not UTF-8 text; save the file as UTF-8".into(),
            })
        }
    }
}
