//! Closed sets with snake_case names: one macro for the enums whose names
//! appear in data, profiles and output (topics, kinds of business), so each
//! is listed once and its names, `ALL` and lookup cannot drift apart.

/// Defines a closed enum, its `ALL` list, `name()` and `from_name()`.
macro_rules! named_set {
    ($(#[$meta:meta])* $set:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $set { $($variant,)* }

        impl $set {
            pub const ALL: &'static [$set] = &[$($set::$variant,)*];

            /// The snake_case name used in data, profiles and output.
            pub fn name(self) -> &'static str {
                match self { $($set::$variant => $name,)* }
            }

            pub fn from_name(name: &str) -> Option<$set> {
                $set::ALL.iter().copied().find(|x| x.name() == name)
            }
        }
    };
}

pub(crate) use named_set;
