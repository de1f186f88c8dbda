//! The user's configuration file, and the one place followup asks for the system time zone.
//!
//! The file is `$XDG_CONFIG_HOME/followup/config.toml` (else `~/.config/followup/config.toml`);
//! `FOLLOWUP_CONFIG` names another file. A missing default file means the defaults; a missing
//! file named by `FOLLOWUP_CONFIG` is an error, since the user asked for it. Keys:
//!
//! ```toml
//! name = "Maria Silva"            # signs drafts
//! timezone = "America/Sao_Paulo"  # zone for processes that name none (else the system's)
//! holidays = ["2026-06-04"]       # extra non-working days for every process
//! date_order = "dmy"              # 05/08 is 5 August ("mdy": 8 May); a day above 12 decides
//! addresses = ["maria@example.org"] # your own mail addresses (required by `mail import`)
//!
//! [policy]                        # any number of the advisor's policy
//! business_days_without_promise = 7
//! ```
//!
//! Unknown keys are errors naming the key and its line, so a typo never silently does nothing.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use followup_core::time::phrase::DateOrder;
use followup_core::{Policy, Process, TimezoneSource, ZoneDefault};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::error::UserError;
use crate::input;

/// The environment variable naming the configuration file.
pub const CONFIG_ENV: &str = "FOLLOWUP_CONFIG";

/// The settings read from the configuration file, with defaults for what it leaves out.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The folder of the configuration (beside `config.toml`), even when the file is absent:
    /// it also holds the user's own draft templates.
    dir: Option<PathBuf>,
    path: Option<PathBuf>,
    name: Option<String>,
    timezone: Option<(String, TimeZone)>,
    /// Sorted and without duplicates: a set, merged into each process in one pass.
    holidays: Vec<Date>,
    date_order: DateOrder,
    addresses: Option<Vec<String>>,
    policy: Policy,
    /// The home folder, to write paths under it as `~/…` for people.
    home: Option<PathBuf>,
}

/// The file as written; validated into [`Config`].
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    name: Option<String>,
    timezone: Option<String>,
    holidays: Vec<String>,
    date_order: DateOrder,
    addresses: Option<Vec<String>>,
    policy: Policy,
}

impl Config {
    /// Loads the configuration named by the process environment (see the module docs).
    pub fn load_from_env() -> Result<Config, UserError> {
        Config::load(|key| std::env::var_os(key))
    }

    /// Loads the configuration, looking variables up with `env` (`FOLLOWUP_CONFIG`,
    /// `XDG_CONFIG_HOME`, `HOME`) so tests need not touch the process environment.
    pub fn load(env: impl Fn(&str) -> Option<OsString>) -> Result<Config, UserError> {
        let home = env("HOME")
            .filter(|value| !value.is_empty())
            .map(PathBuf::from);
        Ok(Config {
            home,
            ..Config::load_file(env)?
        })
    }

    /// [`Config::load`] without the home folder.
    fn load_file(env: impl Fn(&str) -> Option<OsString>) -> Result<Config, UserError> {
        let set = |key: &str| env(key).filter(|value| !value.is_empty());
        if let Some(path) = set(CONFIG_ENV) {
            let path = PathBuf::from(path);
            return match read_file(&path)? {
                Some(text) => Config::parse(&text, &path),
                None => Err(UserError::new(
                    format!(
                        "{CONFIG_ENV} names {}, which does not exist",
                        path.display()
                    ),
                    format!("create the file or unset {CONFIG_ENV} to use the default location"),
                )),
            };
        }
        let dir = match (set("XDG_CONFIG_HOME"), set("HOME")) {
            // The XDG spec says relative values are to be ignored.
            (Some(xdg), _) if Path::new(&xdg).is_absolute() => PathBuf::from(xdg),
            (_, Some(home)) => PathBuf::from(home).join(".config"),
            _ => return Ok(Config::default()),
        };
        let path = dir.join("followup").join("config.toml");
        match read_file(&path)? {
            Some(text) => Config::parse(&text, &path),
            None => Ok(Config {
                dir: Some(dir.join("followup")),
                ..Config::default()
            }),
        }
    }

