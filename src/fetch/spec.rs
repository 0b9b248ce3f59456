//! Source specs: `appstore:284882215`, `yelp:some-biz`, `https://...`.
//!
//! A spec is recognised by its prefix, so commands can take specs and file
//! paths side by side; anything that does not start with a known prefix is
//! a path (write `./appstore:1` for a file with such a name).

use reqwest::Url;
use std::fmt;

/// Which kind of source a spec names; `--base-url KIND=URL` uses the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    AppStore,
    Web,
    Places,
    Yelp,
    Trustpilot,
    Play,
    BusinessProfile,
    AppStoreConnect,
}

impl SourceKind {
    /// Kinds with a prefix of their own (the web has `http(s)://`).
    pub const PREFIXED: [SourceKind; 7] = [
        SourceKind::AppStore,
        SourceKind::Places,
        SourceKind::Yelp,
        SourceKind::Trustpilot,
        SourceKind::Play,
        SourceKind::BusinessProfile,
        SourceKind::AppStoreConnect,
    ];

    pub fn prefix(self) -> &'static str {
        match self {
            SourceKind::AppStore => "appstore",
            SourceKind::Web => "web",
            SourceKind::Places => "places",
            SourceKind::Yelp => "yelp",
            SourceKind::Trustpilot => "trustpilot",
            SourceKind::Play => "play",
            SourceKind::BusinessProfile => "gbp",
            SourceKind::AppStoreConnect => "asc",
        }
    }

    pub fn from_prefix(prefix: &str) -> Option<SourceKind> {
        SourceKind::PREFIXED
            .into_iter()
            .find(|k| k.prefix().eq_ignore_ascii_case(prefix))
    }

    /// Where the real API lives; `--base-url` replaces it.
    pub fn default_base(self) -> &'static str {
        match self {
            SourceKind::AppStore => "https://itunes.apple.com",
            SourceKind::Web => "",
            SourceKind::Places => "https://places.googleapis.com",
            SourceKind::Yelp => "https://api.yelp.com",
            SourceKind::Trustpilot => "https://api.trustpilot.com",
            SourceKind::Play => "https://androidpublisher.googleapis.com",
            SourceKind::BusinessProfile => "https://mybusiness.googleapis.com",
            SourceKind::AppStoreConnect => "https://api.appstoreconnect.apple.com",
        }
    }
}

/// A place to fetch reviews from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    AppStore { app_id: String },
    Web { url: Url },
    Places { place_id: String },
    Yelp { business: String },
    Trustpilot { business_unit: String },
    Play { package: String },
    BusinessProfile { account: String, location: String },
    AppStoreConnect { app_id: String },
}

/// Why a spec that names a source kind is not usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub spec: String,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.spec, self.message)
    }
}

