//! `replywise init`: a business profile from the owner's own answers.
//!
//! Each question is asked on stderr when stdin is a terminal; answers can
//! also be piped, one per line. An answer left empty stays a commented
//! line, so drafts show a visible slot (`[contact e-mail or phone]`) rather
//! than a made-up fact.

use super::Outcome;
use crate::business::BusinessKind;
use crate::error::{Error, Result};
use crate::profile::{Offer, Profile};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

/// One line of the profile: its key, what it is for, and an example of a
/// value (shown commented out when the owner gives none).
struct Fact {
    key: &'static str,
    why: &'static str,
    example: &'static str,
}

// Examples are visible slots (`"[your ...]"`), never facts that could pass
// for the owner's: a profile that still sets one does not load.
const FACTS: &[Fact] = &[
    Fact { key: "business_name", why: "The name customers know you by.", example: "\"[your business name]\"" },
    Fact { key: "kind", why: "What the business is; it picks wording that fits (an app is never offered a meal) and sets aside reviews of a visit elsewhere.", example: "\"[your kind of business]\"" },
    Fact { key: "signer_name", why: "Who signs the replies.", example: "\"[your first name]\"" },
    Fact { key: "signer_role", why: "Their role.", example: "\"[your role, e.g. Owner]\"" },
    Fact { key: "contact_email", why: "Where an unhappy customer reaches a person (one of e-mail, phone, web address).", example: "\"[your contact e-mail]\"" },
    Fact { key: "contact_phone", why: "", example: "\"[your contact phone number]\"" },
    Fact { key: "contact_url", why: "", example: "\"[your contact page address]\"" },
    Fact { key: "offers", why: "What drafts may offer; nothing else is ever offered, and with none listed drafts invite the reviewer to get in touch.", example: "[]" },
    Fact { key: "refund_time", why: "Time frames you are happy to promise in public.", example: "\"[your refund time, e.g. 5 business days]\"" },
    Fact { key: "delivery_time", why: "", example: "\"[your delivery time]\"" },
    Fact { key: "call_back_within", why: "", example: "\"[your call-back time]\"" },
    Fact { key: "discount", why: "A discount you are happy to give.", example: "\"[your discount, e.g. 10%]\"" },
    Fact { key: "tone", why: "warm or formal.", example: "\"warm\"" },
];

