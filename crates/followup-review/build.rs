//! Compiles each language's folder (`rules/<code>/`: phrase tables and lexicon files) into
//! static data, so a review starts without reading, parsing or allocating any table. A line
//! that cannot be read stops the build with its file and line.
//!
//! The output, `$OUT_DIR/languages.rs`, defines one `Language` static per code in
//! [`LANGUAGES`] (`EN` for `en`) and the list of them all, `LANGUAGES`, built from the types
//! of `src/language.rs` and `src/phrase/pattern.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/phrase/pattern.rs"]
mod pattern;
#[path = "src/phrase/table.rs"]
mod table;

use pattern::{Alt, Pattern};

/// The languages compiled in: a folder under `rules/` each. Adding one is a folder and a line.
const LANGUAGES: &[&str] = &["en"];

/// The word lists every language folder has under `lexicon/`, as plain lists of words.
const WORD_SETS: &[(&str, &str)] = &[
    ("honorifics", "honorifics"),
    ("stop_words", "stop-words"),
    ("acronyms", "acronyms"),
    ("emphasis", "emphasis"),
    ("function_words", "function-words"),
    ("greetings", "greetings"),
    ("generic_addressees", "generic-addressees"),
    ("generic_thanks", "generic-thanks"),
    ("politeness", "politeness"),
    ("request_verbs", "request-verbs"),
];

/// A build error: a file (and line, when one is to blame) and what is wrong.
struct Error {
    file: PathBuf,
    line: Option<usize>,
    message: String,
}

impl Error {
    fn at(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Error {
            file: file.to_owned(),
            line: Some(line),
            message: message.into(),
        }
    }

    fn file(file: &Path, message: impl Into<String>) -> Self {
        Error {
            file: file.to_owned(),
            line: None,
            message: message.into(),
        }
    }
}

fn main() {
    println!("cargo::rerun-if-changed=rules");
    println!("cargo::rerun-if-changed=src/phrase/pattern.rs");
    println!("cargo::rerun-if-changed=src/phrase/table.rs");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut code = String::new();
    for language in LANGUAGES {
        match compile_language(&root.join(language), language) {
            Ok(compiled) => code.push_str(&compiled),
            Err(error) => {
                let at = match error.line {
                    Some(line) => format!("{}:{line}", error.file.display()),
                    None => error.file.display().to_string(),
                };
                eprintln!("error: {at}: {}", error.message);
                std::process::exit(1);
            }
        }
    }
    let statics: Vec<String> = LANGUAGES
        .iter()
        .map(|code| format!("&{}", code.to_uppercase()))
        .collect();
    let _ = writeln!(
        code,
        "/// Every compiled language.\npub static LANGUAGES: &[&Language] = &[{}];",
        statics.join(", ")
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("languages.rs");
    if let Err(error) = std::fs::write(&out, code) {
        eprintln!("error: {}: {error}", out.display());
        std::process::exit(1);
    }
}

fn read(file: &Path) -> Result<String, Error> {
    std::fs::read_to_string(file).map_err(|e| Error::file(file, e.to_string()))
}

/// The meaningful lines of a lexicon file: (line number, text), comments and blanks skipped.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn check_word(file: &Path, line: usize, word: &str) -> Result<(), Error> {
    let ok = word
        .chars()
        .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '\'' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::at(
            file,
            line,
            format!("{word:?} is not a lowercase word"),
        ))
    }
}

/// A plain list: whitespace-separated lowercase words.
fn word_list(file: &Path) -> Result<Vec<String>, Error> {
    let text = read(file)?;
    let mut words = Vec::new();
    for (n, line) in lines(&text) {
        for word in line.split_whitespace() {
            check_word(file, n, word)?;
            if !words.iter().any(|w| w == word) {
                words.push(word.to_owned());
            }
        }
    }
    Ok(words)
}

/// `key = words` lines, in order.
fn pairs(file: &Path) -> Result<Vec<(usize, String, Vec<String>)>, Error> {
    let text = read(file)?;
    let mut out = Vec::new();
    for (n, line) in lines(&text) {
        let Some((key, value)) = line.split_once('=') else {
            return Err(Error::at(file, n, "expected `word = value`"));
        };
        let key = key.trim();
        check_word(file, n, key)?;
        let values: Vec<String> = value.split_whitespace().map(str::to_owned).collect();
        if values.is_empty() {
            return Err(Error::at(file, n, format!("{key:?} has no value")));
        }
        out.push((n, key.to_owned(), values));
    }
    Ok(out)
}

