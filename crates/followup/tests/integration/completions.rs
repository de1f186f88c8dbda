//! `followup completions` and `followup man`: generated from the clap types, so they name every
//! subcommand.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::path::Path;

use crate::support;

fn stdout_of(args: &[&str]) -> String {
    let out = support::followup(Path::new("/nonexistent/followup-test"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_each_shell_mention_the_subcommands() {
    for (shell, marker, now) in [
        ("bash", "complete -F", "--now"),
        ("zsh", "#compdef followup", "--now"),
        ("fish", "complete -c followup", "-l now"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for sub in ["advise", "completions", "man"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        assert!(script.contains(now), "{shell} lacks --now");
    }
}

#[test]
fn an_unknown_shell_exits_two() {
    let out = support::followup(Path::new("/nonexistent/followup-test"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bash"));
}

#[test]
fn the_man_page_lists_the_subcommands() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH followup 1"), "{page}");
    assert!(page.contains("followup\\-advise(1)"), "{page}");
    assert!(page.contains("followup\\-completions(1)"), "{page}");
}

#[test]
fn a_subcommand_has_its_own_page_with_its_options() {
    let page = stdout_of(&["man", "advise"]);
    assert!(page.contains(".TH followup-advise 1"), "{page}");
    assert!(page.contains("\\-\\-demo"), "{page}");
    assert!(page.contains("\\-\\-now"), "{page}");

    let out = support::followup(Path::new("/nonexistent/followup-test"))
        .args(["man", "advice"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no command named \"advice\""), "{err}");
    assert!(err.contains("hint: commands with a page: advise"), "{err}");
}
