//! API keys and tokens: read from the environment only, and kept out of
//! everything replywise prints.
//!
//! A key on the command line ends up in shell history and `ps` output, so
//! there is no flag for one. A [`Secret`] has no `Display` and a redacted
//! `Debug`, and every URL or server message that reaches an error passes
//! through a [`Redactor`] that knows the secrets in use.

use reqwest::Url;
use std::fmt;

/// A key or token. It can be sent in a request header and nowhere else.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for the one place that needs it: a request header.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// The environment variable each keyed source reads.
pub const GOOGLE_PLACES_API_KEY: &str = "GOOGLE_PLACES_API_KEY";
pub const YELP_API_KEY: &str = "YELP_API_KEY";
pub const TRUSTPILOT_API_KEY: &str = "TRUSTPILOT_API_KEY";
pub const GOOGLE_PLAY_ACCESS_TOKEN: &str = "GOOGLE_PLAY_ACCESS_TOKEN";
pub const GBP_ACCESS_TOKEN: &str = "GBP_ACCESS_TOKEN";
pub const ASC_TOKEN: &str = "ASC_TOKEN";

/// The keys and tokens available to this run.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    vars: Vec<(&'static str, Secret)>,
}

impl Credentials {
    /// Reads every known variable; empty values count as unset.
    pub fn from_env() -> Credentials {
        let mut credentials = Credentials::default();
        for var in [
            GOOGLE_PLACES_API_KEY,
            YELP_API_KEY,
            TRUSTPILOT_API_KEY,
            GOOGLE_PLAY_ACCESS_TOKEN,
            GBP_ACCESS_TOKEN,
            ASC_TOKEN,
        ] {
            if let Some(value) = std::env::var(var).ok().filter(|v| !v.trim().is_empty()) {
                credentials = credentials.with(var, Secret::new(value.trim()));
            }
        }
        credentials
    }

    /// The same credentials plus one more (for tests and embedding).
    pub fn with(mut self, var: &'static str, secret: Secret) -> Credentials {
        self.vars.retain(|(v, _)| *v != var);
        self.vars.push((var, secret));
        self
    }

    pub fn get(&self, var: &str) -> Option<&Secret> {
        self.vars.iter().find(|(v, _)| *v == var).map(|(_, s)| s)
    }

    /// A redactor that knows every secret of this run, so even a key for
    /// another source that a server echoes back is hidden.
    pub fn redactor(&self) -> Redactor {
        Redactor {
            values: self
                .vars
                .iter()
                .map(|(_, s)| s.0.clone())
                .filter(|v| v.len() >= 4)
                .collect(),
        }
    }
}

/// Query parameters that carry credentials in the APIs replywise talks to
/// or in URLs users paste.
const SENSITIVE_PARAMS: &[&str] = &[
    "key",
    "apikey",
    "api_key",
    "access_token",
    "token",
    "client_secret",
    "signature",
    "sig",
];

const REDACTED: &str = "[REDACTED]";

/// Hides secrets in text that is about to be shown.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    values: Vec<String>,
}

impl Redactor {
    /// Text with every known secret value replaced.
    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_string();
        for value in &self.values {
            if out.contains(value.as_str()) {
                out = out.replace(value.as_str(), REDACTED);
            }
        }
        out
    }

    /// A URL fit for an error message: credentials in the user-info part
    /// and in sensitive query parameters are replaced, then known secret
    /// values anywhere else.
    pub fn url(&self, url: &Url) -> String {
        let mut url = url.clone();
        if url.password().is_some() {
            let _ = url.set_password(Some("REDACTED"));
        }
        if url.query().is_some() {
            let pairs: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| {
                    let hide = SENSITIVE_PARAMS.iter().any(|p| k.eq_ignore_ascii_case(p));
                    (
                        k.into_owned(),
                        if hide {
                            "REDACTED".into()
                        } else {
                            v.into_owned()
                        },
                    )
                })
                .collect();
            url.query_pairs_mut().clear().extend_pairs(pairs);
        }
        self.text(url.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug_output() {
        let credentials = Credentials::default().with(YELP_API_KEY, Secret::new("s3cr3t-key"));
        let shown = format!("{credentials:?}");
        assert!(!shown.contains("s3cr3t-key"), "{shown}");
    }

    #[test]
    fn urls_lose_keys_in_query_and_user_info() {
        let redactor = Credentials::default()
            .with(GOOGLE_PLACES_API_KEY, Secret::new("AIzaSECRET"))
            .redactor();
        let url = Url::parse(
            "https://user:pw@example.com/v1/places/X/AIzaSECRET?key=abc&fields=reviews&apikey=zz",
        )
        .unwrap();
        let shown = redactor.url(&url);
        for secret in ["pw@", "abc", "zz", "AIzaSECRET"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("fields=reviews"), "{shown}");
    }

    #[test]
    fn server_messages_lose_known_secret_values() {
        let redactor = Credentials::default()
            .with(ASC_TOKEN, Secret::new("eyJhbGciOi.token"))
            .redactor();
        assert_eq!(
            redactor.text("bad token eyJhbGciOi.token given"),
            "bad token [REDACTED] given"
        );
    }
}
