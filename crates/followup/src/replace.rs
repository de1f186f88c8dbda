//! Replacing a file atomically: what `export --out FILE` writes through.
//!
//! The new content goes to a temp file created next to the target with `O_EXCL` and a random
//! name (so no file of the user's, whatever its name, is ever overwritten or deleted), gets the
//! target's permissions (0600 for a new file: an export is personal data), is flushed to disk,
//! and is renamed over the target in one step. A target that is a symlink is written through:
//! the link stays a link and the file it names is replaced. A target that is not a regular
//! file (a device such as `/dev/full`, a folder) is refused: renaming over it would replace a
//! device node with a file (issue 9, item 4).

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::error::UserError;

/// How many symlinks are followed before giving up (as the kernel's `ELOOP`).
const MAX_LINKS: usize = 40;

/// Replaces the file at `target` (or the file it links to) with `contents`, atomically.
pub fn replace_file(target: &Path, contents: &[u8]) -> Result<(), UserError> {
    let shown = target.display();
    let fail = |what: String| {
        UserError::new(
            format!("--out {shown}: {what}"),
            "choose a regular file in a writable folder, or --out - to print",
        )
    };
    let (file, existing) = resolve(target).map_err(fail)?;
    let mode = match &existing {
        Some(meta) if meta.is_file() => meta.permissions().mode() & 0o7777,
        Some(_) => {
            return Err(fail(format!(
                "{} is not a regular file (a device, a folder or a pipe); refusing to replace it",
                file.display()
            )));
        }
        None => 0o600,
    };
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // O_EXCL with a random name, mode 0600 until the target's permissions are set.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|err| fail(format!("cannot create a file in {}: {err}", dir.display())))?;
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(mode))
        .and_then(|()| tmp.write_all(contents))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|err| fail(err.to_string()))?;
    // On failure the temp file is removed when `tmp` drops; the target is as it was.
    tmp.persist(&file)
        .map_err(|err| fail(err.error.to_string()))?;
    // Make the rename itself durable; a folder that cannot be opened or synced still has it.
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The file `target` names after following symlinks, and its metadata when it exists.
fn resolve(target: &Path) -> Result<(PathBuf, Option<std::fs::Metadata>), String> {
    let mut path = target.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&path).map_err(|err| err.to_string())?;
                path = match path.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(meta) => return Ok((path, Some(meta))),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok((path, None)),
            Err(err) => return Err(err.to_string()),
        }
    }
    Err("too many levels of symbolic links".to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn item4_a_new_file_is_0600_and_an_existing_one_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.json");
        replace_file(&new, b"one").unwrap();
        let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let kept = dir.path().join("kept.json");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_file(&kept, b"two").unwrap();
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            (mode, std::fs::read_to_string(&kept).unwrap().as_str()),
            (0o640, "two")
        );
        // Nothing else is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn item4_a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real/export.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        symlink("real/export.json", &link).unwrap();
        replace_file(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A dangling link creates the file it names.
        let dangling = dir.path().join("dangling.json");
        symlink("real/later.json", &dangling).unwrap();
        replace_file(&dangling, b"later").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("real/later.json")).unwrap(),
            "later"
        );
    }

    #[test]
    fn item4_not_a_regular_file_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let err = replace_file(dir.path(), b"x").unwrap_err();
        assert!(
            err.message().contains("is not a regular file"),
            "{}",
            err.message()
        );
        // A socket stands in for a device: never risk a real device node in a test.
        let socket = dir.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let err = replace_file(&socket, b"x").unwrap_err();
        assert!(
            err.message().contains("is not a regular file"),
            "{}",
            err.message()
        );
        assert!(!std::fs::metadata(&socket).unwrap().is_file());
    }
}