/// Asks the questions and writes the profile, never over an existing
/// file unless forced.
pub fn run(path: &Path, force: bool) -> Result<Outcome> {
    let stdin = std::io::stdin();
    let asking = stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    let mut ask = |question: &str| -> String {
        if asking {
            eprint!("{question} ");
            let _ = std::io::stderr().flush();
        }
        lines
            .next()
            .and_then(|l| l.ok())
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let kinds: Vec<&str> = BusinessKind::ALL.iter().map(|k| k.name()).collect();
    let offers: Vec<&str> = Offer::ALL.iter().map(|o| o.name()).collect();
    let mut answers: Vec<(&'static str, String)> = Vec::new();
    let mut quoted = |key, value: String| {
        if !value.is_empty() {
            answers.push((key, format!("{value:?}")));
        }
    };
    quoted("business_name", ask("Business name, as customers know it:"));
    let kind = ask(&format!("What kind of business ({})?", kinds.join(", ")));
    if !kind.is_empty() && !kinds.contains(&kind.as_str()) {
        return Err(Error::Usage(format!(
            "unknown kind {kind:?}; use one of {}",
            kinds.join(", ")
        )));
    }
    quoted("kind", kind);
    quoted("signer_name", ask("Who signs the replies (a first name)?"));
    quoted("signer_role", ask("Their role (e.g. Owner)?"));
    let contact =
        ask("Where can an unhappy customer reach a person (e-mail, phone or web address)?");
    let contact_key = if contact.contains('@') {
        "contact_email"
    } else if contact.starts_with("http") {
        "contact_url"
    } else {
        "contact_phone"
    };
    quoted(contact_key, contact);
    let chosen: Vec<String> = ask(&format!(
        "What may drafts offer, comma-separated ({}; empty for none)?",
        offers.join(", ")
    ))
    .split(',')
    .map(|o| o.trim().to_string())
    .filter(|o| !o.is_empty())
    .collect();
    if let Some(bad) = chosen.iter().find(|o| !offers.contains(&o.as_str())) {
        return Err(Error::Usage(format!(
            "unknown offer {bad:?}; use any of {}",
            offers.join(", ")
        )));
    }
    let has = |o: &str| chosen.iter().any(|c| c == o);
    let follow_ups = [
        (
            "refund",
            "refund_time",
            "How long does a refund take once approved (e.g. 5 business days)?",
        ),
        (
            "redelivery",
            "delivery_time",
            "How long does a delivery usually take?",
        ),
        (
            "call_back",
            "call_back_within",
            "How soon do you call back (e.g. one working day)?",
        ),
        (
            "discount",
            "discount",
            "What discount may drafts offer (e.g. 20%)?",
        ),
    ];
    let mut timed = Vec::new();
    for (offer, key, question) in follow_ups {
        if has(offer) {
            timed.push((key, ask(question)));
        }
    }
    if !chosen.is_empty() {
        answers.push(("offers", format!("{chosen:?}")));
    }
    for (key, value) in timed {
        if !value.is_empty() {
            answers.push((key, format!("{value:?}")));
        }
    }
    let tone = ask("Tone of replies (warm or formal) [warm]:");
    if !tone.is_empty() && tone != "warm" && tone != "formal" {
        return Err(Error::Usage(format!(
            "unknown tone {tone:?}; use warm or formal"
        )));
    }
    answers.push((
        "tone",
        format!(
            "{:?}",
            if tone.is_empty() {
                "warm"
            } else {
                tone.as_str()
            }
        ),
    ));
    let text = render(&answers);
    // What is written must load; a test proves it for every answer.
    Profile::parse(&text, &path.display().to_string())?;
    write(path, &text, force)?;
    eprintln!("{}", said(path, &answers));
    Ok(Outcome::Clean)
}

/// What `init` tells the owner it wrote, and what is left to fill in.
fn said(path: &Path, answers: &[(&'static str, String)]) -> String {
    let given = |key: &str| answers.iter().any(|(k, _)| *k == key);
    let set: Vec<&str> = FACTS.iter().map(|f| f.key).filter(|k| given(k)).collect();
    let mut missing: Vec<&str> = ["business_name", "kind", "signer_name", "signer_role"]
        .into_iter()
        .filter(|k| !given(k))
        .collect();
    if !["contact_email", "contact_phone", "contact_url"]
        .iter()
        .any(|k| given(k))
    {
        missing.push("a contact (contact_email, contact_phone or contact_url)");
    }
    if !given("offers") {
        missing.push(
            "offers (until then drafts offer nothing, and invite the reviewer to get in touch)",
        );
    }
    let mut message = format!(
        "wrote {}: {}",
        path.display(),
        match set.len() {
            0 => "nothing set yet".to_string(),
            _ => format!("set {}", set.join(", ")),
        }
    );
    if !missing.is_empty() {
        message.push_str(&format!(
            ".\nStill to fill in (until then drafts show a [slot] wherever one is needed): {}",
            missing.join("; ")
        ));
    }
    message
}

/// The profile text: given facts set, the others commented out.
fn render(answers: &[(&'static str, String)]) -> String {
    let mut out = String::from(
        "# replywise business profile.\n# Drafts state only what is written here; anything missing becomes a\n# visible slot such as [contact e-mail or phone] to fill in before posting.\n",
    );
    for fact in FACTS {
        if !fact.why.is_empty() {
            out.push_str(&format!("\n# {}\n", fact.why));
        }
        let choices: Vec<&str> = match fact.key {
            "kind" => BusinessKind::ALL.iter().map(|k| k.name()).collect(),
            "offers" => Offer::ALL.iter().map(|o| o.name()).collect(),
            _ => Vec::new(),
        };
        if !choices.is_empty() {
            out.push_str(&format!("# Choose from: {}\n", choices.join(", ")));
        }
        match answers.iter().find(|(k, _)| *k == fact.key) {
            Some((_, value)) => out.push_str(&format!("{} = {value}\n", fact.key)),
            None => out.push_str(&format!("# {} = {}\n", fact.key, fact.example)),
        }
    }
    out
}

fn write(path: &Path, text: &str, force: bool) -> Result<()> {
    use std::io::ErrorKind;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let open_error = |source: std::io::Error| match source.kind() {
        ErrorKind::AlreadyExists => Error::Usage(format!(
            "{}: already exists; edit it, or pass --force to replace it",
            path.display()
        )),
        _ => Error::Open {
            path: path.to_path_buf(),
            source,
        },
    };
    let mut file = options.open(path).map_err(open_error)?;
    file.write_all(text.as_bytes()).map_err(open_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unanswered_facts_stay_commented_and_answers_load() {
        let text = render(&[
            ("business_name", "\"Harbour\"".into()),
            ("offers", "[\"refund\"]".into()),
            ("refund_time", "\"5 days\"".into()),
        ]);
        let p = Profile::parse(&text, "t").unwrap();
        assert_eq!(p.business_name.as_deref(), Some("Harbour"));
        assert_eq!(p.offers, vec![Offer::Refund]);
        assert_eq!(p.contact(), None, "no contact was given, none is made up");
        assert!(text.contains("# contact_email = \"[your contact e-mail]\""));
        let empty = Profile::parse(&render(&[]), "t").unwrap();
        assert_eq!(empty, Profile::default());
    }

    #[test]
    fn a_slot_left_in_a_set_line_does_not_load() {
        let text = render(&[]).replace("# business_name = ", "business_name = ");
        let err = Profile::parse(&text, "p.toml").unwrap_err().to_string();
        assert!(err.starts_with("p.toml:"), "{err}");
        assert!(err.contains("still a slot of the template"), "{err}");
    }

    #[test]
    fn what_was_written_and_what_is_left_is_said() {
        let told = said(
            Path::new("p.toml"),
            &[("business_name", "\"Harbour\"".into())],
        );
        assert!(
            told.starts_with("wrote p.toml: set business_name"),
            "{told}"
        );
        assert!(
            told.contains("a contact") && told.contains("offers"),
            "{told}"
        );
        assert!(!told.contains("business_name;"), "{told}");
    }
}
