//! When and how long to wait before trying a request again.
//!
//! Busy servers (429, 5xx) and dropped connections get another try after an
//! exponentially growing wait with jitter, so many clients do not come back
//! in lockstep; a `Retry-After` the server sends (seconds or an HTTP date)
//! takes precedence.

use super::client::HttpConfig;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;
use std::time::{Duration, SystemTime};

/// Statuses worth another try: rate limiting and server trouble, except
/// the 5xx answers that say the request itself will never work.
pub fn is_retryable(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS
        || (status.is_server_error()
            && status != StatusCode::NOT_IMPLEMENTED
            && status != StatusCode::HTTP_VERSION_NOT_SUPPORTED)
}

/// `Retry-After` as seconds or as an HTTP date.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// The wait before try `attempt + 1`: the step doubles per attempt up to
/// the cap; half of it is fixed and the other half random.
pub fn backoff(config: &HttpConfig, attempt: u32) -> Duration {
    let factor = 1u32 << attempt.saturating_sub(1).min(16);
    let step = config
        .backoff
        .saturating_mul(factor)
        .min(config.backoff_cap);
    step.mul_f64(0.5 + 0.5 * jitter())
}

/// A number in [0, 1) that differs per call. Jitter needs spread, not
/// cryptographic quality; std's randomly keyed hasher gives that.
fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(90);
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let wait = retry_after(&headers).unwrap();
        assert!(
            wait > Duration::from_secs(85) && wait <= Duration::from_secs(90),
            "{wait:?}"
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter() {
        let config = HttpConfig {
            backoff: Duration::from_millis(100),
            backoff_cap: Duration::from_millis(350),
            ..HttpConfig::default()
        };
        for _ in 0..50 {
            let first = backoff(&config, 1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let second = backoff(&config, 2);
            assert!(second >= Duration::from_millis(100) && second <= Duration::from_millis(200));
            let capped = backoff(&config, 9);
            assert!(capped >= Duration::from_millis(175) && capped <= Duration::from_millis(350));
        }
        let spread: std::collections::HashSet<u128> =
            (0..20).map(|_| backoff(&config, 3).as_nanos()).collect();
        assert!(spread.len() > 1, "jitter should vary the waits");
    }

    #[test]
    fn only_busy_and_failing_servers_are_retried() {
        for code in [429, 500, 502, 503, 504] {
            assert!(is_retryable(StatusCode::from_u16(code).unwrap()), "{code}");
        }
        for code in [200, 301, 400, 401, 403, 404, 501, 505] {
            assert!(!is_retryable(StatusCode::from_u16(code).unwrap()), "{code}");
        }
    }
}
