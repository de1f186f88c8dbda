//! Handles: the short names people type (`acme-backend`), and suggestions for typos.
//!
//! A handle is the slug of the company (legal suffixes such as "Inc." dropped) followed by the
//! first significant word of the role ("Senior Backend Engineer" → `backend`). On a collision
//! `-2`, `-3`, ... is appended.

/// Words of a role that say nothing about which job it is.
const ROLE_FILLERS: &[&str] = &[
    "a",
    "an",
    "and",
    "associate",
    "chief",
    "de",
    "for",
    "head",
    "i",
    "ii",
    "iii",
    "in",
    "intern",
    "jr",
    "junior",
    "lead",
    "mid",
    "of",
    "principal",
    "senior",
    "sr",
    "staff",
    "the",
    "to",
];

/// Legal-form words dropped from company names.
const COMPANY_SUFFIXES: &[&str] = &[
    "ab",
    "ag",
    "bv",
    "co",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "limited",
    "llc",
    "ltd",
    "ltda",
    "oy",
    "plc",
    "pty",
    "sa",
    "sas",
    "spa",
    "srl",
];

/// Longest company part of a handle, so handles stay short enough to type.
const MAX_COMPANY_CHARS: usize = 24;

/// The words of `text`, lowercased, ASCII letters and digits only (common accents folded).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        match folded {
            Some(f) if f.is_ascii_alphanumeric() => word.push(f),
            // Apostrophes join ("O'Reilly" → "oreilly"); anything else separates words.
            _ if c == '\'' || c == '’' => {}
            _ => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Folds the common Latin accents to ASCII; other non-ASCII characters are dropped.
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        'ł' => 'l',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        _ => return None,
    };
    Some(folded)
}

/// The base handle for a company and role, before collisions are resolved.
pub fn base_handle(company: &str, role: &str) -> String {
    let company_words: Vec<String> = {
        let all = words(company);
        let kept: Vec<String> = all
            .iter()
            // Single letters are initials of a legal form ("S.A.", "B.V.").
            .filter(|w| {
                !COMPANY_SUFFIXES.contains(&w.as_str()) && w.as_str() != "the" && w.len() > 1
            })
            .cloned()
            .collect();
        if kept.is_empty() { all } else { kept }
    };
    let mut company_part = String::new();
    for word in &company_words {
        let extra = if company_part.is_empty() { 0 } else { 1 };
        if !company_part.is_empty() && company_part.len() + extra + word.len() > MAX_COMPANY_CHARS {
            break;
        }
        if !company_part.is_empty() {
            company_part.push('-');
        }
        company_part.push_str(word);
    }
    company_part.truncate(MAX_COMPANY_CHARS);
    let role_words = words(role);
    let role_part = role_words
        .iter()
        .find(|w| !ROLE_FILLERS.contains(&w.as_str()))
        .or_else(|| role_words.first());
    let parts: Vec<&str> = [Some(company_part.as_str()), role_part.map(String::as_str)]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "process".to_owned()
    } else {
        fit(&parts.join("-"), MAX_HANDLE)
    }
}

/// Longest handle (the rule of `followup_core::process::limits`).
const MAX_HANDLE: usize = followup_core::process::limits::MAX_HANDLE;

/// `handle` cut to at most `max` bytes (handles are ASCII) at a word boundary, or inside the
/// first word when that alone is longer.
fn fit(handle: &str, max: usize) -> String {
    if handle.len() <= max {
        return handle.to_owned();
    }
    let head = &handle[..max];
    let cut = match head.rfind('-') {
        Some(dash) if handle.as_bytes().get(max) != Some(&b'-') && dash > 0 => &head[..dash],
        _ => head,
    };
    cut.trim_end_matches('-').to_owned()
}

/// The first of `base`, `base-2`, `base-3`, ... that `taken` says is free.
pub fn unique_handle<E>(
    base: &str,
    mut taken: impl FnMut(&str) -> Result<bool, E>,
) -> Result<String, E> {
    if !taken(base)? {
        return Ok(base.to_owned());
    }
    let mut n = 2u64;
    loop {
        let suffix = format!("-{n}");
        let candidate = format!("{}{suffix}", fit(base, MAX_HANDLE - suffix.len()));
        if !taken(&candidate)? {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The existing handle closest to `wanted`: smallest edit distance, handles that start with
/// what was typed first, ties broken alphabetically. `None` when there are no handles.
pub fn closest<'a>(wanted: &str, handles: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wanted = wanted.to_lowercase();
    handles
        .into_iter()
        .min_by_key(|h| {
            let prefix = !h.starts_with(wanted.as_str());
            (prefix, edit_distance(&wanted, h), h.to_string())
        })
        .map(str::to_owned)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn company_slug_and_first_significant_role_word() {
        assert_eq!(base_handle("Acme", "Backend Engineer"), "acme-backend");
        assert_eq!(
            base_handle("Acme Inc.", "Senior Backend Engineer"),
            "acme-backend"
        );
        assert_eq!(base_handle("Red Hat", "Head of Product"), "red-hat-product");
        assert_eq!(
            base_handle("Nestlé S.A.", "Analista de Dados"),
            "nestle-analista"
        );
        assert_eq!(
            base_handle("O'Reilly Media", "Editor"),
            "oreilly-media-editor"
        );
        assert_eq!(base_handle("株式会社", "エンジニア"), "process");
        assert_eq!(base_handle("Acme", "Senior"), "acme-senior");
    }

    #[test]
    fn long_company_names_are_cut_at_a_word() {
        let handle = base_handle(
            "International Business Machines Corporation of America",
            "Engineer",
        );
        assert_eq!(handle, "international-business-engineer");
    }

    #[test]
    fn handle_longer_than_64_is_cut_at_a_word_boundary() {
        let handle = base_handle("Acme", &"x".repeat(65_600));
        assert_eq!(handle, "acme");
        let handle = base_handle(&"y".repeat(300), "Engineer");
        assert_eq!(handle, format!("{}-engineer", "y".repeat(24)));
        let long = base_handle("Acme", &format!("{} Engineer", "z".repeat(70)));
        assert_eq!(long, "acme");
        let word = "w".repeat(64);
        let taken = |h: &str| Ok::<_, ()>(h == word);
        let next = unique_handle(&word, taken).unwrap();
        assert_eq!(next, format!("{}-2", "w".repeat(62)));
        for h in [handle, long, next] {
            assert!(
                followup_core::process::limits::check_handle("h", &h).is_ok(),
                "{h}"
            );
        }
    }

    #[test]
    fn collisions_get_a_number() {
        let taken = ["acme-backend", "acme-backend-2"];
        let handle = unique_handle("acme-backend", |h| Ok::<_, ()>(taken.contains(&h)));
        assert_eq!(handle, Ok("acme-backend-3".to_owned()));
    }

    #[test]
    fn closest_prefers_prefixes_then_distance() {
        let handles = ["acme-backend", "globex-design", "acme-frontend"];
        assert_eq!(
            closest("acme-bakend", handles).as_deref(),
            Some("acme-backend")
        );
        assert_eq!(closest("glob", handles).as_deref(), Some("globex-design"));
        assert_eq!(closest("x", []), None);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