/// `word = number` lines.
fn numbers(file: &Path, max: u32) -> Result<Vec<(String, u32)>, Error> {
    let mut out = Vec::new();
    for (n, key, values) in pairs(file)? {
        let value = values
            .first()
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|v| (1..=max).contains(v) && values.len() == 1)
            .ok_or_else(|| Error::at(file, n, format!("{key:?} needs one number 1..={max}")))?;
        out.push((key, value));
    }
    Ok(out)
}

/// A file of named word lists (`name = words`): every name in `keys` once, no other.
fn keyed(file: &Path, keys: &[&str]) -> Result<BTreeMap<String, Vec<String>>, Error> {
    let mut out = BTreeMap::new();
    for (n, key, values) in pairs(file)? {
        if !keys.contains(&key.as_str()) {
            return Err(Error::at(
                file,
                n,
                format!("unknown list {key:?}; expected one of {keys:?}"),
            ));
        }
        for value in &values {
            check_word(file, n, value)?;
        }
        if out.insert(key.clone(), values).is_some() {
            return Err(Error::at(file, n, format!("{key:?} is given twice")));
        }
    }
    if let Some(missing) = keys.iter().find(|k| !out.contains_key(**k)) {
        return Err(Error::file(file, format!("missing list {missing:?}")));
    }
    Ok(out)
}