    /// Parses and validates the text of a configuration file read from `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, UserError> {
        tracing::debug!(path = %path.display(), "reading the configuration");
        let shown = path.display();
        let hint = "see the Configuration section of the README for the keys and an example";
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            let line = err
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let message = err
                .message()
                .replace("unknown field", "unknown key")
                .replace('\n', " ");
            let at = line.map(|l| format!(" line {l}")).unwrap_or_default();
            UserError::new(format!("{shown}{at}: {message}"), hint)
        })?;

        if let Some(bad) = raw.policy.out_of_range() {
            let at = key_line(text, bad.key)
                .map(|l| format!(" line {l}"))
                .unwrap_or_default();
            return Err(UserError::new(
                format!(
                    "{shown}{at}: policy.{} = {} is out of range ({}–{})",
                    bad.key, bad.value, bad.min, bad.max
                ),
                "the README's policy table gives each key's range",
            ));
        }

        let timezone = raw
            .timezone
            .map(|name| match input::zones().get(&name) {
                Ok(zone) => Ok((name, zone)),
                Err(_) => Err(UserError::new(
                    format!("{shown}: timezone: unknown time zone {name:?}"),
                    "use an IANA name like \"Europe/Lisbon\" or \"America/Sao_Paulo\"",
                )),
            })
            .transpose()?;
        let holidays = raw
            .holidays
            .iter()
            .enumerate()
            .map(|(i, text)| {
                followup_core::time::parse_date(text)
                    .map_err(|err| UserError::new(format!("{shown}: holidays[{i}]: {err}"), hint))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let holidays = followup_core::time::business::sorted_holidays(holidays);
        let name = raw.name.filter(|n| !n.trim().is_empty());
        let addresses = raw
            .addresses
            .map(|list| {
                list.iter()
                    .enumerate()
                    .map(|(i, address)| {
                        let address = address.trim();
                        if followup_core::process::limits::is_email(address) {
                            Ok(address.to_ascii_lowercase())
                        } else {
                            Err(UserError::new(
                                format!(
                                    "{shown}: addresses[{i}]: {address:?} is not an email address"
                                ),
                                "write each address as name@example.org",
                            ))
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        Ok(Config {
            dir: path.parent().map(Path::to_owned),
            path: Some(path.to_owned()),
            name,
            timezone,
            holidays,
            date_order: raw.date_order,
            addresses,
            policy: raw.policy,
            home: None,
        })
    }

    /// Where the user's own draft templates live: `templates/<language>/` beside the
    /// configuration file. Files found there replace the built-in ones of the same name.
    pub fn templates_dir(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join("templates"))
    }

    /// The file the settings came from, when one was read.
    #[cfg_attr(not(test), allow(dead_code))] // Tests check which file was read.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The configuration file as people write its path (`~/.config/followup/config.toml`):
    /// the file read, else the one that would be read. `None` when there is no home folder
    /// to find it in.
    pub fn file_for_people(&self) -> Option<String> {
        let path = match (&self.path, &self.dir) {
            (Some(path), _) => path.clone(),
            (None, Some(dir)) => dir.join("config.toml"),
            (None, None) => return None,
        };
        Some(
            match self.home.as_deref().map(|home| path.strip_prefix(home)) {
                Some(Ok(rest)) => format!("~/{}", rest.display()),
                _ => path.display().to_string(),
            },
        )
    }

    /// The user's name, for signing drafts.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The advisor's numbers, defaults overridden by the `[policy]` table.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// How numeric dates whose order is ambiguous (`05/08`) are read.
    pub fn date_order(&self) -> DateOrder {
        self.date_order
    }

    /// The user's own mail addresses (`addresses`), lowercased; `None` when the key is absent.
    pub fn addresses(&self) -> Option<&[String]> {
        self.addresses.as_deref()
    }

    /// The file the settings came from, for messages ("config.toml" when none was read).
    pub fn shown_path(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "config.toml".to_owned(), |p| p.display().to_string())
    }

    /// Extra non-working days that apply to every process, sorted, without duplicates.
    pub fn holidays(&self) -> &[Date] {
        &self.holidays
    }

    /// The advice for `process` at `now` under this configuration: its holidays count with the
    /// process's own (borrowed by the advisor, not copied into the process: advising 20,000
    /// processes under 1,000 holidays costs what it costs without them) and its policy decides.
    /// Every command that advises goes through here.
    pub fn advise(&self, process: &mut Process, now: jiff::Timestamp) -> followup_core::Advice {
        followup_core::advisor::advise_with_holidays(process, self.policy(), now, &self.holidays)
    }

    /// [`Config::advise`] with what the other tracked processes bring to `process` (see
    /// [`followup_core::advisor::across`]); the configured holidays are borrowed the same way.
    pub fn advise_with(
        &self,
        process: &mut Process,
        now: jiff::Timestamp,
        outside: &followup_core::Outside,
    ) -> followup_core::Advice {
        followup_core::advisor::advise_across(process, self.policy(), now, &self.holidays, outside)
    }

    /// Adds the configured holidays to a process's own, without duplicates: one merge of two
    /// sorted sets (a copy when the process has none), never a search per holiday.
    pub fn apply_holidays(&self, process: &mut Process) {
        followup_core::time::business::merge_holidays(&mut process.holidays, &self.holidays);
    }

    /// The zone for processes that name none: the configured one, else the system's.
    ///
    /// This is the only place the binary reads the system zone. A system zone without an IANA
    /// name (a POSIX `TZ` string, say) cannot be written into a document, so UTC stands in and
    /// the output says which zone was used.
    pub fn zone_default(&self) -> ZoneDefault {
        if let Some((name, zone)) = &self.timezone {
            return ZoneDefault {
                name: name.clone(),
                zone: zone.clone(),
                source: TimezoneSource::Config,
            };
        }
        let system = TimeZone::try_system().ok().and_then(|zone| {
            let name = zone.iana_name()?.to_owned();
            Some((name, zone))
        });
        let (name, zone) = system.unwrap_or_else(|| ("UTC".to_owned(), TimeZone::UTC));
        ZoneDefault {
            name,
            zone,
            source: TimezoneSource::System,
        }
    }
}

/// The line (from 1) where `key` is set: `key = ...` in the `[policy]` table, or
/// `policy.key = ...`. TOML has already refused a key set twice.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("policy.").unwrap_or(line);
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Reads a file as UTF-8; `None` when it does not exist.
fn read_file(path: &Path) -> Result<Option<String>, UserError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|err| {
            UserError::new(
                format!(
                    "{}: not valid UTF-8 (byte {})",
                    path.display(),
                    err.utf8_error().valid_up_to()
                ),
                "save the configuration file as UTF-8",
            )
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(UserError::new(
            format!("cannot read {}: {err}", path.display()),
            "check the path and permissions of the configuration file",
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests fail loudly on purpose.
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(vars: &[(&str, &Path)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.as_os_str().to_owned()))
            .collect();
        move |key| map.get(key).cloned()
    }

    fn parse(text: &str) -> Result<Config, UserError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    #[test]
    fn the_file_is_named_for_people_under_home() {
        let home = Path::new("/home/maria");
        let config = Config::load(env(&[("HOME", home)])).unwrap();
        assert_eq!(
            config.file_for_people().as_deref(),
            Some("~/.config/followup/config.toml")
        );
        let xdg = Path::new("/etc/xdg");
        let config = Config::load(env(&[("HOME", home), ("XDG_CONFIG_HOME", xdg)])).unwrap();
        assert_eq!(
            config.file_for_people().as_deref(),
            Some("/etc/xdg/followup/config.toml")
        );
        assert_eq!(Config::load(env(&[])).unwrap().file_for_people(), None);
    }

    #[test]
    fn every_key_is_read() {
        let config = parse(
            r#"
            name = "Maria Silva"
            timezone = "Asia/Tokyo"
            holidays = ["2026-06-04", "2026-12-24"]
            date_order = "mdy"

            [policy]
            thank_you_window_hours = 12
            business_days_after_promise = 2
            business_days_without_promise = 7
            business_days_between_messages = 4
            max_unanswered = 3
            business_days_align_spacing = 2
            business_days_application_silence = 15
            business_days_overdue_before_quiet = 10
            "#,
        )
        .unwrap();
        assert_eq!(config.name(), Some("Maria Silva"));
        assert_eq!(config.date_order(), DateOrder::Mdy);
        let zone = config.zone_default();
        assert_eq!(zone.name, "Asia/Tokyo");
        assert_eq!(zone.source, TimezoneSource::Config);
        assert_eq!(
            config.holidays(),
            &[
                jiff::civil::date(2026, 6, 4),
                jiff::civil::date(2026, 12, 24)
            ]
        );
        assert_eq!(
            config.policy(),
            &Policy {
                thank_you_window_hours: 12,
                business_days_after_promise: 2,
                business_days_without_promise: 7,
                business_days_between_messages: 4,
                max_unanswered: 3,
                business_days_align_spacing: 2,
                business_days_application_silence: 15,
                business_days_overdue_before_quiet: 10,
            }
        );
    }

    #[test]
    fn missing_keys_keep_the_defaults() {
        let config = parse("[policy]\nmax_unanswered = 5\n").unwrap();
        assert_eq!(config.policy().max_unanswered, 5);
        assert_eq!(
            config.policy().business_days_without_promise,
            Policy::default().business_days_without_promise
        );
        assert_eq!(config.name(), None);
        assert!(config.holidays().is_empty());
        assert_eq!(config.date_order(), DateOrder::Dmy);
        assert_eq!(parse("").unwrap().policy(), &Policy::default());
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let err = parse("name = \"M\"\ncolour = \"red\"\n").unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("/cfg/config.toml line 2: unknown key `colour`"),
            "{message}"
        );
        let err = parse("[policy]\nmax_unanswred = 3\n").unwrap_err();
        let message = err.to_string();
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("`max_unanswred`"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn bad_values_are_named() {
        let err = parse("timezone = \"Mars/Olympus\"\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/cfg/config.toml: timezone: unknown time zone \"Mars/Olympus\""
        );
        let err = parse("holidays = [\"2026-06-04\", \"june 5\"]\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/cfg/config.toml: holidays[1]: "),
            "{err}"
        );
        let err = parse("name = \"M\"\ndate_order = \"ymd\"\n").unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("/cfg/config.toml line 2: "),
            "{message}"
        );
        assert!(
            message.contains("`dmy`") && message.contains("`mdy`"),
            "{message}"
        );
        let err = parse("[policy]\nmax_unanswered = -1\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = parse("name = \n").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn followup_config_names_the_file_and_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mine.toml");
        let err = Config::load(env(&[(CONFIG_ENV, &file)])).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        std::fs::write(&file, "name = \"Ana\"\n").unwrap();
        let config = Config::load(env(&[(CONFIG_ENV, &file)])).unwrap();
        assert_eq!(config.name(), Some("Ana"));
        assert_eq!(config.path(), Some(file.as_path()));
    }

    #[test]
    fn default_locations_and_a_missing_default_file() {
        let dir = tempfile::tempdir().unwrap();
        let xdg = dir.path().join("xdg");
        let home = dir.path().join("home");
        // Nothing there: defaults, no error.
        let config = Config::load(env(&[("XDG_CONFIG_HOME", &xdg), ("HOME", &home)])).unwrap();
        assert_eq!(config.path(), None);
        assert_eq!(config.policy(), &Policy::default());

        std::fs::create_dir_all(home.join(".config/followup")).unwrap();
        std::fs::write(
            home.join(".config/followup/config.toml"),
            "name = \"Home\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(xdg.join("followup")).unwrap();
        std::fs::write(xdg.join("followup/config.toml"), "name = \"Xdg\"\n").unwrap();
        let config = Config::load(env(&[("XDG_CONFIG_HOME", &xdg), ("HOME", &home)])).unwrap();
        assert_eq!(config.name(), Some("Xdg"));
        let config = Config::load(env(&[("HOME", &home)])).unwrap();
        assert_eq!(config.name(), Some("Home"));
        // A relative XDG_CONFIG_HOME is ignored, as the spec says.
        let relative = Path::new("relative/dir");
        let config = Config::load(env(&[("XDG_CONFIG_HOME", relative), ("HOME", &home)])).unwrap();
        assert_eq!(config.name(), Some("Home"));
        assert!(Config::load(env(&[])).unwrap().path().is_none());
    }

    #[test]
    fn a_directory_in_place_of_the_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = Config::load(env(&[(CONFIG_ENV, dir.path())])).unwrap_err();
        assert!(err.to_string().starts_with("cannot read "), "{err}");
    }

    #[test]
    fn configured_holidays_join_the_process_once() {
        let config = parse("holidays = [\"2026-05-11\", \"2026-05-12\"]\n").unwrap();
        let text = r#"{"company":"Acme","role":"Dev","timezone":"UTC","holidays":["2026-05-11"],"events":[]}"#;
        let mut process =
            followup_core::parse_document(text, input::zones(), &config.zone_default()).unwrap();
        config.apply_holidays(&mut process);
        assert_eq!(
            process.holidays,
            vec![
                jiff::civil::date(2026, 5, 11),
                jiff::civil::date(2026, 5, 12)
            ]
        );
    }

    #[test]
    fn item9_policy_values_out_of_range_name_key_line_and_range() {
        let err = parse("name = \"M\"\n[policy]\nmax_unanswered = 0\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "/cfg/config.toml line 3: policy.max_unanswered = 0 is out of range (1–5)"
        );
        let err = parse("[policy]\nthank_you_window_hours = 1000000000\n").unwrap_err();
        assert!(
            err.to_string().contains(
                "line 2: policy.thank_you_window_hours = 1000000000 is out of range (1–168)"
            ),
            "{err}"
        );
        let err = parse("policy.business_days_without_promise = 61\n").unwrap_err();
        assert!(
            err.to_string().contains(
                "line 1: policy.business_days_without_promise = 61 is out of range (0–60)"
            ),
            "{err}"
        );
        // A float is no count: refused by type, naming the line.
        let err = parse("[policy]\nmax_unanswered = 1e9\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(parse("[policy]\nmax_unanswered = 5\nthank_you_window_hours = 168\n").is_ok());
    }

    /// Issue 9, item 2: with 10,000 configured holidays, advising one process (with two of its
    /// own) makes far fewer holiday comparisons than one scan of the list; the old
    /// `Vec::contains` per configured holiday made about 50 million.
    #[test]
    fn item2_advising_one_process_does_not_scan_the_holiday_list() {
        use followup_core::time::business::probes;
        let start = jiff::civil::date(2000, 1, 1);
        let days: Vec<String> = (0..10_000)
            .map(|i| format!("\"{}\"", start + jiff::Span::new().days(i * 3)))
            .collect();
        let config = parse(&format!("holidays = [{}]\n", days.join(", "))).unwrap();
        assert_eq!(config.holidays().len(), 10_000);
        let text = r#"{"company":"Acme","role":"Dev","timezone":"UTC",
            "holidays":["2026-05-11","2026-05-12"],
            "events":[{"type":"interview","at":"2026-05-05T14:00:00Z"},
                      {"type":"promise","at":"2026-05-05T15:00:00Z","by":"2026-05-08"}]}"#;
        let mut process =
            followup_core::parse_document(text, input::zones(), &config.zone_default()).unwrap();
        let now = "2026-05-20T12:00:00Z".parse().unwrap();
        let before = probes::comparisons();
        let advice = config.advise(&mut process, now);
        let made = probes::comparisons() - before;
        assert!(made > 0, "the calendar was consulted");
        assert!(
            made < 2_000,
            "{made} holiday comparisons: the list was scanned"
        );
        assert_eq!(
            process.holidays.len(),
            2,
            "the configured holidays are not copied in"
        );
        // The same advice as with the holidays merged into the process.
        config.apply_holidays(&mut process);
        assert!(process.holidays.len() > 10_000 && process.holidays.is_sorted());
        let merged = followup_core::advise(&process, config.policy(), now);
        assert_eq!(format!("{advice:?}"), format!("{merged:?}"));
    }
}