impl Source {
    /// `None` when `spec` is not a source spec at all (so it is a path).
    pub fn parse(spec: &str) -> Option<Result<Source, SpecError>> {
        let lower = spec.get(..8).unwrap_or(spec).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Some(
                Url::parse(spec)
                    .map(|url| Source::Web { url })
                    .map_err(|e| error(spec, format!("not a valid URL ({e})"))),
            );
        }
        let (prefix, rest) = spec.split_once(':')?;
        let kind = SourceKind::from_prefix(prefix)?;
        Some(Source::parse_kind(kind, spec, rest.trim()))
    }

    fn parse_kind(kind: SourceKind, spec: &str, rest: &str) -> Result<Source, SpecError> {
        let id = |what: &str, ok: fn(char) -> bool| -> Result<String, SpecError> {
            if !rest.is_empty() && rest.chars().all(ok) {
                Ok(rest.to_string())
            } else {
                Err(error(
                    spec,
                    format!("expected {what} after '{}:'", kind.prefix()),
                ))
            }
        };
        let token = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~');
        Ok(match kind {
            SourceKind::AppStore => Source::AppStore {
                app_id: digits(
                    spec,
                    rest,
                    "the app's number, as in apps.apple.com/app/id284882215",
                )?,
            },
            SourceKind::AppStoreConnect => Source::AppStoreConnect {
                app_id: digits(
                    spec,
                    rest,
                    "the app's Apple ID (a number, see App Store Connect > App Information)",
                )?,
            },
            SourceKind::Places => Source::Places {
                place_id: id("a place id such as ChIJN1t_tDeuEmsRUsoyG83frY4", token)?,
            },
            SourceKind::Yelp => Source::Yelp {
                business: id(
                    "a business id or alias such as gary-danko-san-francisco",
                    token,
                )?,
            },
            SourceKind::Trustpilot => Source::Trustpilot {
                business_unit: id("a business unit id", token)?,
            },
            SourceKind::Play => Source::Play {
                package: id("a package name such as com.example.app", |c| {
                    c.is_ascii_alphanumeric() || c == '.' || c == '_'
                })?,
            },
            SourceKind::BusinessProfile => {
                let path = rest.strip_prefix("accounts/").unwrap_or(rest);
                let (account, location) = path
                    .split_once('/')
                    .map(|(a, l)| (a, l.strip_prefix("locations/").unwrap_or(l)))
                    .filter(|(a, l)| {
                        [a, l]
                            .iter()
                            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                    })
                    .ok_or_else(|| {
                        error(
                            spec,
                            "expected gbp:ACCOUNT/LOCATION (two numbers, as in accounts/1/locations/2)".into(),
                        )
                    })?;
                Source::BusinessProfile {
                    account: account.to_string(),
                    location: location.to_string(),
                }
            }
            SourceKind::Web => {
                return Err(error(
                    spec,
                    "give the page as an http:// or https:// URL".into(),
                ))
            }
        })
    }

    pub fn kind(&self) -> SourceKind {
        match self {
            Source::AppStore { .. } => SourceKind::AppStore,
            Source::Web { .. } => SourceKind::Web,
            Source::Places { .. } => SourceKind::Places,
            Source::Yelp { .. } => SourceKind::Yelp,
            Source::Trustpilot { .. } => SourceKind::Trustpilot,
            Source::Play { .. } => SourceKind::Play,
            Source::BusinessProfile { .. } => SourceKind::BusinessProfile,
            Source::AppStoreConnect { .. } => SourceKind::AppStoreConnect,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = self.kind().prefix();
        match self {
            Source::Web { url } => write!(f, "{url}"),
            Source::AppStore { app_id } | Source::AppStoreConnect { app_id } => {
                write!(f, "{prefix}:{app_id}")
            }
            Source::Places { place_id: id }
            | Source::Yelp { business: id }
            | Source::Trustpilot { business_unit: id }
            | Source::Play { package: id } => write!(f, "{prefix}:{id}"),
            Source::BusinessProfile { account, location } => {
                write!(f, "{prefix}:{account}/{location}")
            }
        }
    }
}

fn digits(spec: &str, rest: &str, what: &str) -> Result<String, SpecError> {
    let id = rest.strip_prefix("id").unwrap_or(rest);
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()) {
        Ok(id.to_string())
    } else {
        Err(error(spec, format!("expected {what}")))
    }
}

fn error(spec: &str, message: String) -> SpecError {
    SpecError {
        spec: spec.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_into_sources() {
        let ok = |s: &str| Source::parse(s).unwrap().unwrap();
        assert_eq!(
            ok("appstore:284882215"),
            Source::AppStore {
                app_id: "284882215".into()
            }
        );
        assert_eq!(
            ok("appstore:id284882215"),
            Source::AppStore {
                app_id: "284882215".into()
            }
        );
        assert_eq!(
            ok("play:com.example.app"),
            Source::Play {
                package: "com.example.app".into()
            }
        );
        assert_eq!(
            ok("gbp:accounts/12/locations/34"),
            Source::BusinessProfile {
                account: "12".into(),
                location: "34".into()
            }
        );
        assert_eq!(
            ok("gbp:12/34"),
            Source::BusinessProfile {
                account: "12".into(),
                location: "34".into()
            }
        );
        assert_eq!(
            ok("yelp:gary-danko-san-francisco").to_string(),
            "yelp:gary-danko-san-francisco"
        );
        assert!(matches!(ok("https://shop.example/p/1"), Source::Web { .. }));
        assert!(matches!(ok("HTTP://127.0.0.1:8080/x"), Source::Web { .. }));
    }

    #[test]
    fn paths_are_not_sources() {
        for path in [
            "reviews.csv",
            "-",
            "C:\\data\\x.json",
            "./appstore:1",
            "notes:today.txt",
        ] {
            assert!(Source::parse(path).is_none(), "{path}");
        }
    }

    #[test]
    fn bad_ids_are_clear_errors() {
        for spec in [
            "appstore:",
            "appstore:abc",
            "play:com/evil",
            "gbp:1",
            "yelp:a b",
            "places:x?y",
        ] {
            let err = Source::parse(spec).unwrap().unwrap_err();
            assert!(err.to_string().starts_with(spec), "{err}");
            assert!(err.message.starts_with("expected"), "{err}");
        }
    }
}