fn string_slice(words: &[String]) -> String {
    let items: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn set(words: &[String]) -> String {
    let mut set = phf_codegen::Set::new();
    for word in words {
        set.entry(word.as_str());
    }
    set.build().to_string()
}

/// Facts the tokenizer reads for every word, gathered from several lists.
#[derive(Default)]
struct Facts {
    intensifier: bool,
    negator: bool,
    abbreviation: bool,
    expansion: Vec<String>,
}

fn compile_language(dir: &Path, code: &str) -> Result<String, Error> {
    let lexicon = dir.join("lexicon");
    let list = |name: &str| word_list(&lexicon.join(format!("{name}.txt")));

    let mut facts: BTreeMap<String, Facts> = BTreeMap::new();
    for word in list("intensifiers")? {
        facts.entry(word).or_default().intensifier = true;
    }
    for word in list("negators")? {
        facts.entry(word).or_default().negator = true;
    }
    for word in list("abbreviations")? {
        facts.entry(word).or_default().abbreviation = true;
    }
    let contractions = lexicon.join("contractions.txt");
    for (n, word, parts) in pairs(&contractions)? {
        for part in &parts {
            check_word(&contractions, n, part)?;
        }
        facts.entry(word).or_default().expansion = parts;
    }
    let mut words = phf_codegen::Map::new();
    for (word, f) in &facts {
        words.entry(
            word.as_str(),
            format!(
                "crate::language::Facts {{ intensifier: {}, negator: {}, abbreviation: {}, \
                 expansion: {} }}",
                f.intensifier,
                f.negator,
                f.abbreviation,
                string_slice(&f.expansion)
            ),
        );
    }

    let number_map = |name: &str, max: u32, ty: &str| -> Result<String, Error> {
        let mut map = phf_codegen::Map::new();
        for (word, value) in numbers(&lexicon.join(format!("{name}.txt")), max)? {
            map.entry(word, format!("{value}{ty}"));
        }
        Ok(map.build().to_string())
    };
    let counts = number_map("numbers", 1_000_000, "u32")?;
    let ordinals = number_map("ordinals", 31, "u8")?;
    let weekdays = keyed(&lexicon.join("weekdays.txt"), &["capital-only", "never"])?;
    let months = keyed(&lexicon.join("months.txt"), &["ambiguous", "context"])?;

    let mut sets = String::new();
    for (field, file) in WORD_SETS {
        let _ = writeln!(sets, "        {field}: {},", set(&list(file)?));
    }
    let negative = negative_words(code, &list("negative")?, &list("not-feelings")?);
    let _ = writeln!(sets, "        negative: {},", set(&negative));

    // The phrase tables, in file-name order; each pattern remembers its table.
    let stop_words = list("stop-words")?;
    let is_stop_word = |w: &str| stop_words.iter().any(|s| s == w);
    let phrases = dir.join("phrases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&phrases)
        .map_err(|e| Error::file(&phrases, e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut names = Vec::new();
    let mut patterns: Vec<(usize, Pattern)> = Vec::new();
    for file in &files {
        let name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| Error::file(file, "the file name is not UTF-8"))?
            .to_owned();
        let text = read(file)?;
        let table = table::parse_table(&text, &is_stop_word)
            .map_err(|e| Error::at(file, e.line, e.message))?;
        patterns.extend(table.into_iter().map(|p| (names.len(), p)));
        names.push(name);
    }

    // The index: each anchor word (or prefix) and the patterns it anchors.
    let bare: Vec<Pattern> = patterns.iter().map(|(_, p)| p.clone()).collect();
    let (anchored, prefixes) = table::index(&bare);
    let anchor_list = |list: &[(String, Vec<u32>)]| {
        let items: Vec<String> = list
            .iter()
            .map(|(word, targets)| {
                let targets: Vec<String> = targets.iter().map(u32::to_string).collect();
                format!("({word:?}, &[{}])", targets.join(", "))
            })
            .collect();
        format!("&[{}]", items.join(", "))
    };
    let pattern_code: Vec<String> = patterns.iter().map(|(_, p)| emit_pattern(p)).collect();
    let table_of: Vec<String> = patterns.iter().map(|(t, _)| t.to_string()).collect();

    let static_name = code.to_uppercase();
    let mut out = String::new();
    let _ = write!(
        out,
        "/// The `{code}` language, compiled from `rules/{code}/`.
// Learned weights may land near a constant such as 1/π: they are data, not that constant.
#[allow(clippy::approx_constant)]
pub static {static_name}: Language = Language {{
    code: {code:?},
    lexicon: Lexicon {{
        words: {words},
        counts: {counts},
        ordinals: {ordinals},
{sets}        weekdays_capital_only: {capital_only},
        weekdays_never: {never},
        ambiguous_months: {ambiguous},
        month_context: {context},
    }},
    phrases: PhraseSet {{
        tables: {tables},
        patterns: &[{patterns}],
        table_of: &[{table_of}],
        anchors: {anchors},
        prefix_anchors: {prefix_anchors},
    }},
    tone: {tone},
}};
",
        words = words.build(),
        capital_only = string_slice(&weekdays["capital-only"]),
        never = string_slice(&weekdays["never"]),
        ambiguous = string_slice(&months["ambiguous"]),
        context = string_slice(&months["context"]),
        tables = string_slice(&names),
        patterns = pattern_code.join(",\n"),
        table_of = table_of.join(", "),
        anchors = anchor_list(&anchored),
        prefix_anchors = anchor_list(&prefixes),
        tone = tone_model(&dir.join("tone").join("model.tsv"))?,
    );
    Ok(out)
}

/// The tone model of a language (`tone/model.tsv`, written by `bench/blind/train_tone.py`), as
/// the code of an `Option<ToneModel>`: `None` when the folder has none. Its first lines name
/// the categories of the weight columns; `(bias)` holds the intercepts; every other line is a
/// feature, its idf and one weight per category.
fn tone_model(file: &Path) -> Result<String, Error> {
    if !file.exists() {
        return Ok("None".to_owned());
    }
    let text = read(file)?;
    let mut categories: Vec<String> = Vec::new();
    let mut bias: Option<Vec<f32>> = None;
    let mut features = phf_codegen::Map::new();
    let mut rows: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if let Some(header) = line.strip_prefix("# feature\tidf\t") {
            categories = header.split('\t').map(str::to_owned).collect();
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if categories.is_empty() || fields.len() != categories.len() + 2 {
            return Err(Error::at(
                file,
                n,
                "expected the `# feature\tidf\t<categories>` header, then a feature, its idf \
                 and one weight per category",
            ));
        }
        let numbers: Result<Vec<f32>, _> = fields[1..].iter().map(|f| f.parse::<f32>()).collect();
        let numbers = numbers.map_err(|_| Error::at(file, n, "a field is not a number"))?;
        if fields[0] == "(bias)" {
            bias = Some(numbers[1..].to_vec());
            continue;
        }
        if !seen.insert(fields[0].to_owned()) {
            return Err(Error::at(
                file,
                n,
                format!("{:?} is listed twice", fields[0]),
            ));
        }
        features.entry(fields[0].to_owned(), rows.len().to_string());
        let row: Vec<String> = numbers.iter().map(|x| format!("{x:?}")).collect();
        rows.push(row.join(", "));
    }
    let Some(bias) = bias else {
        return Err(Error::file(file, "no `(bias)` line"));
    };
    let mut columns = Vec::new();
    for name in &categories {
        let variant = match name.as_str() {
            "emotion" => "Emotion",
            "demanding" => "Demanding",
            "pressure" => "Pressure",
            "self-promotion" => "SelfPromotion",
            "overjustification" => "Overjustification",
            other => {
                return Err(Error::file(
                    file,
                    format!("{other:?} is not a category the tone model reads"),
                ));
            }
        };
        columns.push(format!("Category::{variant}"));
    }
    let bias: Vec<String> = bias.iter().map(|x| format!("{x:?}")).collect();
    Ok(format!(
        "Some(ToneModel {{ categories: &[{}], bias: &[{}], features: {}, values: &[{}] }})",
        columns.join(", "),
        bias.join(", "),
        features.build(),
        rows.join(", ")
    ))
}

/// Words that score at most this in VADER (−4 to +4) count as strongly negative.
const NEGATIVE_AT_MOST: f64 = -1.5;

/// The strongly negative words of a language: for English, VADER's lexicon (MIT, through the
/// `vader_sentiment` crate, read here so nothing is parsed at run time), plus the folder's
/// `negative.txt`, less its `not-feelings.txt` (words that are no feeling in a job search).
fn negative_words(code: &str, extra: &[String], not_feelings: &[String]) -> Vec<String> {
    let mut words: Vec<String> = extra.to_vec();
    if code == "en" {
        for (word, valence) in vader_sentiment::LEXICON.iter() {
            let word: &str = word.as_ref();
            if *valence <= NEGATIVE_AT_MOST
                && word.len() >= 3
                && word.chars().all(|c| c.is_ascii_lowercase())
            {
                words.push(word.to_owned());
            }
        }
    }
    words.retain(|w| !not_feelings.contains(w));
    words.sort();
    words.dedup();
    words
}

fn emit_alts(alts: &[Alt]) -> String {
    let items: Vec<String> = alts
        .iter()
        .map(|alt| match alt {
            Alt::Word(w) => format!("Alt::Word(Cow::Borrowed({w:?}))"),
            Alt::Prefix(p) => format!("Alt::Prefix(Cow::Borrowed({p:?}))"),
            Alt::Number => "Alt::Number".to_owned(),
            Alt::Weekday => "Alt::Weekday".to_owned(),
            Alt::Month => "Alt::Month".to_owned(),
            Alt::Ordinal => "Alt::Ordinal".to_owned(),
            Alt::Negative => "Alt::Negative".to_owned(),
            Alt::Clock => "Alt::Clock".to_owned(),
            Alt::Amount => "Alt::Amount".to_owned(),
        })
        .collect();
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

fn emit_pattern(pattern: &Pattern) -> String {
    let slots: Vec<String> = pattern
        .slots
        .iter()
        .map(|s| {
            format!(
                "Slot {{ alts: {}, gap_before: {} }}",
                emit_alts(&s.alts),
                s.gap_before
            )
        })
        .collect();
    let suggestion = match &pattern.suggestion {
        Some(s) => format!("Some(Cow::Borrowed({s:?}))"),
        None => "None".to_owned(),
    };
    format!(
        "Pattern {{ slots: Cow::Borrowed(&[{}]), anchor: {}, not_before: {}, not_after: {}, \
         suggestion: {suggestion} }}",
        slots.join(", "),
        pattern.anchor,
        emit_alts(&pattern.not_before),
        emit_alts(&pattern.not_after),
    )
}
