//! Flags of `fetch`, shared by every command that takes source specs.

use crate::fetch::{BaseUrls, FetchOptions, HttpConfig};
use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;
use std::time::Duration;

pub(super) const FETCH_HELP: &str = "\
Sources:
  appstore:ID         Apple's public reviews feed; no key. --country picks the
                      storefronts. Cap: 10 pages of 50, so 500 per country.
  https://PAGE        schema.org reviews marked up in a web page (JSON-LD or
                      microdata); reviews drawn by JavaScript are not seen.
  places:PLACE_ID     Google Places API (New). GOOGLE_PLACES_API_KEY.
                      Cap: 5 reviews per place, chosen by Google.
  yelp:BUSINESS       Yelp Fusion. YELP_API_KEY. Cap: 3 excerpts (text cut short).
  trustpilot:UNIT_ID  Trustpilot business unit reviews. TRUSTPILOT_API_KEY.
  play:PACKAGE        Google Play Developer API. GOOGLE_PLAY_ACCESS_TOKEN.
                      Cap: only the last 7 days.
  gbp:ACCOUNT/LOC     Google Business Profile. GBP_ACCESS_TOKEN.
  asc:APP_ID          App Store Connect customer reviews. ASC_TOKEN.

Keys and tokens are read only from those environment variables, never from
flags, and never shown in output or errors. A note on stderr says when a cap
cut the result short. Proxies come from HTTP_PROXY, HTTPS_PROXY, ALL_PROXY
and NO_PROXY.

Examples:
  replywise fetch appstore:284882215 --country us,gb > reviews.jsonl
  YELP_API_KEY=... replywise fetch yelp:gary-danko-san-francisco
  replywise fetch https://shop.example/product/42 | replywise triage
  replywise triage play:com.example.app --since 2025-06-01

Output: one JSON object per line, the fields of `triage --format jsonl`
without the verdict. Exit codes: 0 success; 2 on usage errors or when any
source failed (reviews fetched before the failure are still written).";

#[derive(Debug, Args)]
pub struct FetchCmdArgs {
    /// Sources to fetch: appstore:ID, places:ID, yelp:ID, trustpilot:ID, play:PACKAGE, gbp:ACCOUNT/LOCATION, asc:ID, or an http(s) URL.
    #[arg(value_name = "SOURCE", required = true)]
    pub sources: Vec<String>,
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Write the reviews to FILE instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<std::path::PathBuf>,
    /// No progress line and no notes; errors are still shown.
    #[arg(short = 'q', long, help_heading = "Output")]
    pub quiet: bool,
}

/// How sources are fetched; shared by every command that takes them.
#[derive(Debug, Args)]
#[command(next_help_heading = "Fetching (source specs only)")]
pub struct FetchArgs {
    /// App Store storefronts for appstore: sources (two-letter codes, comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "us", value_name = "CC")]
    pub country: Vec<String>,
    /// At most N reviews from each source.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only reviews from DATE on (YYYY-MM-DD, RFC 3339, or 30d for 30 days ago); paging stops at older ones.
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<DateTime<Utc>>,
    /// Send requests here instead of the real API (a proxy or test server); SOURCE= (appstore, places, yelp, trustpilot, play, gbp, asc) limits it to one kind.
    #[arg(long = "base-url", value_name = "[SOURCE=]URL")]
    pub base_url: Vec<String>,
    /// Seconds to wait for a whole answer.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    pub timeout: Duration,
    /// Seconds to wait for a connection.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
    pub connect_timeout: Duration,
    /// Tries per request when the server is busy (429, 5xx) or the connection fails.
    #[arg(long, value_name = "N", default_value = "4", value_parser = clap::value_parser!(u32).range(1..=10))]
    pub attempts: u32,
    /// Seconds to pause between two requests to one source, to be polite.
    #[arg(long, value_name = "SECONDS", default_value = "0.5", value_parser = parse_pause)]
    pub delay: Duration,
}

impl FetchArgs {
    pub fn options(&self) -> Result<FetchOptions, String> {
        let mut base_urls = BaseUrls::default();
        for value in &self.base_url {
            base_urls.add(value)?;
        }
        let countries = self
            .country
            .iter()
            .map(|c| {
                let c = c.trim().to_ascii_lowercase();
                if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_lowercase()) {
                    Ok(c)
                } else {
                    Err(format!(
                        "--country {c}: expected two-letter country codes such as us,gb,de"
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FetchOptions {
            countries,
            limit: self.limit,
            since: self.since,
            base_urls,
            http: HttpConfig {
                connect_timeout: self.connect_timeout,
                timeout: self.timeout,
                attempts: self.attempts,
                page_delay: self.delay,
                ..HttpConfig::default()
            },
            ..FetchOptions::default()
        })
    }
}

fn parse_since(value: &str) -> Result<DateTime<Utc>, String> {
    let value = value.trim();
    if let Some(days) = value.strip_suffix('d').and_then(|d| d.parse::<i64>().ok()) {
        return Ok(Utc::now() - chrono::Duration::days(days));
    }
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        if let Some(start) = date.and_hms_opt(0, 0, 0) {
            return Ok(start.and_utc());
        }
    }
    DateTime::parse_from_rfc3339(value)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| {
            "expected YYYY-MM-DD, an RFC 3339 time, or a number of days such as 30d".into()
        })
}

fn parse_pause(value: &str) -> Result<Duration, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (0.0..=3600.0).contains(s))
        .map(Duration::from_secs_f64)
        .ok_or_else(|| "expected a number of seconds such as 0.5".into())
}

fn parse_seconds(value: &str) -> Result<Duration, String> {
    match parse_pause(value)? {
        d if d.is_zero() => Err("expected a number of seconds above 0".into()),
        d => Ok(d),
    }
}
