//! The built-in phrasebook, embedded so the tool works from any directory.

/// `(path, text)` of the shared settings.
pub const SETTINGS: (&str, &str) = (
    "phrasebook/rewrite.toml",
    include_str!("../../phrasebook/rewrite.toml"),
);

/// `(path, text)` of every built-in rule file, in load order. On an exact
/// tie between matches the earlier rule wins, so the broad refusals load last.
pub const RULE_FILES: &[(&str, &str)] = &[
    (
        "phrasebook/rules/conditions.toml",
        include_str!("../../phrasebook/rules/conditions.toml"),
    ),
    (
        "phrasebook/rules/time.toml",
        include_str!("../../phrasebook/rules/time.toml"),
    ),
    (
        "phrasebook/rules/availability.toml",
        include_str!("../../phrasebook/rules/availability.toml"),
    ),
    (
        "phrasebook/rules/blame.toml",
        include_str!("../../phrasebook/rules/blame.toml"),
    ),
    (
        "phrasebook/rules/commands.toml",
        include_str!("../../phrasebook/rules/commands.toml"),
    ),
    (
        "phrasebook/rules/brush-offs.toml",
        include_str!("../../phrasebook/rules/brush-offs.toml"),
    ),
    (
        "phrasebook/rules/softeners.toml",
        include_str!("../../phrasebook/rules/softeners.toml"),
    ),
    (
        "phrasebook/rules/wording.toml",
        include_str!("../../phrasebook/rules/wording.toml"),
    ),
    (
        "phrasebook/rules/refusals.toml",
        include_str!("../../phrasebook/rules/refusals.toml"),
    ),
    (
        "phrasebook/rules/negation.toml",
        include_str!("../../phrasebook/rules/negation.toml"),
    ),
];
