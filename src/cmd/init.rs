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

const FACTS: &[Fact] = &[
    Fact { key: "business_name", why: "The name customers know you by.", example: "\"The Corner Bistro\"" },
    Fact { key: "kind", why: "What the business is; it picks wording that fits (an app is never offered a meal) and sets aside reviews of a visit elsewhere.", example: "\"restaurant\"" },
    Fact { key: "signer_name", why: "Who signs the replies.", example: "\"Sam\"" },
    Fact { key: "signer_role", why: "Their role.", example: "\"Owner\"" },
    Fact { key: "contact_email", why: "Where an unhappy customer reaches a person (one of e-mail, phone, web address).", example: "\"hello@example.com\"" },
    Fact { key: "contact_phone", why: "", example: "\"+44 20 7946 0000\"" },
    Fact { key: "contact_url", why: "", example: "\"https://example.com/contact\"" },
    Fact { key: "offers", why: "What drafts may offer; nothing else is ever offered, and with none listed drafts invite the reviewer to get in touch.", example: "[\"refund\"]" },
    Fact { key: "refund_time", why: "Time frames you are happy to promise in public.", example: "\"5 business days\"" },
    Fact { key: "delivery_time", why: "", example: "\"2-3 working days\"" },
    Fact { key: "call_back_within", why: "", example: "\"one working day\"" },
    Fact { key: "discount", why: "A discount you are happy to give.", example: "\"20%\"" },
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
    Ok(Outcome::Clean)
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
        assert!(text.contains("# contact_email = "));
        let empty = Profile::parse(&render(&[]), "t").unwrap();
        assert_eq!(empty, Profile::default());
    }
}
